package org.huizong.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkbookReadersTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void readsCellsWithTheirKindsWhateverTheExtensionSays(String format) throws IOException {
		Path file = this.dir.resolve("第五环卫所.xls");
		try (Workbook workbook = format.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook();
				OutputStream out = Files.newOutputStream(file)) {
			workbook.createSheet("填表说明").createRow(0).createCell(0).setCellValue("请如实填写");
			Sheet sheet = workbook.createSheet("工作量");
			sheet.createRow(0).createCell(0).setCellValue("工作内容");
			sheet.getRow(0).createCell(1).setCellValue("数量");
			org.apache.poi.ss.usermodel.Row row = sheet.createRow(2);
			row.createCell(0).setCellValue("修理果壳箱");
			row.createCell(1).setCellValue(71.2);
			row.createCell(2).setCellFormula("B3*2");
			row.createCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			row.createCell(4).setCellValue(java.time.LocalDate.of(2017, 6, 30));
			row.getCell(4).setCellStyle(date);
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
		}
		assertThat(SubmissionReaders.open(file, ReadLimits.defaults()).format().label()).isEqualTo(format);
		List<String> seen = read(file);
		assertThat(seen).containsExactly("sheet 填表说明", "A1 TEXT 请如实填写", "sheet 工作量", "A1 TEXT 工作内容", "B1 TEXT 数量",
				"A3 TEXT 修理果壳箱", "B3 NUMBER 71.2", "C3 NUMBER 142.4", "D3 ERROR #DIV/0!", "E3 DATE 2017-06-30");
	}

	@Test
	void readsInlineStringsInPiecesAndWholeNumbersAsWritersStoreThem() throws IOException {
		Path file = this.dir.resolve("手写.xlsx");
		withSheetXml(file,
				"""
						<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
						<row r="1"><c r="A1" t="inlineStr"><is><t>修理果壳箱</t></is></c>\
						<c r="B1" t="inlineStr"><is><r><t>清理</t></r><r><t xml:space="preserve"> 垃圾</t></r><r><t>渣土</t></r></is></c>\
						<c r="C1" t="inlineStr"><is><r><t></t></r><r><t>吨</t></r></is></c></row>
						<row r="2"><c r="A2"><v>963.0</v></c><c r="B2"><v>0.0</v></c><c r="C2"><v>-0.0</v></c>\
						<c r="D2"><v>-12.0</v></c><c r="E2"><v>1.50</v></c><c r="F2"><v>.0</v></c><c r="G2"><v>1E3</v></c></row>
						</sheetData></worksheet>
						""");
		assertThat(read(file)).containsExactly("sheet 工作量", "A1 TEXT 修理果壳箱", "B1 TEXT 清理 垃圾渣土", "C1 TEXT 吨",
				"A2 NUMBER 963", "B2 NUMBER 0", "C2 NUMBER 0", "D2 NUMBER -12", "E2 NUMBER 1.5", "F2 NUMBER 0",
				"G2 NUMBER 1000");
	}

	@Test
	void readsASheetWrittenInAnotherEncoding() throws IOException {
		Path file = this.dir.resolve("旧系统导出.xlsx");
		withSheetXml(file, """
				<?xml version="1.0" encoding="GBK"?>
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
				<row r="1"><c r="A1" t="inlineStr"><is><t>修理果壳箱</t></is></c><c r="B1"><v>12</v></c></row>
				</sheetData></worksheet>
				""".getBytes(java.nio.charset.Charset.forName("GBK")));
		assertThat(read(file)).containsExactly("sheet 工作量", "A1 TEXT 修理果壳箱", "B1 NUMBER 12");
	}

	@Test
	void rejectsASheetWhoseTagsDoNotMatchAsCorrupt() throws IOException {
		Path file = this.dir.resolve("手改.xlsx");
		withSheetXml(file, """
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
				<row r="1"><c r="A1"><v>12</v></row></c>
				</sheetData></worksheet>
				""");
		assertThatThrownBy(() -> read(file)).isInstanceOf(RejectedFileException.class)
			.hasMessage("文件已损坏，XML 内容无法解析，请用 Excel 打开后另存为 .xlsx 重新报送");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<!DOCTYPE", "<!doctype", "<!DocType" })
	void refusesASheetThatDeclaresADoctype(String doctype) throws IOException {
		Path file = this.dir.resolve("实体.xlsx");
		withSheetXml(file, "<?xml version=\"1.0\"?>\n" + doctype + " worksheet [<!ENTITY lol \"lol\">]>\n"
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol;</t></is></c></row></sheetData></worksheet>");
		assertThatThrownBy(() -> read(file))
			.isInstanceOfSatisfying(RejectedFileException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("file.unsafe-xml"))
			.hasMessage("文件含有不安全的 XML 内容（DOCTYPE 实体声明），已拒收，请用 Excel 另存为 .xlsx 后重新报送");
	}

	private static void withSheetXml(Path file, String sheetXml) throws IOException {
		withSheetXml(file, sheetXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** An xlsx saved by POI with its one sheet's XML replaced by {@code sheetXml}. */
	private static void withSheetXml(Path file, byte[] sheetXml) throws IOException {
		java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
		try (Workbook workbook = new XSSFWorkbook()) {
			workbook.createSheet("工作量");
			workbook.write(saved);
		}
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(saved.toByteArray()));
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
			for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					out.write(sheetXml);
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		}
	}

	/** Each sheet's name, then each cell as {@code A1 KIND text}. */
	private static List<String> read(Path file) throws IOException {
		List<String> seen = new ArrayList<>();
		SubmissionReaders.open(file, ReadLimits.defaults()).read(new RowSink() {
			@Override
			public void startSheet(String name) {
				seen.add("sheet " + name);
			}

			@Override
			public void row(Row row) {
				row.cells()
					.forEach((c) -> seen.add(Cell.address(c.column(), row.number()) + " " + c.kind() + " " + c.text()));
			}

			@Override
			public void endSheet() {
			}
		});
		return seen;
	}

	@Test
	void rejectsATruncatedXlsxAsCorrupt() throws IOException {
		Path whole = this.dir.resolve("whole.xlsx");
		try (Workbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(whole)) {
			workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("专项名称");
			workbook.write(out);
		}
		byte[] bytes = Files.readAllBytes(whole);
		Path truncated = Files.write(this.dir.resolve("truncated.xlsx"),
				java.util.Arrays.copyOf(bytes, bytes.length / 2));
		assertThatThrownBy(() -> SubmissionReaders.open(truncated, ReadLimits.defaults()).read(new RowSink() {
			@Override
			public void startSheet(String name) {
			}

			@Override
			public void row(Row row) {
			}

			@Override
			public void endSheet() {
			}
		})).isInstanceOf(RejectedFileException.class).hasMessageStartingWith("文件已损坏");
	}

}
