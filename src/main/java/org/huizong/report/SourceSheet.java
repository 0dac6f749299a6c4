package org.huizong.report;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.period.Period;

/**
 * {@code 数据来源}: every figure of the period with its unit, file, sheet and cell, so any
 * total can be traced to the cells behind it. A period can hold a million figures: POI
 * builds the sheet's title, header and print setup, and the rows are written as XML
 * straight into the package as they come from the database, never held. A period with
 * more figures than a sheet holds goes on in {@code 数据来源（续1）} and after.
 */
final class SourceSheet {

	static final String[] HEADERS = { "单位", "期间", "专项", "指标", "问题来源", "数值", "计量单位", "原文", "文件", "工作表", "单元格" };

	private static final int[] WIDTHS = { 16, 9, 22, 16, 10, 12, 8, 14, 40, 14, 8 };

	static final int MAX_ROWS = 1_000_000;

	private static final int FIRST_ROW = 4;

	/** One sheet of it: its entry in the package and its XML around the rows. */
	private record Part(String entry, String head, String tail) {
	}

	private final ZipOutputStream zip;

	private final List<Part> parts;

	private final int integerStyle;

	private final int decimalStyle;

	private OutputStream xml;

	/* The row being written, reused. */
	private final StringBuilder line = new StringBuilder(512);

	private int part = -1;

	private int row;

	private SourceSheet(ZipOutputStream zip, List<Part> parts, int integerStyle, int decimalStyle) {
		this.zip = zip;
		this.parts = parts;
		this.integerStyle = integerStyle;
		this.decimalStyle = decimalStyle;
	}

	/** The sheets for {@code figures} figures, title, header and print setup only. */
	static List<XSSFSheet> create(XSSFWorkbook workbook, Sheets sheets, Period period, long figures) {
		List<XSSFSheet> created = new ArrayList<>();
		long parts = Math.max(1, (figures + MAX_ROWS - 1) / MAX_ROWS);
		for (int part = 0; part < parts; part++) {
			String name = (part == 0) ? ReportWorkbook.SOURCES : ReportWorkbook.SOURCES + "（续" + part + "）";
			XSSFSheet sheet = workbook.createSheet(name);
			sheets.title(sheet, "数据来源（" + period.chinese() + "）", "每个计入汇总的数字及其所在的文件、工作表和单元格。", HEADERS.length);
			sheets.headers(sheet.createRow(2), HEADERS);
			sheets.printable(sheet, 2, true);
			for (int i = 0; i < WIDTHS.length; i++) {
				sheet.setColumnWidth(i, WIDTHS[i] * 256);
			}
			created.add(sheet);
		}
		return created;
	}

	/**
	 * Writes the package: every part of {@code skeleton} as it is, but the sheets of 数据来源
	 * with the rows {@code rows} gives them.
	 */
	static void write(byte[] skeleton, List<? extends Sheet> sheets, Sheets styles, OutputStream out,
			ReportWorkbook.SourceRows rows) throws IOException {
		Map<String, Integer> sourceEntries = new LinkedHashMap<>();
		for (int i = 0; i < sheets.size(); i++) {
			sourceEntries.put(((XSSFSheet) sheets.get(i)).getPackagePart().getPartName().getName().substring(1), i);
		}
		String[] xmls = new String[sheets.size()];
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(skeleton), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Integer source = sourceEntries.get(entry.getName());
				if (source != null) {
					xmls[source] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					continue;
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				in.transferTo(zip);
				zip.closeEntry();
			}
		}
		List<Part> parts = new ArrayList<>();
		sourceEntries.forEach((entry, i) -> {
			int end = xmls[i].indexOf("</sheetData>");
			parts.add(new Part(entry, xmls[i].substring(0, end), xmls[i].substring(end)));
		});
		SourceSheet sheet = new SourceSheet(zip, parts, styles.integer.getIndex(), styles.decimal.getIndex());
		zip.setLevel(Deflater.BEST_SPEED);
		try {
			rows.write(sheet);
			sheet.finish();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		zip.finish();
	}

	void add(String unit, String period, String campaign, String metric, String source, BigDecimal value,
			String measure, String raw, String file, String sheetName, String cell) {
		try {
			if (this.xml == null || this.row >= FIRST_ROW + MAX_ROWS) {
				next();
			}
			StringBuilder xml = this.line;
			xml.setLength(0);
			String r = Integer.toString(this.row);
			xml.append("<row r=\"").append(r).append("\">");
			text(xml, unit);
			text(xml, period);
			text(xml, campaign);
			text(xml, metric);
			text(xml, source);
			if (value == null) {
				xml.append("<c/>");
			}
			else {
				xml.append("<c s=\"")
					.append((value.scale() <= 0) ? this.integerStyle : this.decimalStyle)
					.append("\"><v>")
					.append(value.toPlainString())
					.append("</v></c>");
			}
			text(xml, measure);
			text(xml, raw);
			text(xml, file);
			text(xml, sheetName);
			text(xml, cell);
			xml.append("</row>");
			this.xml.write(xml.toString().getBytes(StandardCharsets.UTF_8));
			this.row++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A cell of text. Every cell of a row is written, in order, an empty one as
	 * {@code <c/>}, so that none needs its address: a million rows' XML is a third
	 * smaller.
	 */
	private static void text(StringBuilder xml, String text) {
		if (text == null || text.isEmpty()) {
			xml.append("<c/>");
			return;
		}
		boolean spaced = Character.isWhitespace(text.charAt(0))
				|| Character.isWhitespace(text.charAt(text.length() - 1));
		xml.append(spaced ? "<c t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "<c t=\"inlineStr\"><is><t>");
		if (plain(text)) {
			xml.append(text);
		}
		else {
			escape(xml, text);
		}
		xml.append("</t></is></c>");
	}

	/** Whether the text can go into XML as it is, the case of nearly every cell. */
	private static boolean plain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c >= 0xD800) {
				return false;
			}
		}
		return true;
	}

	private static void escape(StringBuilder xml, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> xml.append("&amp;");
				case '<' -> xml.append("&lt;");
				case '>' -> xml.append("&gt;");
				case '"' -> xml.append("&quot;");
				default -> {
					boolean allowed = (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != '\ufffe'
							&& c != '\uffff' && (!Character.isSurrogate(c) || validPair(text, i));
					xml.append(allowed ? c : '\ufffd');
				}
			}
		}
	}

	/** Whether the surrogate at {@code i} belongs to a whole pair. */
	private static boolean validPair(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
	}

	/** Ends the sheet being written, if any, and starts the next. */
	private void next() throws IOException {
		endPart();
		this.part++;
		if (this.part >= this.parts.size()) {
			throw new IllegalStateException("数据来源的行数多于事先统计的 " + this.parts.size() * (long) MAX_ROWS + " 行");
		}
		Part part = this.parts.get(this.part);
		this.zip.putNextEntry(new ZipEntry(part.entry()));
		this.xml = new BufferedOutputStream(new NonClosing(this.zip), 1 << 16);
		this.xml.write(part.head().getBytes(StandardCharsets.UTF_8));
		this.row = FIRST_ROW;
	}

	private void endPart() throws IOException {
		if (this.xml != null) {
			this.xml.write(this.parts.get(this.part).tail().getBytes(StandardCharsets.UTF_8));
			this.xml.flush();
			this.zip.closeEntry();
			this.xml = null;
		}
	}

	/** Ends the last sheet, and writes any sheet no row reached as POI made it. */
	void finish() {
		try {
			if (this.part < 0) {
				next();
			}
			endPart();
			for (int i = this.part + 1; i < this.parts.size(); i++) {
				Part part = this.parts.get(i);
				this.zip.putNextEntry(new ZipEntry(part.entry()));
				this.zip.write((part.head() + part.tail()).getBytes(StandardCharsets.UTF_8));
				this.zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The package's stream, written through and never closed by a sheet's buffer. */
	private static final class NonClosing extends FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
