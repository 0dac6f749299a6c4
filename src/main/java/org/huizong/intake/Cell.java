package org.huizong.intake;

/**
 * One non-blank cell.
 *
 * @param column zero-based column index
 * @param kind what the file says it holds
 * @param text its text; for a number the plain decimal form
 */
public record Cell(int column, CellKind kind, String text) {

	public static Cell text(int column, String text) {
		return new Cell(column, CellKind.TEXT, text);
	}

	/**
	 * A number as this project writes it everywhere: no exponent, no grouping, no
	 * trailing zeros.
	 */
	public static String plainDecimal(java.math.BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	/** The column letters of the A1 notation: 0 is {@code A}, 26 is {@code AA}. */
	public static String columnName(int column) {
		StringBuilder name = new StringBuilder();
		for (int c = column + 1; c > 0; c = (c - 1) / 26) {
			name.insert(0, (char) ('A' + (c - 1) % 26));
		}
		return name.toString();
	}

	public static String address(int column, int rowNumber) {
		if (column < 26) {
			/* Most cells; made on every figure, so without the general path's detours. */
			return new StringBuilder(8).append((char) ('A' + column)).append(rowNumber).toString();
		}
		return columnName(column) + rowNumber;
	}

}
