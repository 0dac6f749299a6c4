package org.huizong.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads an {@code .xlsx}/{@code .xlsm} workbook with a StAX parser (Aalto) over its zip
 * ({@link XlsxPackage}, guarded against zip bombs), so memory does not grow with the
 * number of rows. The relationships, sheet list, shared strings and number formats are
 * read with the same parser; only the shared strings are held in memory. Formula cells
 * give their cached result; nothing is evaluated. Numbers keep their exact decimal text;
 * date-formatted numbers are dates, in either date system. A DOCTYPE is refused, never
 * expanded.
 */
final class XlsxRowReader implements SubmissionReader {

	private static final String OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

	private static final String STRICT_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

	private static final String SHARED_STRINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";

	private static final String STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

	private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final long MAX_SHARED_CHARS = 64L * 1024 * 1024;

	private static final XMLInputFactory XML = newFactory();

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

	private static XMLInputFactory newFactory() {
		XMLInputFactory factory = new InputFactoryImpl();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

	@Override
	public void read(RowSink sink) throws IOException {
		try (XlsxPackage pkg = new XlsxPackage(this.file, this.limits)) {
			String workbookName = workbookPart(pkg);
			Map<String, String[]> relationships = relationships(pkg, workbookName);
			Workbook book = parseWorkbook(pkg, workbookName);
			List<String> strings = sharedStrings(pkg, target(relationships, SHARED_STRINGS));
			boolean[] dateStyles = dateStyles(pkg, target(relationships, STYLES));
			for (String[] sheet : book.sheets) {
				String[] relationship = relationships.get(sheet[1]);
				if (relationship == null || !pkg.contains(relationship[1])) {
					continue;
				}
				sink.startSheet(sheet[0]);
				SheetCells cells = new SheetCells(strings, dateStyles, book.date1904, sink, this.limits);
				try (InputStream in = pkg.open(relationship[1])) {
					if (SheetXmlScanner.takes(in)) {
						new SheetXmlScanner(in, cells, pkg.size(relationship[1])).scan();
					}
					else {
						readWithStax(in, cells);
					}
				}
				sink.endSheet();
			}
		}
		catch (XMLStreamException ex) {
			throw RejectionReason.XML_BROKEN.rejection(ex);
		}
		catch (java.util.zip.ZipException ex) {
			throw RejectionReason.INFLATE_BROKEN.rejection(ex);
		}
	}

	/**
	 * The workbook part named by the package's relationships, {@code xl/workbook.xml} as
	 * a rule.
	 */
	private static String workbookPart(XlsxPackage pkg) throws IOException, XMLStreamException {
		Map<String, String[]> root = relationships(pkg, "");
		String workbook = target(root, OFFICE_DOCUMENT);
		if (workbook == null) {
			if (target(root, STRICT_DOCUMENT) != null) {
				throw RejectionReason.STRICT_OOXML.rejection();
			}
			workbook = "xl/workbook.xml";
		}
		if (!pkg.contains(workbook)) {
			throw RejectionReason.NO_WORKBOOK.rejection();
		}
		return workbook;
	}

	/**
	 * A part's relationships by id: {type, resolved target}; external targets are left
	 * out.
	 */
	private static Map<String, String[]> relationships(XlsxPackage pkg, String part)
			throws IOException, XMLStreamException {
		Map<String, String[]> relationships = new HashMap<>();
		String name = part.isEmpty() ? "_rels/.rels" : XlsxPackage.relationshipsOf(part);
		try (InputStream in = pkg.open(name)) {
			if (in == null) {
				return relationships;
			}
			XMLStreamReader xml = open(in);
			try {
				while (xml.hasNext()) {
					if (next(xml) == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
						String id = xml.getAttributeValue(null, "Id");
						String type = xml.getAttributeValue(null, "Type");
						String target = xml.getAttributeValue(null, "Target");
						if (id != null && type != null && target != null
								&& !"External".equalsIgnoreCase(xml.getAttributeValue(null, "TargetMode"))) {
							relationships.put(id, new String[] { type, XlsxPackage.resolve(part, target) });
						}
					}
				}
			}
			finally {
				xml.close();
			}
		}
		return relationships;
	}

	private static String target(Map<String, String[]> relationships, String type) {
		for (String[] relationship : relationships.values()) {
			if (relationship[0].equals(type)) {
				return relationship[1];
			}
		}
		return null;
	}

	private record Workbook(List<String[]> sheets, boolean date1904) {
	}

	private static Workbook parseWorkbook(XlsxPackage pkg, String workbook) throws IOException, XMLStreamException {
		List<String[]> sheets = new ArrayList<>();
		boolean date1904 = false;
		try (InputStream in = pkg.open(workbook)) {
			XMLStreamReader xml = open(in);
			try {
				while (xml.hasNext()) {
					if (next(xml) != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					String name = xml.getLocalName();
					if (name.equals("sheet")) {
						String id = xml.getAttributeValue(RELATIONSHIPS_NS, "id");
						sheets.add(new String[] { String.valueOf(xml.getAttributeValue(null, "name")), id });
					}
					else if (name.equals("workbookPr")) {
						String value = xml.getAttributeValue(null, "date1904");
						date1904 = "1".equals(value) || "true".equals(value);
					}
				}
			}
			finally {
				xml.close();
			}
		}
		sheets.removeIf((sheet) -> sheet[1] == null);
		return new Workbook(sheets, date1904);
	}

	private List<String> sharedStrings(XlsxPackage pkg, String part) throws IOException, XMLStreamException {
		List<String> strings = new ArrayList<>();
		if (part == null || !pkg.contains(part)) {
			return strings;
		}
		long chars = 0;
		try (InputStream in = pkg.open(part)) {
			XMLStreamReader xml = open(in);
			try {
				StringBuilder text = new StringBuilder();
				int depthInPhonetic = 0;
				while (xml.hasNext()) {
					int event = next(xml);
					if (event == XMLStreamConstants.START_ELEMENT) {
						String name = xml.getLocalName();
						if (name.equals("si") || name.equals("sstItem")) {
							text.setLength(0);
						}
						else if (name.equals("rPh")) {
							depthInPhonetic++;
						}
						else if (name.equals("t") && depthInPhonetic == 0) {
							text.append(xml.getElementText());
						}
					}
					else if (event == XMLStreamConstants.END_ELEMENT) {
						String name = xml.getLocalName();
						if (name.equals("rPh")) {
							depthInPhonetic--;
						}
						else if (name.equals("si") || name.equals("sstItem")) {
							String value = this.limits.cut(text.toString());
							chars += value.length();
							if (chars > MAX_SHARED_CHARS) {
								throw RejectionReason.TOO_MANY_STRINGS.rejection(MAX_SHARED_CHARS / 1024 / 1024);
							}
							strings.add(value);
						}
					}
				}
			}
			finally {
				xml.close();
			}
		}
		return strings;
	}

	/** Which cell style indexes show a number as a date. */
	private static boolean[] dateStyles(XlsxPackage pkg, String part) throws IOException, XMLStreamException {
		if (part == null || !pkg.contains(part)) {
			return new boolean[0];
		}
		Map<Integer, String> formats = new HashMap<>();
		List<Boolean> styles = new ArrayList<>();
		try (InputStream in = pkg.open(part)) {
			XMLStreamReader xml = open(in);
			try {
				boolean inCellXfs = false;
				while (xml.hasNext()) {
					int event = next(xml);
					if (event == XMLStreamConstants.START_ELEMENT) {
						String name = xml.getLocalName();
						if (name.equals("numFmt")) {
							Integer id = integer(xml.getAttributeValue(null, "numFmtId"));
							String code = xml.getAttributeValue(null, "formatCode");
							if (id != null && code != null) {
								formats.put(id, code);
							}
						}
						else if (name.equals("cellXfs")) {
							inCellXfs = true;
						}
						else if (name.equals("xf") && inCellXfs) {
							Integer id = integer(xml.getAttributeValue(null, "numFmtId"));
							int formatId = (id != null) ? id : 0;
							String code = formats.getOrDefault(formatId, BuiltinFormats.getBuiltinFormat(formatId));
							styles.add(DateUtil.isADateFormat(formatId, code));
						}
					}
					else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("cellXfs")) {
						inCellXfs = false;
					}
				}
			}
			finally {
				xml.close();
			}
		}
		boolean[] dates = new boolean[styles.size()];
		for (int i = 0; i < dates.length; i++) {
			dates[i] = styles.get(i);
		}
		return dates;
	}

	private static Integer integer(String text) {
		try {
			return (text != null) ? Integer.valueOf(text.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static XMLStreamReader open(InputStream in) throws XMLStreamException {
		return XML.createXMLStreamReader(in);
	}

	/**
	 * The next event, refusing a DOCTYPE: an office suite never writes one; an attacker
	 * does.
	 */
	private static int next(XMLStreamReader xml) throws XMLStreamException {
		int event = xml.next();
		if (event == XMLStreamConstants.DTD) {
			throw XlsxPackage.unsafeXml();
		}
		return event;
	}

	/**
	 * One sheet's XML through StAX, for a part the {@link SheetXmlScanner} does not take
	 * (another encoding than UTF-8, or XML 1.1).
	 */
	static void readWithStax(InputStream in, SheetCells cells) throws XMLStreamException {
		XMLStreamReader xml = open(in);
		try {
			while (xml.hasNext()) {
				int event = next(xml);
				if (event == XMLStreamConstants.START_ELEMENT) {
					switch (xml.getLocalName()) {
						case "row" -> {
							String r = xml.getAttributeValue(null, "r");
							cells.startRow((r != null) ? SheetCells.parseInt(r) : -1);
						}
						case "c" -> {
							cells.startCell();
							for (int a = 0, n = xml.getAttributeCount(); a < n; a++) {
								switch (xml.getAttributeLocalName(a)) {
									case "r" -> cells.cellColumn(SheetCells.columnOf(xml.getAttributeValue(a)));
									case "t" -> cells.cellType(xml.getAttributeValue(a));
									case "s" -> cells.cellStyle(SheetCells.parseInt(xml.getAttributeValue(a)));
									default -> {
									}
								}
							}
						}
						case "v" -> cells.value(xml.getElementText());
						case "is" -> cells.startInline();
						case "t" -> {
							if (cells.inInline()) {
								cells.inlineText(xml.getElementText());
							}
						}
						default -> {
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					String name = xml.getLocalName();
					if (name.equals("c")) {
						cells.endCell();
					}
					else if (name.equals("row")) {
						cells.endRow();
					}
				}
			}
		}
		finally {
			xml.close();
		}
	}

}
