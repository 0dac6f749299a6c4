package org.huizong.intake;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.stream.XMLStreamException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worksheet scanner reads every sheet as the StAX parser it stands in for does: the
 * same cells from well-formed XML, a refusal of malformed XML.
 */
class SheetXmlScannerTests {

	private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
			+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
			+ "xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\"><sheetData>";

	private static final String TAIL = "</sheetData></worksheet>";

	static Stream<Arguments> sheets() {
		return Stream.of(
				Arguments.of("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c><c r=\"B1\"><v>963.0</v></c></row>",
						"1 A1 TEXT 修理果壳箱; 1 B1 NUMBER 963"),
				Arguments.of("<row r=\"2\" x14ac:dyDescent=\"0.25\"><c r=\"C2\" s=\"1\"><v>42916</v></c></row>",
						"2 C2 DATE 2017-06-30"),
				Arguments.of(
						"<row r=\"3\"><c r='A3' t='inlineStr'><is><t>A &amp; B &lt;1&gt; &#x4E2D;&#25991;</t></is></c></row>",
						"3 A3 TEXT A & B <1> 中文"),
				Arguments.of(
						"<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><r><t>清理</t></r><r><t xml:space=\"preserve\"> 渣土</t></r></is></c></row>",
						"4 A4 TEXT 清理 渣土"),
				Arguments.of("<row r=\"5\"><c r=\"A5\"><v><![CDATA[12]]><!-- a note --><?keep it?>5</v></c></row>",
						"5 A5 NUMBER 125"),
				Arguments.of("<row r=\"6\"><c r=\"A6\" t=\"str\"><f>A5*2</f><v>两行&#10;文字</v></c></row>",
						"6 A6 TEXT 两行\n文字"),
				Arguments.of(
						"<x:row xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" r=\"7\"><x:c r=\"B7\"><x:v>7</x:v></x:c></x:row>",
						"7 B7 NUMBER 7"),
				Arguments.of(
						"<row r=\"8\"><c r=\"A8\" t=\"b\"><v>1</v></c><c t=\"e\"><v>#DIV/0!</v></c><c/><c><v/></c></row>",
						"8 A8 BOOLEAN TRUE; 8 B8 ERROR #DIV/0!"),
				Arguments.of(
						"<row><c t=\"inlineStr\"><is><t>没有行号</t></is></c></row><row/><row><c r=\"B3\"><v>3</v></c></row>",
						"1 A1 TEXT 没有行号; 3 B3 NUMBER 3"),
				Arguments.of("<row r=\"11\" ><c r = \"A11\" t = \"inlineStr\" ><is><t>空白</t ></is ></c ></row >",
						"11 A11 TEXT 空白"),
				Arguments.of("<row r=\"12\"><c r=\"A12\" t=\"inlineStr\"><is><t>甲&#13;&#10;乙</t></is></c></row>",
						"12 A12 TEXT 甲\r\n乙"),
				Arguments.of("<row r=\"&#49;3\"><c r=\"A&#49;3\" s=\"&#48;\"><v>-1.50</v></c></row>",
						"13 A13 NUMBER -1.5"),
				// past Excel's last date: told at its cell, not a failure of the file
				Arguments.of(
						"<row r=\"14\"><c r=\"A14\" s=\"1\"><v>1E312</v></c><c r=\"B14\" s=\"1\"><v>3E6</v></c></row>",
						"14 A14 DATE 1E312; 14 B14 DATE 3E6"));
	}

	@ParameterizedTest
	@MethodSource("sheets")
	void readsCellsAsStaxDoes(String rows, String expected) throws Exception {
		byte[] xml = (HEAD + rows + TAIL).getBytes(StandardCharsets.UTF_8);
		List<String> scanned = scan(xml);
		assertThat(scanned).isEqualTo(stax(xml));
		assertThat(String.join("; ", scanned)).isEqualTo(expected);
	}

	@Test
	void normalisesLineEndsInTextAsXmlDoes() throws Exception {
		byte[] xml = (HEAD + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>甲\r\n乙\r丙</t></is></c></row>" + TAIL)
			.getBytes(StandardCharsets.UTF_8);
		assertThat(scan(xml)).containsExactly("1 A1 TEXT 甲\n乙\n丙").isEqualTo(stax(xml));
	}

	@ParameterizedTest
	@ValueSource(strings = { "<row r=\"1\"><c r=\"A1\"><v>1</v></row>", "<row r=\"1\"><c r=\"A1\"><v>1</v></row></c>",
			"<row r=\"1\"><c r=\"A1\"><v>1</v></c>", "<row r=\"1\"><c r=\"A1\" r=\"B1\"><v>1</v></c></row>",
			"<row r=\"1\"><c r=A1><v>1</v></c></row>", "<row r=\"1\"><c r=\"A1\"><v>1&nbsp;</v></c></row>",
			"<row r=\"1\"><c r=\"A1\"><v>1 &amp</v></c></row>", "<row r=\"1\"><c r=\"A1\"><v>&#0;</v></c></row>",
			"<row r=\"1\"><c r=\"A1\"><v>a]]>b</v></c></row>", "<row r=\"1\"><c r=\"A1\"><v>\u0001</v></c></row>",
			"<row r=\"1\"><y:c r=\"A1\"><v>1</v></y:c></row>", "<row r=\"1\"><c r=\"A1\"><v>1<b/></v></c></row>",
			"<row r=\"1\"><c r=\"A1\"><v>1</v><!-- a -- b --></c></row>",
			"<row r=\"1\"><c r=\"A1\" t=\"a<b\"><v>1</v></c></row>", "<row r=\"1\"><c r=\"A1\"><?xml x?></c></row>",
			"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><!DOCTYPE x>",
			"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row></x>" })
	void refusesMalformedXmlAsStaxDoes(String rows) throws Exception {
		byte[] xml = (HEAD + rows + TAIL).getBytes(StandardCharsets.UTF_8);
		assertThat(scan(xml)).containsExactly("refused").isEqualTo(stax(xml));
	}

	@ParameterizedTest
	@ValueSource(strings = { "text after the root", "<again/>" })
	void refusesAnythingButCommentsAfterTheRoot(String after) throws Exception {
		byte[] xml = (HEAD + TAIL + "<!-- fine -->" + after).getBytes(StandardCharsets.UTF_8);
		assertThat(scan(xml)).containsExactly("refused").isEqualTo(stax(xml));
	}

	@Test
	void refusesMalformedUtf8AndATruncatedSheet() throws Exception {
		byte[] xml = (HEAD + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>中文</t></is></c></row>" + TAIL)
			.getBytes(StandardCharsets.UTF_8);
		byte[] broken = xml.clone();
		int chinese = new String(xml, StandardCharsets.ISO_8859_1).indexOf("<t>") + 4;
		broken[chinese] = 'x';
		assertThat(scan(broken)).containsExactly("refused").isEqualTo(stax(broken));
		byte[] truncated = java.util.Arrays.copyOf(xml, xml.length - 10);
		assertThat(scan(truncated)).containsExactly("refused").isEqualTo(stax(truncated));
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 300 })
	void readsSheetsLongerThanItsBufferWhole(int sizeGiven) throws Exception {
		StringBuilder rows = new StringBuilder();
		List<String> expected = new ArrayList<>();
		for (int r = 1; r <= 3000; r++) {
			rows.append("<row r=\"").append(r).append("\" spans=\"1:3\" x14ac:dyDescent=\"0.25\">");
			rows.append("<c r=\"A")
				.append(r)
				.append("\" t=\"inlineStr\"><is><t>第")
				.append(r)
				.append("保洁站</t></is></c>");
			rows.append("<c r=\"B").append(r).append("\" t=\"n\"><v>").append(r * 7).append(".0</v></c></row>\n");
			expected.add(r + " A" + r + " TEXT 第" + r + "保洁站");
			expected.add(r + " B" + r + " NUMBER " + (r * 7));
		}
		byte[] xml = (HEAD + rows + TAIL).getBytes(StandardCharsets.UTF_8);
		assertThat(xml.length).isGreaterThan(4 * 64 * 1024);
		assertThat(read(xml, sizeGiven)).isEqualTo(expected).isEqualTo(stax(xml));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			<?xml version="1.0" encoding="UTF-8"?><worksheet/>      | true
			<?xml version='1.0' encoding='utf-8' standalone='yes'?><worksheet/> | true
			<?xml version="1.0"?><worksheet/>                          | true
			<worksheet/>                                               | true
			<?xml version="1.0" encoding="GBK"?><worksheet/>          | false
			<?xml version="1.1" encoding="UTF-8"?><worksheet/>        | false
			<?xml version="1.0" encoding="UTF-16"?><worksheet/>       | false
			""")
	void takesUtf8Xml10AndLeavesTheRestToStax(String xml, boolean taken) throws Exception {
		assertThat(SheetXmlScanner.takes(input(xml.getBytes(StandardCharsets.UTF_8)))).isEqualTo(taken);
	}

	@Test
	void leavesUtf16ToStax() throws Exception {
		byte[] utf16 = "\uFEFF<worksheet/>".getBytes(StandardCharsets.UTF_16LE);
		assertThat(SheetXmlScanner.takes(input(utf16))).isFalse();
	}

	private static InputStream input(byte[] xml) {
		return new BufferedInputStream(new ByteArrayInputStream(xml), 8192);
	}

	private static List<String> scan(byte[] xml) throws Exception {
		return read(xml, xml.length);
	}

	private static List<String> stax(byte[] xml) throws Exception {
		return read(xml, null);
	}

	/**
	 * Each cell as {@code row address KIND text}, or {@code refused} when the XML is
	 * refused: by the scanner told the part's size (-1 for unknown), or by StAX when the
	 * size is {@code null}.
	 */
	private static List<String> read(byte[] xml, Integer size) throws Exception {
		List<String> seen = new ArrayList<>();
		RowSink sink = lister(seen);
		SheetCells cells = new SheetCells(List.of("专项名称", "修理果壳箱"), new boolean[] { false, true }, false, sink,
				ReadLimits.defaults());
		InputStream in = input(xml);
		try {
			if (size != null) {
				assertThat(SheetXmlScanner.takes(in)).isTrue();
				new SheetXmlScanner(in, cells, size).scan();
			}
			else {
				XlsxRowReader.readWithStax(in, cells);
			}
		}
		catch (XMLStreamException ex) {
			return List.of("refused");
		}
		return seen;
	}

	/** A sink that lists each cell as {@code row address KIND text}. */
	static RowSink lister(List<String> seen) {
		return new RowSink() {
			@Override
			public void startSheet(String name) {
			}

			@Override
			public void row(Row row) {
				row.cells()
					.forEach((c) -> seen.add(row.number() + " " + Cell.address(c.column(), row.number()) + " "
							+ c.kind() + " " + c.text()));
			}

			@Override
			public void endSheet() {
			}
		};
	}

}
