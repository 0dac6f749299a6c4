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
		SubmissionReader reader = SubmissionReaders.open(file, ReadLimits.defaults());
		assertThat(reader.format().label()).isEqualTo(format);
		List<String> seen = new ArrayList<>();
		reader.read(new RowSink() {
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
		assertThat(seen).containsExactly("sheet 填表说明", "A1 TEXT 请如实填写", "sheet 工作量", "A1 TEXT 工作内容", "B1 TEXT 数量",
				"A3 TEXT 修理果壳箱", "B3 NUMBER 71.2", "C3 NUMBER 142.4", "D3 ERROR #DIV/0!", "E3 DATE 2017-06-30");
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
