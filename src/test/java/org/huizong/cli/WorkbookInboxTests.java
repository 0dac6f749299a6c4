package org.huizong.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district's period as units really send it: workbooks saved by LibreOffice (an xlsx, a
 * BIFF8 xls, an xlsx named .xls), an HTML table and a CSV saved as .xls, workbooks
 * written here with dates, error cells, full-width digits and the 1904 date system, and
 * one truncated file.
 */
class WorkbookInboxTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void consolidatesEveryLayoutToHandWorkedTotals(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = inbox();
			Path report = this.dir.resolve("report.json");
			RunCommandTests.Result run = RunCommandTests.run("run", "--period", "2017-06", "--inbox", inbox.toString(),
					"--db", db.url(), "--report", report.toString());
			assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(Cli.REJECTIONS);
			assertThat(run.out()).contains("文件 9 个：载入 8，未变 0，拒收 1");

			Path export = this.dir.resolve("campaign.csv");
			RunCommandTests.run("export", "--period", "2017-06", "--level", "campaign", "--out", export.toString(),
					"--db", db.url());
			List<String> lines = Arrays
				.asList(Files.readString(export, StandardCharsets.UTF_8).replace("\ufeff", "").split("\r\n"));
			List<String> expected = expected();
			assertThat(lines.get(0)).isEqualTo(expected.get(0));
			assertThat(lines.subList(1, lines.size()))
				.containsExactlyInAnyOrderElementsOf(expected.subList(1, expected.size()));

			JsonNode files = new ObjectMapper().readTree(report.toFile()).get("files");
			assertThat(issues(files)).containsExactlyInAnyOrder(
					"第二环卫所_2017-06.xls warning problems.fixed-exceeds-found Sheet1!D5",
					"绿化管理站2017.06.xlsx error cell.date 损绿补绿专项整治!B4", "第三环卫所.xlsx error cell.excel-error Sheet1!D2",
					"第五环卫所.xlsx error measure.incompatible Sheet1!C3", "第一环卫所_2017-06.xlsx info sheet.skipped 填表说明!",
					"第二环卫所_2017-06.xls info sheet.skipped 图表!");
			JsonNode truncated = file(files, "第四环卫所.xlsx");
			assertThat(truncated.get("status").asText()).isEqualTo("rejected");
			assertThat(truncated.get("reason").asText()).startsWith("文件已损坏");
			assertThat(file(files, "第五环卫所.xlsx").get("unit").asText()).isEqualTo("第五环卫所");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void readsEachLyingExtensionByContent(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = inbox();
			Path report = this.dir.resolve("report.json");
			RunCommandTests.run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url(), "--report",
					report.toString());
			JsonNode files = new ObjectMapper().readTree(report.toFile()).get("files");
			assertThat(file(files, "市政中心2017.06.xls").get("format").asText()).isEqualTo("xlsx");
			assertThat(file(files, "河道监管中心_2017-06.xls").get("format").asText()).isEqualTo("html");
			assertThat(file(files, "河道监管中心_2017-06.xls").get("encoding").asText()).isEqualTo("GB18030");
			assertThat(file(files, "数字城管中心_2017-06.xls").get("format").asText()).isEqualTo("csv");
			assertThat(file(files, "第二环卫所_2017-06.xls").get("format").asText()).isEqualTo("xls");
			for (String name : List.of("市政中心2017.06.xls", "河道监管中心_2017-06.xls", "数字城管中心_2017-06.xls",
					"第二环卫所_2017-06.xls")) {
				assertThat(file(files, name).get("status").asText()).as(name).isEqualTo("loaded");
				assertThat(file(files, name).get("facts").asInt()).as(name).isPositive();
			}
		}
	}

	private Path inbox() throws IOException, URISyntaxException {
		Path inbox = Files.createDirectories(this.dir.resolve("inbox"));
		Path fixtures = Path.of(WorkbookInboxTests.class.getResource("workbooks").toURI());
		try (Stream<Path> files = Files.list(fixtures)) {
			for (Path file : files.toList()) {
				Files.copy(file, inbox.resolve(file.getFileName().toString()));
			}
		}
		writeGreeningStation(inbox.resolve("绿化管理站2017.06.xlsx"));
		writeThirdStation(inbox.resolve("第三环卫所.xlsx"));
		writeFifthStation(inbox.resolve("第五环卫所.xlsx"));
		Path whole = this.dir.resolve("whole.xlsx");
		writeFifthStation(whole);
		byte[] bytes = Files.readAllBytes(whole);
		Files.write(inbox.resolve("第四环卫所.xlsx"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
		return inbox;
	}

	/**
	 * The campaign only in the sheet's name; an approximation; a date typed where a
	 * number belongs.
	 */
	private static void writeGreeningStation(Path file) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("损绿补绿专项整治");
			row(sheet, 0, "工作内容", "数量", "单位");
			row(sheet, 1, "补植苗木", "约300", "平方米");
			row(sheet, 2, "摆放时花", 5000, "盆");
			Row dated = row(sheet, 3, "补植苗木");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			dated.createCell(1).setCellValue(LocalDate.of(2017, 6, 30));
			dated.getCell(1).setCellStyle(date);
			save(workbook, file);
		}
	}

	/** A wide table by campaign: full-width digits stored as text, an error cell, 无. */
	private static void writeThirdStation(Path file) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Sheet1");
			row(sheet, 0, "专项名称", "发现问题", "整改问题", "整改率(%)");
			row(sheet, 1, "城市家具专项整治", "７８", 78).createCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
			row(sheet, 2, "城郊结合部环境整治", 59, 59, 100);
			row(sheet, 3, "户外广告整治", "无", "无");
			save(workbook, file);
		}
	}

	/** The 1904 date system; the unit in the cell beside 填报单位; tonnes for bins. */
	private static void writeFifthStation(Path file) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			workbook.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
			Sheet sheet = workbook.createSheet("Sheet1");
			row(sheet, 0, "填报单位：", "第五环卫所");
			row(sheet, 1, "专项名称", "工作内容", "数量", "单位");
			row(sheet, 2, "城市家具专项整治", "修理果壳箱", 5, "吨");
			row(sheet, 3, "城市家具专项整治", "油漆果壳箱", 450, "只");
			row(sheet, 4, "城市家具专项整治", "延长保洁路段", 550, "条次");
			save(workbook, file);
		}
	}

	private static Row row(Sheet sheet, int index, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			if (values[i] instanceof Number number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else {
				row.createCell(i).setCellValue((String) values[i]);
			}
		}
		return row;
	}

	private static void save(XSSFWorkbook workbook, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
	}

	private static List<String> issues(JsonNode files) {
		List<String> issues = new ArrayList<>();
		for (JsonNode file : files) {
			for (JsonNode issue : file.get("issues")) {
				issues.add(file.get("name").asText() + " " + issue.get("severity").asText() + " "
						+ issue.get("code").asText() + " " + issue.get("sheet").asText() + "!"
						+ issue.get("cell").asText());
			}
		}
		return issues;
	}

	private static JsonNode file(JsonNode files, String name) {
		for (JsonNode file : files) {
			if (file.get("name").asText().equals(name)) {
				return file;
			}
		}
		throw new AssertionError("not in the report: " + name);
	}

	private static List<String> expected() throws IOException {
		try (var in = WorkbookInboxTests.class.getResourceAsStream("workbooks-campaign.csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
