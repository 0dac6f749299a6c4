package org.huizong.intake;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an {@code .xlsx}/{@code .xlsm} workbook sheet by sheet with a SAX parser over POI's
 * package, so memory does not grow with the number of rows. Formula cells give their cached
 * result; nothing is evaluated. Numbers keep their exact decimal text; date-formatted numbers are
 * dates, in either date system.
 */
final class XlsxRowReader implements SubmissionReader {

	private final Path file;

	private final ReadLimits limits;

	XlsxRowReader(Path file, ReadLimits limits) {
		this.file = file;
		this.limits = limits;
	}

	@Override
	public SubmissionFormat format() {
		return SubmissionFormat.XLSX;
	}

	@Override
	public String encoding() {
		return "";
	}

	@Override
	public void read(RowSink sink) throws IOException {
		try (OPCPackage pkg = OPCPackage.open(this.file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			boolean date1904 = isDate1904(reader);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream sheet = sheets.next()) {
					sink.startSheet(sheets.getSheetName());
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(new SheetHandler(strings, styles, date1904, sink, this.limits));
					parser.parse(new InputSource(sheet));
					sink.endSheet();
				}
			}
		}
		catch (InvalidFormatException ex) {
			throw new RejectedFileException("file.corrupt", "文件已损坏：不是有效的 .xlsx 工作簿，请用 Excel 打开后另存为 .xlsx 重新报送", ex);
		}
		catch (IOException ex) {
			if (String.valueOf(ex.getMessage()).contains("Zip bomb")) {
				throw new RejectedFileException("file.zip-bomb", "文件解压后体积异常（疑似压缩炸弹），超出处理上限，已拒收", ex);
			}
			throw ex;
		}
		catch (SAXException ex) {
			if (String.valueOf(ex.getMessage()).contains("DOCTYPE")) {
				throw new RejectedFileException("file.unsafe-xml", "文件含有不安全的 XML 内容（DOCTYPE 实体声明），已拒收，请用 Excel 另存为 .xlsx 后重新报送", ex);
			}
			throw new RejectedFileException("file.corrupt", "文件已损坏，XML 内容无法解析，请用 Excel 打开后另存为 .xlsx 重新报送", ex);
		}
		catch (OpenXML4JException | ParserConfigurationException ex) {
			throw new RejectedFileException("file.corrupt", "文件已损坏，无法读取（" + ex.getMessage() + "），请用 Excel 打开后另存为 .xlsx 重新报送",
					ex);
		}
		catch (org.apache.poi.ooxml.POIXMLException ex) {
			if (String.valueOf(ex.getMessage()).contains("Strict OOXML")) {
				throw new RejectedFileException("file.unsupported-format",
						"不支持的格式：Strict Open XML 工作簿，请在 Excel 中另存为普通的“Excel 工作簿（.xlsx）”后重新报送", ex);
			}
			throw new RejectedFileException("file.corrupt", "文件已损坏，无法读取，请用 Excel 打开后另存为 .xlsx 重新报送", ex);
		}
	}

	private static boolean isDate1904(XSSFReader reader) {
		try (InputStream workbook = reader.getWorkbookData()) {
			byte[] head = workbook.readNBytes(64 * 1024);
			String xml = new String(head, java.nio.charset.StandardCharsets.UTF_8);
			return xml.matches("(?s).*date1904=\"(1|true)\".*");
		}
		catch (IOException | InvalidFormatException ex) {
			return false;
		}
	}

	/** One sheet's XML: rows of {@code <c r= t= s=><v/><is><t/></is></c>}. */
	private static final class SheetHandler extends DefaultHandler {

		private final ReadOnlySharedStringsTable strings;

		private final StylesTable styles;

		private final boolean date1904;

		private final RowSink sink;

		private final ReadLimits limits;

		private final StringBuilder text = new StringBuilder();

		private List<Cell> cells = new ArrayList<>();

		private int rowNumber;

		private int rowsRead;

		private int nextColumn;

		private int column;

		private String type;

		private int style;

		private boolean inValue;

		private boolean inInline;

		SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904, RowSink sink,
				ReadLimits limits) {
			this.strings = strings;
			this.styles = styles;
			this.date1904 = date1904;
			this.sink = sink;
			this.limits = limits;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					this.rowNumber = (r != null) ? Integer.parseInt(r) : this.rowNumber + 1;
					this.cells = new ArrayList<>();
					this.nextColumn = 0;
					if (++this.rowsRead > this.limits.maxRowsPerSheet()) {
						throw new RejectedFileException("file.too-many-rows",
								"工作表行数超过上限 " + this.limits.maxRowsPerSheet() + "，请拆分后重新报送");
					}
				}
				case "c" -> {
					String r = attributes.getValue("r");
					this.column = (r != null) ? columnOf(r) : this.nextColumn;
					this.nextColumn = this.column + 1;
					this.type = attributes.getValue("t");
					String s = attributes.getValue("s");
					this.style = (s != null) ? Integer.parseInt(s) : -1;
					this.text.setLength(0);
				}
				case "v" -> {
					this.inValue = true;
					this.text.setLength(0);
				}
				case "is" -> {
					this.inInline = true;
					this.text.setLength(0);
				}
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if ((this.inValue || this.inInline) && this.text.length() < this.limits.maxTextLength()) {
				this.text.append(ch, start, Math.min(length, this.limits.maxTextLength() - this.text.length()));
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "v" -> this.inValue = false;
				case "is" -> this.inInline = false;
				case "c" -> cellEnded();
				case "row" -> this.sink.row(new Row(this.rowNumber, List.copyOf(this.cells)));
				default -> {
				}
			}
		}

		private void cellEnded() {
			String raw = this.text.toString();
			this.text.setLength(0);
			if (this.column >= this.limits.maxColumns()) {
				return;
			}
			Cell cell = cell(raw);
			if (cell != null && !cell.text().isBlank()) {
				this.cells.add(cell);
			}
		}

		private Cell cell(String raw) {
			String t = (this.type != null) ? this.type : "n";
			return switch (t) {
				case "s" -> sharedString(raw);
				case "inlineStr", "str" -> Cell.text(this.column, raw);
				case "e" -> new Cell(this.column, CellKind.ERROR, raw);
				case "b" -> new Cell(this.column, CellKind.BOOLEAN, "1".equals(raw) ? "TRUE" : "FALSE");
				default -> number(raw);
			};
		}

		private Cell sharedString(String raw) {
			int index;
			try {
				index = Integer.parseInt(raw.trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
			if (index < 0 || index >= this.strings.getCount()) {
				throw new RejectedFileException("file.corrupt", "文件已损坏：单元格引用了不存在的共享字符串，请用 Excel 打开后另存为 .xlsx 重新报送");
			}
			return Cell.text(this.column, this.limits.cut(this.strings.getItemAt(index).getString()));
		}

		private Cell number(String raw) {
			if (raw.isBlank()) {
				return null;
			}
			BigDecimal value;
			try {
				value = new BigDecimal(raw.trim());
			}
			catch (NumberFormatException ex) {
				return Cell.text(this.column, raw);
			}
			if (isDateStyle()) {
				double serial = value.doubleValue();
				String date = DateUtil.isValidExcelDate(serial)
						? DateUtil.getLocalDateTime(serial, this.date1904).toLocalDate().toString() : raw;
				return new Cell(this.column, CellKind.DATE, date);
			}
			return new Cell(this.column, CellKind.NUMBER, plain(value));
		}

		private boolean isDateStyle() {
			if (this.style < 0 || this.styles == null || this.style >= this.styles.getNumCellStyles()) {
				return false;
			}
			XSSFCellStyle cellStyle = this.styles.getStyleAt(this.style);
			return cellStyle != null
					&& DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
		}

		private static int columnOf(String reference) {
			int column = 0;
			for (int i = 0; i < reference.length(); i++) {
				char c = reference.charAt(i);
				if (c < 'A' || c > 'Z') {
					break;
				}
				column = column * 26 + (c - 'A' + 1);
			}
			return column - 1;
		}

	}

	static String plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.signum() == 0) ? "0" : stripped.toPlainString();
	}

}
