package org.huizong.intake;

import java.time.Duration;

/**
 * Deliberate bounds on what one file may cost; a file that reaches one is rejected by name.
 * @param maxRowsPerSheet rows read from one sheet before the file is rejected
 * @param maxColumns columns read from one row; cells beyond are ignored
 * @param maxTextLength characters one cell may hold; longer text is cut
 * @param timePerFile how long reading one file may take
 */
public record ReadLimits(int maxRowsPerSheet, int maxColumns, int maxTextLength, Duration timePerFile) {

	public static ReadLimits defaults() {
		return new ReadLimits(1_048_576, 256, 32_767, Duration.ofMinutes(5));
	}

	/** The text as a cell may hold it: cut at {@link #maxTextLength}. */
	String cut(String text) {
		return (text.length() <= this.maxTextLength) ? text : text.substring(0, this.maxTextLength);
	}

}
