package org.huizong.report;

import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.huizong.period.Period;

/**
 * {@code 数据来源}: every figure of the period with its unit, file, sheet and cell, so any
 * total can be traced to the cells behind it. Written a row at a time through the
 * streaming workbook; a period with more figures than a sheet holds goes on in
 * {@code 数据来源（续1）} and after.
 */
final class SourceSheet {

	static final String[] HEADERS = { "单位", "期间", "专项", "指标", "问题来源", "数值", "计量单位", "原文", "文件", "工作表", "单元格" };

	private static final int[] WIDTHS = { 16, 9, 22, 16, 10, 12, 8, 14, 40, 14, 8 };

	private static final int MAX_ROWS = 1_000_000;

	private final SXSSFWorkbook workbook;

	private final Sheets sheets;

	private final Period period;

	private Sheet sheet;

	private int part;

	private int next;

	private long rows;

	SourceSheet(SXSSFWorkbook workbook, Sheets sheets, Period period) {
		this.workbook = workbook;
		this.sheets = sheets;
		this.period = period;
		start();
	}

	private void start() {
		String name = (this.part == 0) ? ReportWorkbook.SOURCES : ReportWorkbook.SOURCES + "（续" + this.part + "）";
		this.sheet = this.workbook.createSheet(name);
		this.sheets.title(this.sheet, "数据来源（" + this.period.chinese() + "）", "每个计入汇总的数字及其所在的文件、工作表和单元格。",
				HEADERS.length);
		this.sheets.headers(this.sheet.createRow(2), HEADERS);
		this.sheets.printable(this.sheet, 2, true);
		this.next = 3;
	}

	void add(String unit, String period, String campaign, String metric, String source, BigDecimal value,
			String measure, String raw, String file, String sheetName, String cell) {
		if (this.next > MAX_ROWS) {
			finish();
			this.part++;
			start();
		}
		Row row = this.sheet.createRow(this.next++);
		String[] before = { unit, period, campaign, metric, source };
		for (int i = 0; i < before.length; i++) {
			plain(row, i, before[i]);
		}
		this.sheets.number(row, 5, value, false);
		String[] after = { measure, raw, file, sheetName, cell };
		for (int i = 0; i < after.length; i++) {
			plain(row, 6 + i, after[i]);
		}
		this.rows++;
	}

	/**
	 * The sheet's column widths, set once its rows are written: a streaming sheet with
	 * columns defined looks each of them up again for every cell it creates.
	 */
	void finish() {
		for (int i = 0; i < WIDTHS.length; i++) {
			this.sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
	}

	/* Text without a style: a million rows of borders would only make the file larger. */
	private static void plain(Row row, int column, String text) {
		if (text != null && !text.isEmpty()) {
			row.createCell(column).setCellValue(text);
		}
	}

	long rows() {
		return this.rows;
	}

}
