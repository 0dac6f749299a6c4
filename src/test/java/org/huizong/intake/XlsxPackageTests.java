package org.huizong.intake;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The zip of an xlsx: its parts found by name, guarded against bombs and DOCTYPEs. */
class XlsxPackageTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@CsvSource({ "xl/workbook.xml, worksheets/sheet1.xml, xl/worksheets/sheet1.xml",
			"xl/workbook.xml, /xl/worksheets/sheet2.xml, xl/worksheets/sheet2.xml",
			"xl/worksheets/sheet1.xml, ../sharedStrings.xml, xl/sharedStrings.xml",
			"xl/workbook.xml, ./worksheets\\sheet3.xml, xl/worksheets/sheet3.xml" })
	void resolvesRelationshipTargetsAgainstTheirPart(String source, String target, String resolved) {
		assertThat(XlsxPackage.resolve(source, target)).isEqualTo(resolved);
	}

	@Test
	void findsThePartsRelationships() {
		assertThat(XlsxPackage.relationshipsOf("xl/workbook.xml")).isEqualTo("xl/_rels/workbook.xml.rels");
	}

	@Test
	void findsPartsWhateverTheCaseOfTheirNamesAndGivesTheirSize() throws Exception {
		Path file = zip("xl/Workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8));
		try (XlsxPackage pkg = new XlsxPackage(file, ReadLimits.defaults())) {
			assertThat(pkg.contains("xl/workbook.xml")).isTrue();
			assertThat(pkg.size("xl/workbook.xml")).isEqualTo(11);
			assertThat(pkg.open("xl/styles.xml")).isNull();
			try (InputStream in = pkg.open("xl/workbook.xml")) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<workbook/>");
			}
		}
	}

	@Test
	void refusesAPartThatDeclaresADoctype() throws Exception {
		Path file = zip("xl/workbook.xml", "<?xml version=\"1.0\"?><!doctype lolz [<!ENTITY lol \"lol\">]><workbook/>"
			.getBytes(StandardCharsets.UTF_8));
		try (XlsxPackage pkg = new XlsxPackage(file, ReadLimits.defaults())) {
			assertThatThrownBy(() -> pkg.open("xl/workbook.xml")).isInstanceOf(RejectedFileException.class)
				.extracting((ex) -> ((RejectedFileException) ex).code())
				.isEqualTo("file.unsafe-xml");
		}
	}

	@Test
	void refusesAZipBomb() throws Exception {
		byte[] zeros = new byte[8 << 20];
		Path file = zip("xl/worksheets/sheet1.xml", zeros);
		try (XlsxPackage pkg = new XlsxPackage(file, ReadLimits.defaults());
				InputStream in = pkg.open("xl/worksheets/sheet1.xml")) {
			assertThatThrownBy(in::readAllBytes).isInstanceOf(RejectedFileException.class)
				.extracting((ex) -> ((RejectedFileException) ex).code())
				.isEqualTo("file.zip-bomb");
		}
	}

	@Test
	void refusesAFileThatIsNoZip() throws Exception {
		Path file = Files.write(this.dir.resolve("broken.xlsx"), new byte[] { 'P', 'K', 3, 4, 0, 0 });
		assertThatThrownBy(() -> new XlsxPackage(file, ReadLimits.defaults())).isInstanceOf(RejectedFileException.class)
			.hasMessage("文件已损坏：压缩结构不完整（可能传输中断），请重新报送");
	}

	private Path zip(String name, byte[] content) throws Exception {
		Path file = this.dir.resolve("book.xlsx");
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
			zip.closeEntry();
		}
		return file;
	}

}
