package org.huizong.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.huizong.intake.Cell;
import org.huizong.intake.CellKind;
import org.huizong.intake.Row;
import org.huizong.intake.RowSink;
import org.huizong.intake.SubmissionReader;
import org.huizong.issue.Issue;
import org.huizong.issue.Severity;

/**
 * Writes a unit's submission back to it as {@code .xlsx}: a first sheet {@code 问题说明}
 * listing every fault, then the unit's own sheets with each faulty cell filled (red for
 * an error, yellow for a warning) and a comment in Chinese saying what is wrong.
 * Streamed, like every reader.
 */
public final class FeedbackWriter {

	static final String SUMMARY_SHEET = "问题说明";

	private static final int MIN_COLUMN_WIDTH = 8;

	private static final int MAX_COLUMN_WIDTH = 50;

	private FeedbackWriter() {
	}

	public static void write(SubmissionReader source, String fileName, String unit, String period, List<Issue> issues,
			Path out) throws IOException {
		Map<String, List<Issue>> byCell = new HashMap<>();
		for (Issue issue : issues) {
			if (!issue.cell().isEmpty()) {
				byCell.computeIfAbsent(sheetName(issue.sheet()) + "!" + issue.cell(), (k) -> new ArrayList<>())
					.add(issue);
			}
		}
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Styles styles = new Styles(workbook);
			summary(workbook, styles, fileName, unit, period, issues);
			source.read(new Copy(workbook, styles, byCell));
			AtomicFiles.write(out, workbook::write);
		}
	}

	static String sheetName(String sheet) {
		return sheet.isEmpty() ? "数据" : sheet;
	}

	private static void summary(SXSSFWorkbook workbook, Styles styles, String fileName, String unit, String period,
			List<Issue> issues) {
		SXSSFSheet sheet = workbook.createSheet(SUMMARY_SHEET);
		int r = 0;
		org.apache.poi.ss.usermodel.Row title = sheet.createRow(r++);
		title.setHeightInPoints(36);
		text(title, 0, unit + " " + period + " 报送文件“" + fileName + "”的问题反馈", styles.wrapped);
		text(sheet.createRow(r++), 0, "红色为错误（该单元格未计入汇总，请改正后重新报送），黄色为警告（已计入，请核实）。", styles.wrapped);
		for (int line = 0; line < 2; line++) {
			sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(line, line, 0, 4));
		}
		r++;
		org.apache.poi.ss.usermodel.Row header = sheet.createRow(r++);
		String[] titles = { "工作表", "单元格", "严重程度", "问题", "代码" };
		for (int i = 0; i < titles.length; i++) {
			text(header, i, titles[i], null);
		}
		for (Issue issue : issues) {
			if (issue.severity() != Severity.ERROR && issue.severity() != Severity.WARNING) {
				continue;
			}
			org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
			text(row, 0, issue.sheet(), null);
			text(row, 1, issue.cell(), null);
			text(row, 2, label(issue.severity()), styles.of(issue.severity()));
			text(row, 3, issue.message(), styles.wrapped);
			text(row, 4, issue.code(), null);
		}
		int[] widths = { 16, 10, 10, 60, 28 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
		printable(sheet);
		sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(3, 3, -1, -1));
	}

	/**
	 * A sheet as a clerk prints it: A4 landscape, as wide as one page, as many pages long
	 * as it takes.
	 */
	static void printable(org.apache.poi.ss.usermodel.Sheet sheet) {
		sheet.setFitToPage(true);
		org.apache.poi.ss.usermodel.PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
		print.setLandscape(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
	}

	private static String label(Severity severity) {
		return switch (severity) {
			case ERROR -> "错误";
			case WARNING -> "警告";
			default -> "说明";
		};
	}

	private static void text(org.apache.poi.ss.usermodel.Row row, int column, String value, XSSFCellStyle style) {
		org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
		cell.setCellValue(CsvExport.safe(value));
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private static final class Styles {

		private final XSSFCellStyle error;

		private final XSSFCellStyle warning;

		private final XSSFCellStyle wrapped;

		Styles(SXSSFWorkbook workbook) {
			this.error = fill(workbook, IndexedColors.ROSE);
			this.warning = fill(workbook, IndexedColors.LIGHT_YELLOW);
			this.wrapped = (XSSFCellStyle) workbook.createCellStyle();
			this.wrapped.setWrapText(true);
		}

		private static XSSFCellStyle fill(SXSSFWorkbook workbook, IndexedColors color) {
			XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
			style.setFillForegroundColor(color.getIndex());
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			return style;
		}

		XSSFCellStyle of(Severity severity) {
			return (severity == Severity.ERROR) ? this.error : this.warning;
		}

	}

	/** Copies the unit's rows, marking the faulty cells as they pass. */
	private static final class Copy implements RowSink {

		private final SXSSFWorkbook workbook;

		private final Styles styles;

		private final Map<String, List<Issue>> byCell;

		/** Per sheet and row, the columns that have issues: cells a blank may hide. */
		private final Map<String, Map<Integer, List<Integer>>> marked = new HashMap<>();

		private final Map<String, Integer> names = new LinkedHashMap<>();

		private SXSSFSheet sheet;

		private Drawing<?> drawing;

		private String sheetName;

		/*
		 * The widest text of each column of the sheet being copied, CJK counting twice.
		 */
		private final Map<Integer, Integer> widths = new HashMap<>();

		Copy(SXSSFWorkbook workbook, Styles styles, Map<String, List<Issue>> byCell) {
			this.workbook = workbook;
			this.styles = styles;
			this.byCell = byCell;
			for (String key : byCell.keySet()) {
				String sheet = key.substring(0, key.lastIndexOf('!'));
				this.marked.computeIfAbsent(sheet, (k) -> new HashMap<>())
					.computeIfAbsent(rowOf(key), (k) -> new ArrayList<>())
					.add(columnOf(key));
			}
		}

		@Override
		public void startSheet(String name) {
			this.sheetName = sheetName(name);
			String unique = this.sheetName;
			int n = this.names.merge(unique, 1, Integer::sum);
			if (n > 1 || unique.equals(SUMMARY_SHEET)) {
				unique = unique + "(" + n + ")";
			}
			this.sheet = this.workbook.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(unique));
			this.sheet.setDefaultColumnWidth(14);
			printable(this.sheet);
			this.drawing = this.sheet.createDrawingPatriarch();
		}

		@Override
		public void row(Row row) {
			org.apache.poi.ss.usermodel.Row target = this.sheet.createRow(row.number() - 1);
			for (Cell cell : row.cells()) {
				org.apache.poi.ss.usermodel.Cell copy = target.createCell(cell.column());
				if (cell.kind() == CellKind.NUMBER) {
					copy.setCellValue(Double.parseDouble(cell.text()));
				}
				else {
					copy.setCellValue(CsvExport.safe(cell.text()));
				}
				this.widths.merge(cell.column(), Sheets.width(cell.text()), Math::max);
			}
			List<Integer> columns = this.marked.getOrDefault(this.sheetName, Map.of())
				.getOrDefault(row.number(), List.of());
			for (int column : columns) {
				if (target.getCell(column) == null) {
					target.createCell(column);
				}
				mark(target, column, row.number());
			}
		}

		private void mark(org.apache.poi.ss.usermodel.Row target, int column, int rowNumber) {
			List<Issue> issues = this.byCell.get(this.sheetName + "!" + Cell.address(column, rowNumber));
			if (issues == null) {
				return;
			}
			boolean error = issues.stream().anyMatch((i) -> i.severity() == Severity.ERROR);
			org.apache.poi.ss.usermodel.Cell cell = target.getCell(column);
			cell.setCellStyle(this.styles.of(error ? Severity.ERROR : Severity.WARNING));
			CreationHelper helper = this.workbook.getCreationHelper();
			ClientAnchor anchor = helper.createClientAnchor();
			anchor.setCol1(column + 1);
			anchor.setCol2(column + 5);
			anchor.setRow1(rowNumber - 1);
			anchor.setRow2(rowNumber + 4);
			Comment comment = this.drawing.createCellComment(anchor);
			StringBuilder text = new StringBuilder();
			for (Issue issue : issues) {
				text.append(text.isEmpty() ? "" : "\n")
					.append(label(issue.severity()))
					.append("：")
					.append(issue.message());
			}
			comment.setString(helper.createRichTextString(text.toString()));
			comment.setAuthor("huizong");
			comment.setAddress(rowNumber - 1, column);
			cell.setCellComment(comment);
		}

		/**
		 * Each column as wide as its text (up to a limit), so no text runs into the next
		 * column when printed.
		 */
		@Override
		public void endSheet() {
			this.widths.forEach((column, width) -> this.sheet.setColumnWidth(column,
					Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width + 2)) * 256));
			this.widths.clear();
		}

		private static int rowOf(String key) {
			String address = key.substring(key.lastIndexOf('!') + 1);
			return Integer.parseInt(address.replaceAll("^[A-Z]+", ""));
		}

		private static int columnOf(String key) {
			String letters = key.substring(key.lastIndexOf('!') + 1).replaceAll("\\d+$", "");
			int column = 0;
			for (char c : letters.toCharArray()) {
				column = column * 26 + (c - 'A' + 1);
			}
			return column - 1;
		}

	}

}
