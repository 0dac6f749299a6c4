package org.huizong.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report} over two months worked out by hand. 城市家具专项整治:
 *
 * <pre>
 *              2017-05                       2017-06
 * 第一环卫所   修理果壳箱 100, 发现 20, 整改 18     修理果壳箱 120, 发现 30, 整改 27
 * 第二环卫所   修理果壳箱 50                        修理果壳箱 80
 * </pre>
 *
 * (problems from 自查). June: 修理果壳箱 200, 上期 150, 环比 +33.3%, 累计 350; 发现 30 / 20 (+50%), 累计
 * 50; 整改 27 / 18, 累计 45; 整改率 90% this month, last month and so far.
 */
class ReportCommandTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void writesTheWorkbookAndTheNarrativeOfAPeriod(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			load(db, "2017-05", file("第一环卫所", 100, 20, 18), file("第二环卫所", 50, null, null));
			load(db, "2017-06", file("第一环卫所", 120, 30, 27), file("第二环卫所", 80, null, null).replace(",80,", ",约80,"));
			Path out = this.dir.resolve("report");
			RunCommandTests.Result report = RunCommandTests.run("report", "--period", "2017-06", "--out",
					out.toString(), "--db", db.url());
			assertThat(report.exit()).as(report.err()).isZero();

			try (InputStream in = Files.newInputStream(out.resolve("汇总表_2017-06.xlsx"));
					XSSFWorkbook workbook = new XSSFWorkbook(in)) {
				assertThat(sheetNames(workbook)).containsExactly("汇总", "城市家具专项整治", "报送情况", "数据来源");
				assertThat(rows(workbook.getSheet("汇总"), 2)).containsExactly(
						"专项|指标|问题来源|本期|上期|环比(%)|上年同期|同比(%)|1月至本期累计|计量单位|报送单位数|备注",
						"城市家具专项整治|发现问题|自查|30|20|50.0|||50|件|1|", "城市家具专项整治|整改问题|自查|27|18|50.0|||45|件|1|",
						"城市家具专项整治|修理果壳箱||200|150|33.3|||350|只|2|含约数", "城市家具专项整治|整改率|自查|90.0|90.0||||90.0|%||由计数算出",
						"问题整改情况（按专项和问题来源）", "专项（问题来源）|发现问题(件)|整改问题(件)|整改率(%)", "城市家具专项整治（自查）|30|27|90.0");
				List<XSSFChart> summaryCharts = workbook.getSheet("汇总").getDrawingPatriarch().getCharts();
				assertThat(summaryCharts).hasSize(1);
				assertThat(summaryCharts.get(0)
					.getChartSeries()
					.get(0)
					.getSeries(1)
					.getValuesData()
					.getDataRangeReference()).isEqualTo("汇总!$C$11");
				XSSFSheet campaign = workbook.getSheet("城市家具专项整治");
				assertThat(rows(campaign, 2).subList(0, 4)).containsExactly(
						"单位|发现问题（自查）(件)|整改问题（自查）(件)|修理果壳箱(只)|整改率(%)", "第一环卫所|30|27|120|90.0", "第二环卫所|||约80|",
						"合计|30|27|200|90.0");
				assertThat(campaign.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(80.0);
				assertThat(campaign.getRow(4).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("\"约\"#,##0");
				assertThat(campaign.getRow(3).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
				assertThat(campaign.getPrintSetup().getLandscape()).isFalse();
				assertThat(campaign.getRepeatingRows().formatAsString()).isEqualTo("1:3");
				List<XSSFChart> charts = campaign.getDrawingPatriarch().getCharts();
				assertThat(charts).hasSize(2);
				assertThat(rows(campaign, 27)).containsExactly("城市家具专项整治：近十二个月", "月份|发现问题（自查）(件)|整改问题（自查）(件)|修理果壳箱(只)",
						"2016-07|||", "2016-08|||", "2016-09|||", "2016-10|||", "2016-11|||", "2016-12|||",
						"2017-01|||", "2017-02|||", "2017-03|||", "2017-04|||", "2017-05|20|18|150",
						"2017-06|30|27|200");
				XDDFChartData trend = charts.get(1).getChartSeries().get(0);
				assertThat(trend.getSeriesCount()).isEqualTo(3);
				assertThat(trend.getSeries(2).getValuesData().getDataRangeReference())
					.isEqualTo("城市家具专项整治!$D$30:$D$41");
				XDDFChartData data = charts.get(0).getChartSeries().get(0);
				List<XDDFChartData.Series> series = new ArrayList<>();
				for (int s = 0; s < data.getSeriesCount(); s++) {
					series.add(data.getSeries(s));
				}
				assertThat(series).extracting((s) -> s.getValuesData().getDataRangeReference())
					.containsExactly("城市家具专项整治!$B$4:$B$5", "城市家具专项整治!$C$4:$C$5", "城市家具专项整治!$D$4:$D$5");
				assertThat(series.get(0).getCategoryData().getDataRangeReference()).isEqualTo("城市家具专项整治!$A$4:$A$5");
				assertThat(rows(workbook.getSheet("报送情况"), 3)).startsWith(
						"第一环卫所|2017-06|已报送|第一环卫所_2017-06.csv|" + receivedAt(workbook, 3) + "|0|0|",
						"第二环卫所|2017-06|已报送|第二环卫所_2017-06.csv|" + receivedAt(workbook, 4) + "|0|0|",
						"第三环卫所|2017-06|未报送|||||");
				assertThat(rows(workbook.getSheet("数据来源"), 3)).containsExactly(
						"第一环卫所|2017-06|城市家具专项整治|修理果壳箱||120|只|120|第一环卫所_2017-06.csv||D2",
						"第一环卫所|2017-06|城市家具专项整治|发现问题|自查|30|件|30|第一环卫所_2017-06.csv||D3",
						"第一环卫所|2017-06|城市家具专项整治|整改问题|自查|27|件|27|第一环卫所_2017-06.csv||D4",
						"第二环卫所|2017-06|城市家具专项整治|修理果壳箱||80|只|约80|第二环卫所_2017-06.csv||D2");
			}
			try (InputStream in = Files.newInputStream(out.resolve("工作总结_2017-06.docx"));
					XWPFDocument document = new XWPFDocument(in)) {
				List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
				assertThat(paragraphs).hasSize(6);
				assertThat(paragraphs.subList(0, 5))
					.containsExactly("2017年6月专项整治工作总结", "2017年6月，全区各单位共报送1项专项整治的统计报表2份，现将主要工作情况总结如下。", "一、城市家具专项整治",
							"6月份，各单位共发现问题（自查）30件，环比增长50%，1—6月累计50件；" + "整改问题（自查）27件，环比增长50%，1—6月累计45件；"
									+ "修理果壳箱200只，环比增长33.3%，1—6月累计350只。" + "共发现问题30件，已整改27件，整改率90%。（部分单位填报的是约数。）",
							"二、报送情况");
				assertThat(paragraphs.get(5)).startsWith("截至汇总时，第三环卫所、第四环卫所、第五环卫所、").endsWith("康桥街道共17个单位尚未报送。");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void fillsTheCitysTemplateAndRefusesOneThatNamesSomethingUnknown(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			load(db, "2017-06", file("第一环卫所", 120, 30, 27), file("第二环卫所", 80, null, null));
			Path template = this.dir.resolve("市级报表.xlsx");
			try (XSSFWorkbook workbook = new XSSFWorkbook()) {
				XSSFSheet sheet = workbook.createSheet("上报表");
				sheet.createRow(0).createCell(0).setCellValue("{{期间}}城市家具整治情况（共修理果壳箱 {{城市家具整治/修理果壳箱}} 只）");
				org.apache.poi.ss.usermodel.CellStyle thousands = workbook.createCellStyle();
				thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
				String[] placeholders = { "{{城市家具整治/修理果壳箱}}", "{{城市家具专项整治/发现问题数/自查自纠}}", "{{第一环卫所:城市家具专项整治/修理果壳箱}}",
						"{{城市家具专项整治/清洁果壳箱}}" };
				for (int i = 0; i < placeholders.length; i++) {
					Cell cell = sheet.createRow(1 + i).createCell(1);
					cell.setCellValue(placeholders[i]);
					cell.setCellStyle(thousands);
				}
				sheet.createRow(5).createCell(1).setCellFormula("B2+B4");
				sheet.addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf("A7:C7"));
				try (java.io.OutputStream out = Files.newOutputStream(template)) {
					workbook.write(out);
				}
			}
			Path out = this.dir.resolve("report");
			RunCommandTests.Result report = RunCommandTests.run("report", "--period", "2017-06", "--out",
					out.toString(), "--template", template.toString(), "--db", db.url());
			assertThat(report.exit()).as(report.err()).isZero();
			assertThat(report.err()).contains("以下占位符本期没有数据，已填为 0：{{城市家具专项整治/清洁果壳箱}}（工作表“上报表”B5）");
			try (InputStream in = Files.newInputStream(out.resolve("市级报表.xlsx"));
					XSSFWorkbook filled = new XSSFWorkbook(in)) {
				XSSFSheet sheet = filled.getSheet("上报表");
				assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2017年6月城市家具整治情况（共修理果壳箱 200 只）");
				assertThat(List.of(1, 2, 3, 4)).extracting((r) -> sheet.getRow(r).getCell(1).getNumericCellValue())
					.containsExactly(200.0, 30.0, 120.0, 0.0);
				assertThat(sheet.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
				assertThat(sheet.getRow(5).getCell(1).getCellFormula()).isEqualTo("B2+B4");
				assertThat(sheet.getMergedRegions()).extracting((r) -> r.formatAsString()).containsExactly("A7:C7");
			}

			Path unknown = this.dir.resolve("错误模板.xlsx");
			try (XSSFWorkbook workbook = new XSSFWorkbook()) {
				XSSFSheet sheet = workbook.createSheet("上报表");
				sheet.createRow(8).createCell(2).setCellValue("{{城市家具专项整治/捡拾烟头}}");
				sheet.createRow(9).createCell(2).setCellValue("{{第九环卫所:城市家具专项整治/修理果壳箱}}");
				try (java.io.OutputStream stream = Files.newOutputStream(unknown)) {
					workbook.write(stream);
				}
			}
			Path nowhere = this.dir.resolve("refused");
			RunCommandTests.Result refused = RunCommandTests.run("report", "--period", "2017-06", "--out",
					nowhere.toString(), "--template", unknown.toString(), "--db", db.url());
			assertThat(refused.exit()).isEqualTo(Cli.USAGE);
			assertThat(refused.err()).contains("模板 错误模板.xlsx 中有无法识别的占位符，未写出任何文件：",
					"工作表“上报表”C9：{{城市家具专项整治/捡拾烟头}} 中的指标“捡拾烟头”不在目录中",
					"工作表“上报表”C10：{{第九环卫所:城市家具专项整治/修理果壳箱}} 中的单位“第九环卫所”不在单位名册中");
			assertThat(nowhere).doesNotExist();
		}
	}

	private static String receivedAt(XSSFWorkbook workbook, int row) {
		return new DataFormatter().formatCellValue(workbook.getSheet("报送情况").getRow(row).getCell(4));
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach((sheet) -> names.add(sheet.getSheetName()));
		return names;
	}

	/** The sheet's rows from {@code first} on, cells as shown, separated by {@code |}. */
	private static List<String> rows(XSSFSheet sheet, int first) {
		DataFormatter shown = new DataFormatter();
		List<String> rows = new ArrayList<>();
		for (int r = first; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			List<String> cells = new ArrayList<>();
			for (int c = 0; c < row.getLastCellNum(); c++) {
				Cell cell = row.getCell(c);
				cells.add((cell != null) ? shown.formatCellValue(cell) : "");
			}
			rows.add(String.join("|", cells));
		}
		return rows;
	}

	/**
	 * 25 units: the chart of the campaign's sheet shows the 20 with the most bins, from a
	 * table of its own in that order; 数据来源 keeps every unit's names and text as written,
	 * markup characters and all.
	 */
	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void chartsTheLeadingUnitsOfACampaignOfManyAndTracesEveryFigure(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			String[] files = new String[25];
			for (int i = 0; i < files.length; i++) {
				String unit = (i == 0) ? "甲&乙<所>" : String.format("测试单位%02d", i + 1);
				files[i] = file(unit, (i == 0) ? 7 : 10 * (i + 1), null, null);
			}
			files[24] = files[24].replace(",250,", ",\"1,250余\",");
			load(db, "2017-06", files);
			Path out = this.dir.resolve("report");
			RunCommandTests.Result report = RunCommandTests.run("report", "--period", "2017-06", "--out",
					out.toString(), "--db", db.url());
			assertThat(report.exit()).as(report.err()).isZero();
			try (InputStream in = Files.newInputStream(out.resolve("汇总表_2017-06.xlsx"));
					XSSFWorkbook workbook = new XSSFWorkbook(in)) {
				XSSFSheet campaign = workbook.getSheet("城市家具专项整治");
				assertThat(rows(campaign, 28)).startsWith("合计|4,247", "修理果壳箱(只)居前的20个单位", "单位|修理果壳箱(只)",
						"测试单位25|约1,250", "测试单位24|240", "测试单位23|230");
				assertThat(rows(campaign, 51)).first().isEqualTo("测试单位06|60");
				assertThat(campaign.getRowBreaks()).contains(29, 52);
				XDDFChartData.Series bars = campaign.getDrawingPatriarch()
					.getCharts()
					.get(0)
					.getChartSeries()
					.get(0)
					.getSeries(0);
				assertThat(bars.getCategoryData().getDataRangeReference()).isEqualTo("城市家具专项整治!$A$33:$A$52");
				assertThat(bars.getValuesData().getDataRangeReference()).isEqualTo("城市家具专项整治!$B$33:$B$52");
				List<String> sources = rows(workbook.getSheet("数据来源"), 3);
				assertThat(sources).hasSize(25);
				assertThat(sources).contains("甲&乙<所>|2017-06|城市家具专项整治|修理果壳箱||7|只|7|甲&乙<所>_2017-06.csv||D2",
						"测试单位25|2017-06|城市家具专项整治|修理果壳箱||1,250|只|1,250余|测试单位25_2017-06.csv||D2");
			}
		}
	}

	private void load(TestDatabase db, String period, String... files) throws IOException {
		PeriodHistoryTests.load(db, this.dir, period, List.of(), files);
	}

	private static String file(String unit, int bins, Integer found, Integer fixed) {
		return unit + "\n专项名称,工作内容,问题来源,数量,单位\r\n城市家具专项整治,修理果壳箱,,{bins},只\r\n".replace("{bins}", Integer.toString(bins))
				+ ((found != null) ? "城市家具专项整治,发现问题,自查," + found + ",件\r\n城市家具专项整治,整改问题,自查," + fixed + ",件\r\n" : "");
	}

}
