package org.huizong.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One workbook with one planted fault of each kind: each is reported at its cell with its
 * severity, code and message; the faulty cells stay out of the tables, the good ones
 * beside them go in; the unit gets its workbook back with the faults marked.
 */
class FaultReportingTests {

	private static final String FILE = "第九环卫所_2017-06.xlsx";

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void reportsEachFaultAtItsCell(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path report = this.dir.resolve("report.json");
			RunCommandTests.Result run = RunCommandTests.run("run", "--period", "2017-06", "--inbox",
					inbox().toString(), "--db", db.url(), "--report", report.toString());

			assertThat(run.exit()).isEqualTo(Cli.REJECTIONS);
			assertThat(issues(report)).containsExactlyInAnyOrder(
					"warning period.mismatch 问题整改!A1 文件写明的期间 2017-05 与本次汇总期间 2017-06 不一致",
					"error measure.incompatible 工作量!C2 修理果壳箱 的计量单位“吨”无法换算为“只”",
					"error value.not-a-number 工作量!C3 油漆果壳箱 的值“正在统计”不是数字",
					"error value.negative 工作量!C4 清洁果壳箱 不能为负数，填写的是“-3”",
					"error cell.excel-error 工作量!C5 单元格是 Excel 错误值 #DIV/0!，请改为数字",
					"warning catalog.unmapped-metric 工作量!B7 指标“捡拾烟头”不在目录中，已记为未识别名称，暂不计入汇总",
					"warning catalog.unmapped-campaign 问题整改!C7 专项“未知专项”不在目录中，已记为未识别名称，暂不计入汇总",
					"warning catalog.unmapped-source 问题整改!C8 问题来源“路人举报”不在目录中，已记为未识别名称，暂不计入汇总",
					"warning total.mismatch 问题整改!D9 “合计”行的 整改问题 为 33，明细之和为 34",
					"warning problems.fixed-exceeds-found 问题整改!D4 城市家具专项整治（自查）：整改问题 12 大于发现问题 10",
					"warning rate.mismatch 问题整改!E5 户外广告整治（自查）：填报的整改率 80% 与整改问题 ÷ 发现问题（10 ÷ 20 = 50%）不符",
					"warning unit.unknown 问题整改!A2 填报单位“第九环卫所”不在单位名册中，已按原名接收");

			List<Map<String, Object>> rows = db.query((jdbc) -> jdbc.queryForList(
					"SELECT campaign, metric, source, total_value FROM consolidated_unit WHERE unit = '第九环卫所' AND period = '2017-06' "
							+ "ORDER BY campaign, metric, source"));
			assertThat(rows)
				.extracting((r) -> r.get("CAMPAIGN") + "/" + r.get("METRIC") + "/" + r.get("SOURCE") + "="
						+ new java.math.BigDecimal(String.valueOf(r.get("TOTAL_VALUE"))).stripTrailingZeros()
							.toPlainString())
				.containsExactlyInAnyOrder("城市家具专项整治/发现问题/自查=10", "城市家具专项整治/整改问题/自查=12", "户外广告整治/发现问题/自查=20",
						"户外广告整治/整改问题/自查=10", "亮灯设施专项整治/整改问题/自查=5", "城市家具专项整治/更新垃圾桶/=12", "城市家具专项整治/修理垃圾桶/=7");
			List<Map<String, Object>> unmapped = db
				.query((jdbc) -> jdbc.queryForList("SELECT kind, name FROM unmapped_name ORDER BY kind, name"));
			assertThat(unmapped).extracting((r) -> r.get("KIND") + " " + r.get("NAME"))
				.containsExactly("campaign 未知专项", "metric 捡拾烟头", "source 路人举报");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void anOfficeChangesTheSeverityOfARule(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path report = this.dir.resolve("report.json");
			RunCommandTests.run("run", "--period", "2017-06", "--inbox", inbox().toString(), "--db", db.url(),
					"--report", report.toString(), "--severity", "total.mismatch=error,unit.unknown=ignore");
			assertThat(issues(report)).contains("error total.mismatch 问题整改!D9 “合计”行的 整改问题 为 33，明细之和为 34")
				.noneMatch((issue) -> issue.contains("unit.unknown"));
			assertThat(RunCommandTests.run("run", "--period", "2017-06", "--inbox", ".", "--severity", "no.such=error")
				.err()).contains("未知的规则代码：no.such");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void sendsTheUnitItsWorkbookWithTheFaultsMarked(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			RunCommandTests.run("run", "--period", "2017-06", "--inbox", inbox().toString(), "--db", db.url());
			Path out = this.dir.resolve("feedback");
			RunCommandTests.Result feedback = RunCommandTests.run("feedback", "--period", "2017-06", "--out",
					out.toString(), "--db", db.url());
			assertThat(feedback.exit()).isZero();

			Path workbook = out.resolve("第九环卫所_2017-06_问题反馈.xlsx");
			try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook read = new XSSFWorkbook(in)) {
				assertThat(read.getSheetName(0)).isEqualTo("问题说明");
				assertThat(read.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(3 + 12);
				XSSFSheet work = read.getSheet("工作量");
				XSSFCell bins = work.getRow(1).getCell(2);
				assertThat(bins.getNumericCellValue()).isEqualTo(5);
				assertThat(bins.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
				assertThat(bins.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
				assertThat(bins.getCellComment().getString().getString()).isEqualTo("错误：修理果壳箱 的计量单位“吨”无法换算为“只”");
				XSSFCell unknownName = work.getRow(6).getCell(1);
				assertThat(unknownName.getCellComment().getString().getString())
					.isEqualTo("警告：指标“捡拾烟头”不在目录中，已记为未识别名称，暂不计入汇总");
				assertThat(work.getRow(6).getCell(2).getCellComment()).isNull();
				XSSFCell good = work.getRow(5).getCell(2);
				assertThat(good.getCellComment()).isNull();
				assertThat(good.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
				XSSFCell total = read.getSheet("问题整改").getRow(8).getCell(3);
				assertThat(total.getCellStyle().getFillForegroundColor())
					.isEqualTo(IndexedColors.LIGHT_YELLOW.getIndex());
				assertThat(total.getCellComment().getString().getString()).isEqualTo("警告：“合计”行的 整改问题 为 33，明细之和为 34");
			}
		}
	}

	private Path inbox() throws IOException {
		Path inbox = Files.createDirectories(this.dir.resolve("inbox"));
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet problems = workbook.createSheet("问题整改");
			row(problems, 0, "专项整治情况统计表（2017年5月）");
			row(problems, 1, "填报单位：第九环卫所");
			row(problems, 2, "专项名称", "问题来源", "发现问题", "整改问题", "整改率");
			row(problems, 3, "城市家具专项整治", "自查", 10, 12, "120%");
			row(problems, 4, "户外广告整治", "自查", 20, 10, "80%");
			row(problems, 5, "亮灯设施专项整治", "自查", "无", 5);
			row(problems, 6, "未知专项", "自查", 3, 3);
			row(problems, 7, "城郊结合部环境整治", "路人举报", 4, 4);
			row(problems, 8, "合计", "", 37, 33);
			Sheet work = workbook.createSheet("工作量");
			row(work, 0, "专项名称", "工作内容", "数量", "单位");
			row(work, 1, "城市家具专项整治", "修理果壳箱", 5, "吨");
			row(work, 2, "城市家具专项整治", "油漆果壳箱", "正在统计", "只");
			row(work, 3, "城市家具专项整治", "清洁果壳箱", -3, "只");
			row(work, 4, "城市家具专项整治", "出动巡查人员").createCell(2).setCellErrorValue(FormulaError.DIV0.getCode());
			row(work, 5, "城市家具专项整治", "更新垃圾桶", 12, "只");
			row(work, 6, "城市家具专项整治", "捡拾烟头", 100, "个");
			row(work, 7, "城市家具专项整治", "修理垃圾桶", 7, "个");
			try (OutputStream out = Files.newOutputStream(inbox.resolve(FILE))) {
				workbook.write(out);
			}
		}
		return inbox;
	}

	private static Row row(Sheet sheet, int index, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			if (values[i] instanceof Number number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else if (!((String) values[i]).isEmpty()) {
				row.createCell(i).setCellValue((String) values[i]);
			}
		}
		return row;
	}

	private static List<String> issues(Path report) throws IOException {
		List<String> issues = new ArrayList<>();
		for (JsonNode file : new ObjectMapper().readTree(report.toFile()).get("files")) {
			for (JsonNode issue : file.get("issues")) {
				issues.add(issue.get("severity").asText() + " " + issue.get("code").asText() + " "
						+ issue.get("sheet").asText() + "!" + issue.get("cell").asText() + " "
						+ issue.get("message").asText());
			}
		}
		return issues;
	}

}
