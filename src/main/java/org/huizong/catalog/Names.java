package org.huizong.catalog;

import java.text.Normalizer;

/**
 * Folds names the way units write them so that one spelling matches another: full-width
 * forms, white space and bracket styles do not count.
 */
public final class Names {

	private Names() {
	}

	/** Longer than this, a cell is prose, not a name worth looking up. */
	public static final int MAX_NAME_LENGTH = 100;

	/**
	 * Units repeat the same few hundred names on every row; folding each once is enough.
	 */
	private static final int CACHE_SIZE = 50_000;

	private static final java.util.concurrent.ConcurrentHashMap<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

	/* Entries put, roughly: the map's own count is costly to take on every miss. */
	private static final java.util.concurrent.atomic.AtomicInteger CACHED = new java.util.concurrent.atomic.AtomicInteger();

	/** Full-width to half-width, no white space, every bracket style as {@code ()}. */
	public static String fold(String raw) {
		if (raw.length() > MAX_NAME_LENGTH) {
			return compute(raw);
		}
		String folded = CACHE.get(raw);
		if (folded == null) {
			if (CACHED.incrementAndGet() > CACHE_SIZE) {
				CACHE.clear();
				CACHED.set(1);
			}
			folded = compute(raw);
			CACHE.put(raw, folded);
		}
		return folded;
	}

	/**
	 * Folds text that is seldom the same twice, such as a cell's value, without keeping
	 * it.
	 */
	public static String foldOnce(String raw) {
		return compute(raw);
	}

	private static String compute(String raw) {
		String plain = foldPlain(raw);
		return (plain != null) ? plain : foldNormalized(raw);
	}

	/**
	 * Folds text of printable ASCII and the common CJK ideographs (U+4E00 to U+9FFF),
	 * most names and values: such text is its own NFKC form and holds no white space, so
	 * only letters are lowered and brackets made round, without the normaliser.
	 * @return the folded text, the same string if folding changes nothing, or
	 * {@code null} for text with any other character
	 */
	private static String foldPlain(String raw) {
		boolean changes = false;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '\u4e00' && c <= '\u9fff') {
				continue;
			}
			if (c < '!' || c > '~') {
				return null;
			}
			changes |= (c >= 'A' && c <= 'Z') || c == '[' || c == ']' || c == '<' || c == '>';
		}
		if (!changes) {
			return raw;
		}
		StringBuilder out = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			switch (c) {
				case '[', '<' -> out.append('(');
				case ']', '>' -> out.append(')');
				default -> out.append((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c);
			}
		}
		return out.toString();
	}

	/** Folds any text: NFKC first. */
	static String foldNormalized(String raw) {
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff') {
				continue;
			}
			switch (c) {
				case '[', '【', '〔', '〖', '<', '《' -> out.append('(');
				case ']', '】', '〕', '〗', '>', '》' -> out.append(')');
				default -> out.append(Character.toLowerCase(c));
			}
		}
		return out.toString();
	}

	/**
	 * The folded text in a name's trailing brackets ({@code 只} of {@code 修理果壳箱（只）}), or
	 * empty.
	 */
	public static String bracketedSuffix(String raw) {
		String[] split = splitTrailingBracket(fold(raw));
		return (split != null) ? split[1] : "";
	}

	/**
	 * Splits {@code 修理果壳箱(只)} into the name and the bracketed text, on a folded name.
	 * @return the name and the bracket content, or {@code null} when the name ends in no
	 * bracket
	 */
	static String[] splitTrailingBracket(String folded) {
		if (!folded.endsWith(")")) {
			return null;
		}
		int open = folded.lastIndexOf('(');
		if (open <= 0 || folded.indexOf(')') < open) {
			return null;
		}
		return new String[] { folded.substring(0, open), folded.substring(open + 1, folded.length() - 1) };
	}

	/** 专项, 指标 or 问题来源, for a kind of name. */
	public static String kindLabel(String kind) {
		return switch (kind) {
			case "campaign" -> "专项";
			case "metric" -> "指标";
			case "source" -> "问题来源";
			default -> kind;
		};
	}

}
