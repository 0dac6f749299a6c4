package org.huizong.catalog;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds names the way units write them so that one spelling matches another: full-width forms,
 * white space and bracket styles do not count.
 */
public final class Names {

	private static final Pattern TRAILING_BRACKET = Pattern.compile("^(.+?)\\(([^()]*)\\)$");

	private Names() {
	}

	/** Full-width to half-width, no white space, every bracket style as {@code ()}. */
	public static String fold(String raw) {
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
	 * Splits {@code 修理果壳箱(只)} into the name and the bracketed text, on a folded name.
	 * @return the name and the bracket content, or {@code null} when the name ends in no bracket
	 */
	static String[] splitTrailingBracket(String folded) {
		Matcher m = TRAILING_BRACKET.matcher(folded);
		return m.matches() ? new String[] { m.group(1), m.group(2) } : null;
	}

}
