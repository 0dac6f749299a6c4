package org.huizong.intake;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.huizong.catalog.Names;

/**
 * Reads a number as units write it: {@code 1,356}, {@code ７８}, {@code 1.2万平方米},
 * {@code 3.9万余盆}, {@code 约300}, {@code 300多}, {@code 100%}. Blanks, {@code —}, {@code /}
 * and {@code 无} are missing values, never zero.
 */
public final class ValueParser {

	private static final Set<String> MISSING = Set.of("", "-", "--", "\u2014", "\u2014\u2014", "\u2013", "\u2015",
			"\u2500", "/", "//", "\\", "无", "空", "暂无", "没有", "n/a", "na", "null", "none", ".", "...");

	private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");

	private static final Pattern SQUARED = Pattern.compile("[a-z]+2");

	/** Longer than this, text is prose, not a number with its measure. */
	private static final int MAX_LENGTH = 64;

	private ValueParser() {
	}

	/** Whether the text stands for "no value" rather than a number. */
	public static boolean isMissing(String raw) {
		return raw.length() <= MAX_LENGTH && !hasDigit(raw) && MISSING.contains(Names.fold(raw));
	}

	/* No word for "missing" has a digit, in either width. */
	static boolean hasDigit(String raw) {
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if ((c >= '0' && c <= '9') || (c >= '\uff10' && c <= '\uff19')) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Parses a cell's text.
	 * @return the value, or empty when the text is not a number (the caller reports it)
	 */
	public static Optional<ParsedValue> parse(String raw) {
		if (raw.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		if (isPlainNumber(raw)) {
			return Optional.of(new ParsedValue(new BigDecimal(raw.replace(",", "")), false, ""));
		}
		String once = Names.foldOnce(raw);
		String folded = (once.indexOf(',') >= 0) ? DIGIT_GROUPS.matcher(once).replaceAll("") : once;
		Parts m = Parts.of(folded);
		if (m == null) {
			return Optional.empty();
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(m.number);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		amount = amount.multiply(multiplier(m.multiplier));
		boolean approx = m.approx;
		String measure = m.measure;
		if (measure.startsWith("万") && measure.length() > 1) {
			amount = amount.multiply(BigDecimal.valueOf(10_000));
			measure = measure.substring(1);
		}
		if (measure.length() >= 2 && measure.charAt(0) == '(' && measure.charAt(measure.length() - 1) == ')') {
			measure = measure.substring(1, measure.length() - 1);
		}
		if (hasDigit(measure) && !SQUARED.matcher(measure).matches()) {
			return Optional.empty();
		}
		return Optional.of(new ParsedValue(amount, approx, measure.replace("(", "").replace(")", "")));
	}

	/**
	 * Whether the text is the commonest value written as text, such as {@code 1,356} or
	 * {@code 1808.5}: ASCII digits, thousands separators where they belong, a decimal
	 * part. Such text is a number; {@link #parse} reads it without folding and patterns,
	 * as the general path would.
	 */
	public static boolean isPlainNumber(String raw) {
		int group = 0;
		boolean grouped = false;
		boolean point = false;
		int decimals = 0;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '0' && c <= '9') {
				if (point) {
					decimals++;
				}
				else {
					group++;
				}
			}
			else if (c == ',' && !point && (grouped ? group == 3 : group >= 1 && group <= 3)) {
				grouped = true;
				group = 0;
			}
			else if (c == '.' && !point && (grouped ? group == 3 : group >= 1)) {
				point = true;
			}
			else {
				return false;
			}
		}
		return point ? decimals > 0 : (grouped ? group == 3 : group >= 1);
	}

	/**
	 * A number's parts as units write it, read as the pattern
	 * {@code (约|大约|近|约计)?([+-]?(\d+(\.\d*)?|\.\d+))(万|千|百|亿)?(余|多)?(.*?)(余|多|左右|以上)?}
	 * matches the whole text, without one: an approximating word before, the number, a
	 * multiplier, the measure and an approximating word after. No part but the number may
	 * hold a line break.
	 */
	private record Parts(String number, String multiplier, boolean approx, String measure) {

		private static final String[] BEFORE = { "约", "大约", "近", "约计" };

		static Parts of(String text) {
			int start = 0;
			int at = -1;
			for (String word : BEFORE) {
				if (text.startsWith(word)) {
					at = numberEnd(text, word.length());
					if (at > 0) {
						start = word.length();
						break;
					}
				}
			}
			boolean approx = start > 0;
			if (start == 0) {
				at = numberEnd(text, 0);
			}
			if (at < 0) {
				return null;
			}
			String number = text.substring(start, at);
			String multiplier = null;
			if (at < text.length() && "万千百亿".indexOf(text.charAt(at)) >= 0) {
				multiplier = text.substring(at, at + 1);
				at++;
			}
			if (at < text.length() && (text.charAt(at) == '余' || text.charAt(at) == '多')) {
				approx = true;
				at++;
			}
			int end = text.length();
			for (int i = at; i < end; i++) {
				if (isLineBreak(text.charAt(i))) {
					return null;
				}
			}
			if (text.endsWith("左右") && end - at >= 2 || text.endsWith("以上") && end - at >= 2) {
				approx = true;
				end -= 2;
			}
			else if (end > at && (text.charAt(end - 1) == '余' || text.charAt(end - 1) == '多')) {
				approx = true;
				end--;
			}
			return new Parts(number, multiplier, approx, text.substring(at, end));
		}

		/**
		 * Where a number that starts at {@code from} ends, or -1 if none starts there.
		 */
		private static int numberEnd(String text, int from) {
			int i = from;
			if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
				i++;
			}
			int digits = digitsEnd(text, i);
			if (digits > i) {
				i = digits;
				return (i < text.length() && text.charAt(i) == '.') ? digitsEnd(text, i + 1) : i;
			}
			if (i < text.length() && text.charAt(i) == '.') {
				int decimals = digitsEnd(text, i + 1);
				return (decimals > i + 1) ? decimals : -1;
			}
			return -1;
		}

		private static int digitsEnd(String text, int from) {
			int i = from;
			while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
				i++;
			}
			return i;
		}

		/* What a pattern's dot does not match. */
		private static boolean isLineBreak(char c) {
			return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
		}

	}

	private static BigDecimal multiplier(String word) {
		if (word == null) {
			return BigDecimal.ONE;
		}
		return switch (word) {
			case "万" -> BigDecimal.valueOf(10_000);
			case "千" -> BigDecimal.valueOf(1_000);
			case "百" -> BigDecimal.valueOf(100);
			case "亿" -> BigDecimal.valueOf(100_000_000);
			default -> BigDecimal.ONE;
		};
	}

}
