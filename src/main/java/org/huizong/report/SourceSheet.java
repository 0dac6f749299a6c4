package org.huizong.report;

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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

	private static final byte[] ROW = "<row r=\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ROW_END_TAG = "\">".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EMPTY = "<c/>".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] STYLED = "<c s=\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] STYLED_VALUE = "\"><v>".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] VALUE_END = "</v></c>".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ROW_END = "</row>".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHARED = "<c t=\"s\"><v>".getBytes(StandardCharsets.US_ASCII);

	/** The most a row of names takes; a longer one gets a buffer of its own. */
	private static final int ROW_ROOM = 4096;

	private final PackageWriter zip;

	private final List<Part> parts;

	private final SharedStrings strings;

	private final int integerStyle;

	private final int decimalStyle;

	private byte[] buffer;

	/* Each column's last text and its index: a submission's rows repeat most of them. */
	private final String[] lastText = new String[HEADERS.length];

	private final int[] lastIndex = new int[HEADERS.length];

	private int length;

	private int part = -1;

	private int row;

	private SourceSheet(PackageWriter zip, List<Part> parts, SharedStrings strings, int integerStyle,
			int decimalStyle) {
		this.zip = zip;
		this.parts = parts;
		this.strings = strings;
		this.integerStyle = integerStyle;
		this.decimalStyle = decimalStyle;
		this.buffer = zip.buffer();
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
	 * with the rows {@code rows} gives them, and the shared strings with those the rows
	 * use added.
	 */
	static void write(byte[] skeleton, List<? extends Sheet> sheets, Sheets styles, OutputStream out,
			ReportWorkbook.SourceRows rows) throws IOException {
		Map<String, Integer> sourceEntries = new LinkedHashMap<>();
		for (int i = 0; i < sheets.size(); i++) {
			sourceEntries.put(((XSSFSheet) sheets.get(i)).getPackagePart().getPartName().getName().substring(1), i);
		}
		String[] xmls = new String[sheets.size()];
		String strings = null;
		try (PackageWriter zip = new PackageWriter(out)) {
			try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(skeleton), StandardCharsets.UTF_8)) {
				for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
					Integer source = sourceEntries.get(entry.getName());
					if (source != null) {
						xmls[source] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					}
					else if (entry.getName().equals(SharedStrings.ENTRY)) {
						strings = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					}
					else {
						zip.part(entry.getName(), in.readAllBytes());
					}
				}
			}
			if (strings == null) {
				throw new IllegalStateException("汇总表缺少共享字符串部件");
			}
			List<Part> parts = new ArrayList<>();
			sourceEntries.forEach((entry, i) -> {
				int end = xmls[i].indexOf("</sheetData>");
				parts.add(new Part(entry, xmls[i].substring(0, end), xmls[i].substring(end)));
			});
			SourceSheet sheet = new SourceSheet(zip, parts, new SharedStrings(strings), styles.integer.getIndex(),
					styles.decimal.getIndex());
			try {
				rows.write(sheet);
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			sheet.finish();
			zip.finish();
		}
	}

	/**
	 * One figure's row. {@code value} is the number as the database writes it, trailing
	 * zeros and all.
	 */
	void add(String unit, String period, String campaign, String metric, String source, String value, String measure,
			String raw, String file, String sheetName, String cell) {
		try {
			if (this.part < 0 || this.row >= FIRST_ROW + MAX_ROWS) {
				next();
			}
			room();
			ascii(ROW);
			number(this.row);
			ascii(ROW_END_TAG);
			shared(0, unit);
			shared(1, period);
			shared(2, campaign);
			shared(3, metric);
			shared(4, source);
			if (value == null) {
				ascii(EMPTY);
			}
			else {
				String plain = plainNumber(value);
				ascii(STYLED);
				number((plain.indexOf('.') < 0) ? this.integerStyle : this.decimalStyle);
				ascii(STYLED_VALUE);
				ascii(plain);
				ascii(VALUE_END);
			}
			shared(6, measure);
			inline(raw);
			shared(8, file);
			shared(9, sheetName);
			shared(10, cell);
			ascii(ROW_END);
			this.row++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code 120.50000000} as {@code 120.5}, {@code 120.00000000} as {@code 120}. */
	static String plainNumber(String value) {
		if (value.indexOf('E') >= 0 || value.indexOf('e') >= 0) {
			return new BigDecimal(value).stripTrailingZeros().toPlainString();
		}
		int dot = value.indexOf('.');
		if (dot < 0) {
			return value;
		}
		int end = value.length();
		while (end > dot + 1 && value.charAt(end - 1) == '0') {
			end--;
		}
		if (end == dot + 1) {
			end = dot;
		}
		String plain = value.substring(0, end);
		return plain.equals("-0") ? "0" : plain;
	}

	/**
	 * A cell of text from the shared strings: names, files and cells repeat a great deal,
	 * and a number in a cell is shorter than the text. Every cell of a row is written, in
	 * order, an empty one as {@code <c/>}, so that none needs its address.
	 */
	private void shared(int column, String text) {
		if (text == null || text.isEmpty()) {
			ascii(EMPTY);
			return;
		}
		int index;
		if (text.equals(this.lastText[column])) {
			index = this.lastIndex[column];
			this.strings.reference();
		}
		else {
			index = this.strings.index(text);
			this.lastText[column] = text;
			this.lastIndex[column] = index;
		}
		ascii(SHARED);
		number(index);
		ascii(VALUE_END);
	}

	/**
	 * A cell of text written in place: the text as the unit wrote it, seldom repeated.
	 */
	private void inline(String text) {
		if (text == null || text.isEmpty()) {
			ascii(EMPTY);
			return;
		}
		ascii(SharedStrings.spaced(text) ? "<c t=\"inlineStr\"><is><t xml:space=\"preserve\">"
				: "<c t=\"inlineStr\"><is><t>");
		utf8(SharedStrings.xml(text));
		ascii("</t></is></c>");
	}

	/** Makes room for a row in the buffer, handing the full one over. */
	private void room() throws IOException {
		if (this.length > this.buffer.length - ROW_ROOM) {
			flush();
		}
	}

	private void flush() throws IOException {
		this.zip.write(this.buffer, this.length);
		this.buffer = this.zip.buffer();
		this.length = 0;
	}

	private void ascii(String text) {
		int n = text.length();
		ensure(n);
		text.getBytes(0, n, this.buffer, this.length);
		this.length += n;
	}

	private void ascii(byte[] bytes) {
		ensure(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
		this.length += bytes.length;
	}

	/** A number not below zero, its digits straight into the buffer. */
	private void number(int value) {
		int digits = 1;
		for (int rest = value / 10; rest > 0; rest /= 10) {
			digits++;
		}
		ensure(digits);
		int at = this.length + digits;
		int rest = value;
		do {
			this.buffer[--at] = (byte) ('0' + rest % 10);
			rest /= 10;
		}
		while (rest > 0);
		this.length += digits;
	}

	private void utf8(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		ensure(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
		this.length += bytes.length;
	}

	/** A row longer than the room left (a long raw text): a buffer of its own size. */
	private void ensure(int bytes) {
		if (this.length + bytes > this.buffer.length) {
			this.buffer = java.util.Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.length + bytes));
		}
	}

	/** Ends the sheet being written, if any, and starts the next. */
	private void next() throws IOException {
		endPart();
		this.part++;
		if (this.part >= this.parts.size()) {
			throw new IllegalStateException("数据来源的行数多于事先统计的 " + this.parts.size() * (long) MAX_ROWS + " 行");
		}
		Part part = this.parts.get(this.part);
		this.zip.entry(part.entry());
		utf8(part.head());
		this.row = FIRST_ROW;
	}

	private void endPart() throws IOException {
		if (this.part >= 0 && this.part < this.parts.size()) {
			utf8(this.parts.get(this.part).tail());
			flush();
			this.zip.closeEntry();
		}
	}

	/**
	 * Ends the last sheet, writes any sheet no row reached as POI made it, and the shared
	 * strings.
	 */
	void finish() throws IOException {
		if (this.part < 0) {
			next();
		}
		endPart();
		for (int i = this.part + 1; i < this.parts.size(); i++) {
			Part part = this.parts.get(i);
			this.zip.part(part.entry(), (part.head() + part.tail()).getBytes(StandardCharsets.UTF_8));
		}
		this.part = this.parts.size();
		this.zip.part(SharedStrings.ENTRY, this.strings.xml().getBytes(StandardCharsets.UTF_8));
	}

}
