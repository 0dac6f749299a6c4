package org.huizong.intake;

/**
 * Deliberate bounds on what one file may cost.
 * @param maxRowsPerSheet rows read from one sheet before the file is rejected
 * @param maxColumns columns read from one row; cells beyond are ignored
 */
public record ReadLimits(int maxRowsPerSheet, int maxColumns) {

	public static ReadLimits defaults() {
		return new ReadLimits(1_048_576, 256);
	}

}
