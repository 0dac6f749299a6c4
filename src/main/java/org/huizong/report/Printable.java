package org.huizong.report;

/**
 * Text from files and their names made safe for a terminal or a log: control characters
 * (escape sequences, line breaks, bidirectional overrides) are shown as visible symbols
 * instead of acting on the screen.
 */
public final class Printable {

	private Printable() {
	}

	public static String of(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder safe = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String shown = shown(c);
			if (shown != null && safe == null) {
				safe = new StringBuilder(text.length() + 8).append(text, 0, i);
			}
			if (safe != null) {
				safe.append((shown != null) ? shown : String.valueOf(c));
			}
		}
		return (safe != null) ? safe.toString() : text;
	}

	private static String shown(char c) {
		if (c < 0x20) {
			return String.valueOf((char) (0x2400 + c));
		}
		if (c == 0x7F) {
			return "\u2421";
		}
		if ((c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
			return String.format("<U+%04X>", (int) c);
		}
		return null;
	}

}
