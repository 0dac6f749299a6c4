package org.huizong.intake;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns the elements of one worksheet part,
 * {@code <row r=><c r= t= s=><v/><is><t/></is>}, into rows of cells, whichever parser
 * reads the XML ({@link SheetXmlScanner} or StAX): the parser reports each element by its
 * local name, wherever it stands, and this keeps the state of the row and cell it is in.
 */
final class SheetCells {

	private final List<String> strings;

	private final boolean[] dateStyles;

	private final boolean date1904;

	private final RowSink sink;

	private final ReadLimits limits;

	private List<Cell> cells = new ArrayList<>();

	private int rowNumber;

	private int rowsRead;

	private int nextColumn;

	private int column;

	private String type;

	private int style = -1;

	private String value;

	/* An inline string's text: mostly one piece, rich text runs several. */
	private String inline;

	private StringBuilder runs;

	SheetCells(List<String> strings, boolean[] dateStyles, boolean date1904, RowSink sink, ReadLimits limits) {
		this.strings = strings;
		this.dateStyles = dateStyles;
		this.date1904 = date1904;
		this.sink = sink;
		this.limits = limits;
	}

	/** {@code <row>}; @param number its {@code r}, or -1 when it has none */
	void startRow(int number) {
		this.rowNumber = (number > 0) ? number : this.rowNumber + 1;
		this.cells = new ArrayList<>();
		this.nextColumn = 0;
		if (++this.rowsRead > this.limits.maxRowsPerSheet()) {
			throw RejectionReason.SHEET_TOO_MANY_ROWS.rejection(this.limits.maxRowsPerSheet());
		}
	}

	/** {@code <c>} with none of its attributes yet. */
	void startCell() {
		this.column = this.nextColumn;
		this.type = null;
		this.style = -1;
		this.nextColumn = this.column + 1;
		this.value = null;
		this.inline = null;
		this.runs = null;
	}

	/** The cell's {@code r}, as {@link #columnOf} reads it. */
	void cellColumn(int column) {
		this.column = column;
		this.nextColumn = column + 1;
	}

	/** The cell's {@code t}. */
	void cellType(String type) {
		this.type = type;
	}

	/** The cell's {@code s}, as {@link #parseInt} reads it. */
	void cellStyle(int style) {
		this.style = style;
	}

	/** The text of a {@code <v>}. */
	void value(String text) {
		this.value = text;
	}

	/** {@code <is>}: an inline string starts. */
	void startInline() {
		this.inline = "";
	}

	/** Whether a {@code <t>} is part of an inline string, and its text wanted. */
	boolean inInline() {
		return this.inline != null;
	}

	/** The text of a {@code <t>} of an inline string. */
	void inlineText(String piece) {
		if (this.runs != null) {
			this.runs.append(piece);
		}
		else if (this.inline.isEmpty()) {
			this.inline = piece;
		}
		else {
			this.runs = new StringBuilder(this.inline).append(piece);
		}
	}

	/** {@code </c>}. */
	void endCell() {
		if (this.column < this.limits.maxColumns()) {
			String text = (this.runs != null) ? this.runs.toString() : this.inline;
			Cell cell = cell((text != null) ? text : this.value);
			if (cell != null && !cell.text().isBlank()) {
				this.cells.add(cell);
			}
		}
	}

	/** {@code </row>}. */
	void endRow() {
		this.sink.row(new Row(this.rowNumber, this.cells));
	}

	private Cell cell(String raw) {
		if (raw == null) {
			return null;
		}
		String t = (this.type != null) ? this.type : "n";
		return switch (t) {
			case "s" -> sharedString(raw);
			case "inlineStr", "str" -> Cell.text(this.column, this.limits.cut(raw));
			case "e" -> new Cell(this.column, CellKind.ERROR, raw);
			case "b" -> new Cell(this.column, CellKind.BOOLEAN, "1".equals(raw) ? "TRUE" : "FALSE");
			default -> number(raw);
		};
	}

	private Cell sharedString(String raw) {
		if (raw.isBlank()) {
			return null;
		}
		int index = parseInt(raw.trim());
		if (index < 0 || index >= this.strings.size()) {
			throw RejectionReason.NO_SHARED_STRING.rejection();
		}
		return Cell.text(this.column, this.strings.get(index));
	}

	/** The day after the last date Excel has, 9999-12-31. */
	static final double LAST_EXCEL_DATE = 2958466;

	private Cell number(String raw) {
		String text = raw.trim();
		if (text.isEmpty()) {
			return null;
		}
		boolean date = this.style >= 0 && this.style < this.dateStyles.length && this.dateStyles[this.style];
		if (!date && isPlainInteger(text)) {
			return new Cell(this.column, CellKind.NUMBER, text);
		}
		if (!date && text.length() > 2 && text.endsWith(".0")) {
			/* How many writers store a whole number. */
			String whole = text.substring(0, text.length() - 2);
			if (isPlainInteger(whole)) {
				return new Cell(this.column, CellKind.NUMBER, whole);
			}
		}
		BigDecimal number;
		try {
			number = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return Cell.text(this.column, this.limits.cut(raw));
		}
		if (date) {
			double serial = number.doubleValue();
			// Excel's dates end with 9999-12-31 (2958465); past that, POI fails on the
			// number instead of telling it is no date
			String shown = (DateUtil.isValidExcelDate(serial) && serial < LAST_EXCEL_DATE)
					? DateUtil.getLocalDateTime(serial, this.date1904).toLocalDate().toString() : text;
			return new Cell(this.column, CellKind.DATE, shown);
		}
		return new Cell(this.column, CellKind.NUMBER, Cell.plainDecimal(number));
	}

	private static boolean isPlainInteger(String text) {
		int start = (text.charAt(0) == '-') ? 1 : 0;
		if (text.length() - start == 0 || text.length() - start > 15
				|| (text.charAt(start) == '0' && text.length() - start > 1)) {
			return false;
		}
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return !text.equals("-0");
	}

	/** A row number or style index: digits only, or -1. */
	static int parseInt(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return parseInt(bytes, 0, bytes.length);
	}

	/**
	 * {@link #parseInt(String)} of UTF-8 bytes, as the worksheet scanner has them: any
	 * byte of a character beyond ASCII is no digit either.
	 */
	static int parseInt(byte[] text, int from, int to) {
		int value = 0;
		if (to == from || to - from > 9) {
			return -1;
		}
		for (int i = from; i < to; i++) {
			int c = text[i];
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/** The zero-based column of an A1 reference: its leading capital letters. */
	static int columnOf(String reference) {
		byte[] bytes = reference.getBytes(StandardCharsets.UTF_8);
		return columnOf(bytes, 0, bytes.length);
	}

	/** {@link #columnOf(String)} of UTF-8 bytes, as the worksheet scanner has them. */
	static int columnOf(byte[] reference, int from, int to) {
		int column = 0;
		for (int i = from; i < to; i++) {
			int c = reference[i];
			if (c < 'A' || c > 'Z') {
				break;
			}
			column = column * 26 + (c - 'A' + 1);
			if (column > 16_384) {
				return 16_384;
			}
		}
		return column - 1;
	}

	private static final byte[] INLINE_STR = "inlineStr".getBytes(StandardCharsets.US_ASCII);

	/**
	 * A cell's type, as the worksheet scanner has it in bytes, as the constant it mostly
	 * is.
	 */
	static String type(XmlBytes xml, byte[] b, int from, int to) throws XMLStreamException {
		int length = to - from;
		if (length == 1) {
			switch (b[from]) {
				case 's':
					return "s";
				case 'n':
					return "n";
				case 'b':
					return "b";
				case 'e':
					return "e";
				default:
			}
		}
		else if (length == 3 && b[from] == 's' && b[from + 1] == 't' && b[from + 2] == 'r') {
			return "str";
		}
		else if (length == 9 && Arrays.equals(b, from, to, INLINE_STR, 0, 9)) {
			return "inlineStr";
		}
		return xml.utf8(b, from, to);
	}

}
