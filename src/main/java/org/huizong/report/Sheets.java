package org.huizong.report;

import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The look of the report's sheets, as a clerk prints them: a title, a header row repeated
 * on every page, numbers with thousands separators, columns as wide as their Chinese
 * text, landscape and fitted to the page width, the office and period in the page header.
 */
final class Sheets {

	private static final int MAX_WIDTH = 40;

	final CellStyle title;

	final CellStyle note;

	final CellStyle header;

	final CellStyle text;

	final CellStyle integer;

	final CellStyle decimal;

	final CellStyle percent;

	final CellStyle totalText;

	final CellStyle totalInteger;

	final CellStyle totalDecimal;

	/**
	 * A figure a unit wrote as approximate (余, 约, 多): shown as 约1,234, still a number.
	 */
	final CellStyle approxInteger;

	final CellStyle approxDecimal;

	private final String pageHeader;

	Sheets(Workbook workbook, String pageHeader) {
		this.pageHeader = pageHeader;
		Font bold = workbook.createFont();
		bold.setBold(true);
		Font big = workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);
		this.title = workbook.createCellStyle();
		this.title.setFont(big);
		this.title.setAlignment(HorizontalAlignment.CENTER);
		this.note = workbook.createCellStyle();
		this.header = bordered(workbook);
		this.header.setFont(bold);
		this.header.setAlignment(HorizontalAlignment.CENTER);
		this.header.setVerticalAlignment(VerticalAlignment.CENTER);
		this.header.setWrapText(true);
		this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.text = bordered(workbook);
		this.integer = number(workbook, "#,##0", null);
		this.decimal = number(workbook, "#,##0.0##", null);
		this.percent = number(workbook, "0.0", null);
		this.totalText = bordered(workbook);
		this.totalText.setFont(bold);
		this.totalInteger = number(workbook, "#,##0", bold);
		this.totalDecimal = number(workbook, "#,##0.0##", bold);
		this.approxInteger = number(workbook, "\"约\"#,##0", null);
		this.approxDecimal = number(workbook, "\"约\"#,##0.0##", null);
	}

	private static CellStyle bordered(Workbook workbook) {
		CellStyle style = workbook.createCellStyle();
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		style.setVerticalAlignment(VerticalAlignment.CENTER);
		return style;
	}

	private static CellStyle number(Workbook workbook, String format, Font font) {
		CellStyle style = bordered(workbook);
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		if (font != null) {
			style.setFont(font);
		}
		return style;
	}

	/** A title across the table's columns, and a note line below it. */
	void title(Sheet sheet, String title, String note, int columns) {
		Row row = sheet.createRow(0);
		row.setHeightInPoints(24);
		Cell cell = row.createCell(0);
		cell.setCellValue(title);
		cell.setCellStyle(this.title);
		if (columns > 1) {
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
		}
		Cell line = sheet.createRow(1).createCell(0);
		line.setCellValue(note);
		line.setCellStyle(this.note);
	}

	void headers(Row row, String... names) {
		for (int i = 0; i < names.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(names[i]);
			cell.setCellStyle(this.header);
		}
	}

	void text(Row row, int column, String value) {
		text(row, column, value, this.text);
	}

	void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		if (value != null && !value.isEmpty()) {
			cell.setCellValue(value);
		}
		cell.setCellStyle(style);
	}

	/** A number as a number; an empty bordered cell where there is none. */
	void number(Row row, int column, BigDecimal value, boolean total) {
		Cell cell = row.createCell(column);
		boolean whole = value == null || value.stripTrailingZeros().scale() <= 0;
		cell.setCellStyle(
				total ? (whole ? this.totalInteger : this.totalDecimal) : (whole ? this.integer : this.decimal));
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
	}

	void percent(Row row, int column, BigDecimal value) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(this.percent);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
	}

	/**
	 * Marks a figure written as approximate (余, 约, 多): 约 before the number, printed as it
	 * is shown; the cell still holds the number.
	 */
	void approximate(Cell cell) {
		boolean whole = cell.getCellStyle().getIndex() == this.integer.getIndex();
		cell.setCellStyle(whole ? this.approxInteger : this.approxDecimal);
	}

	/** Columns as wide as their widest text, CJK characters counting twice. */
	static void widths(Sheet sheet, int[] widths) {
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, Math.min(MAX_WIDTH, Math.max(6, widths[i] + 2)) * 256);
		}
	}

	static void measure(int[] widths, int column, String text) {
		if (text == null || column >= widths.length) {
			return;
		}
		widths[column] = Math.max(widths[column], width(text));
	}

	/** How many characters wide a text prints, a CJK character counting as two. */
	static int width(String text) {
		int width = 0;
		for (int i = 0; i < text.length(); i++) {
			width += (text.charAt(i) > 0x2E7F) ? 2 : 1;
		}
		return width;
	}

	/**
	 * Print-ready: rows up to {@code headerRow} repeated on every page, frozen below it,
	 * landscape where wide, one page wide.
	 */
	void printable(Sheet sheet, int headerRow, boolean landscape) {
		sheet.createFreezePane(0, headerRow + 1);
		sheet.setRepeatingRows(new CellRangeAddress(0, headerRow, -1, -1));
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(landscape);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setHorizontallyCenter(true);
		sheet.getHeader().setCenter(this.pageHeader);
		sheet.getFooter().setCenter("第 &P 页，共 &N 页");
	}

}
