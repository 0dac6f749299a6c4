package org.huizong.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year of months and a month of the year before, for three units: 第一环卫所 and 第二环卫所 send
 * every month, 第三环卫所 sends its second quarter as one file (and a stray April file, which
 * its quarter file outranks). 修理果壳箱 adds up over time; 现有垃圾桶数 is a stock. Every figure
 * below is worked out by hand:
 *
 * <pre>
 * 修理果壳箱   第一环卫所: 2017-m = 10·m, 2016-06 = 7     第二环卫所: 2017-m = 100 + m
 *             第三环卫所: 2017-Q2 = 900 (own file), 2017-04 = 50
 * 现有垃圾桶数 第一环卫所: 2017-m = 500 + m, 2016-06 = 480  第三环卫所: 2017-Q2 = 300
 * </pre>
 */
class PeriodHistoryTests {

	private static final String FIRST = "第一环卫所";

	private static final String SECOND = "第二环卫所";

	private static final String THIRD = "第三环卫所";

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void rollsMonthsUpAndComparesEveryFigure(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			load(db, "2016-06", file(FIRST, 7, 480));
			for (int m = 1; m <= 12; m++) {
				String month = String.format("2017-%02d", m);
				if (m == 4) {
					load(db, month, file(FIRST, 10 * m, 500 + m), file(SECOND, 100 + m, null), file(THIRD, 50, null));
				}
				else {
					load(db, month, file(FIRST, 10 * m, 500 + m), file(SECOND, 100 + m, null));
				}
			}
			load(db, "2017-Q2", file(THIRD, 900, 300));

			assertThat(export(db, "2017-06", "unit")).containsExactly(
					"period,unit,campaign,metric,source,value,measure,approx,previous,last_year,ytd",
					"2017-06,第一环卫所,城市家具专项整治,修理果壳箱,,60,只,false,50,7,210",
					"2017-06,第一环卫所,城市家具专项整治,现有垃圾桶数,,506,只,false,505,480,506",
					"2017-06,第二环卫所,城市家具专项整治,修理果壳箱,,106,只,false,105,,621");
			assertThat(export(db, "2017-06", "campaign")).containsExactly(
					"period,campaign,metric,source,value,measure,approx,units,previous,last_year,ytd",
					"2017-06,城市家具专项整治,修理果壳箱,,166,只,false,2,155,7,1731",
					"2017-06,城市家具专项整治,现有垃圾桶数,,506,只,false,1,505,480,806");
			assertThat(export(db, "2017-05", "unit")).contains("2017-05,第一环卫所,城市家具专项整治,修理果壳箱,,50,只,false,40,,150",
					"2017-05,第二环卫所,城市家具专项整治,修理果壳箱,,105,只,false,104,,515");
			assertThat(export(db, "2017-04", "unit")).contains("2017-04,第三环卫所,城市家具专项整治,修理果壳箱,,50,只,false,,,50");
			assertThat(export(db, "2017-Q2", "unit")).containsExactly(
					"period,unit,campaign,metric,source,value,measure,approx,previous,last_year,ytd",
					"2017-Q2,第一环卫所,城市家具专项整治,修理果壳箱,,150,只,false,60,7,210",
					"2017-Q2,第一环卫所,城市家具专项整治,现有垃圾桶数,,506,只,false,503,480,506",
					"2017-Q2,第三环卫所,城市家具专项整治,修理果壳箱,,900,只,false,,,900",
					"2017-Q2,第三环卫所,城市家具专项整治,现有垃圾桶数,,300,只,false,,,300",
					"2017-Q2,第二环卫所,城市家具专项整治,修理果壳箱,,315,只,false,306,,621");
			assertThat(export(db, "2017-H1", "campaign")).containsExactly(
					"period,campaign,metric,source,value,measure,approx,units,previous,last_year,ytd",
					"2017-H1,城市家具专项整治,修理果壳箱,,1731,只,false,3,,7,1731",
					"2017-H1,城市家具专项整治,现有垃圾桶数,,806,只,false,2,,480,806");
			assertThat(export(db, "2017-H2", "unit")).contains("2017-H2,第一环卫所,城市家具专项整治,修理果壳箱,,570,只,false,210,,780",
					"2017-H2,第一环卫所,城市家具专项整治,现有垃圾桶数,,512,只,false,506,,512");
			assertThat(export(db, "2017", "campaign")).containsExactly(
					"period,campaign,metric,source,value,measure,approx,units,previous,last_year,ytd",
					"2017,城市家具专项整治,修理果壳箱,,2958,只,false,3,7,7,2958", "2017,城市家具专项整治,现有垃圾桶数,,812,只,false,2,480,480,812");
			RunCommandTests.Result quarter = RunCommandTests.run("status", "--period", "2017-Q2", "--db", db.url());
			assertThat(quarter.out())
				.contains("期间 2017-Q2 各单位逐月报送情况：", "  第一环卫所：2017-04 已报送，2017-05 已报送，2017-06 已报送\n",
						"  第三环卫所：2017-04 已报送，2017-05 未报送，2017-06 未报送；整期报送：2017-Q2 已报送\n",
						"  第四环卫所：2017-04 未报送，2017-05 未报送，2017-06 未报送\n")
				.doesNotContain("本期尚未报送");
			assertThat(RunCommandTests.run("status", "--period", "2017-Q3", "--db", db.url()).out())
				.contains("上期（2017-Q2）报送、本期尚未报送（1 个）：第三环卫所");
			assertThat(RunCommandTests.run("status", "--period", "2018-01", "--db", db.url()).out())
				.contains("期间 2018-01 还没有运行记录", "上期（2017-12）报送、本期尚未报送（2 个）：第一环卫所、第二环卫所");
			assertThat(RunCommandTests.run("status", "--period", "2017-05", "--db", db.url()).out())
				.contains("上期（2017-04）报送、本期尚未报送（1 个）：第三环卫所");
			assertThat(export(db, "2017-Q2", "campaign", false)).containsExactly(
					"period,campaign,metric,source,value,measure,approx,units",
					"2017-Q2,城市家具专项整治,修理果壳箱,,1365,只,false,3", "2017-Q2,城市家具专项整治,现有垃圾桶数,,806,只,false,2");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void tellsAFigureTenTimesItsUsualAtItsCellLookingBothWays(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			load(db, "2017-05", patrols(FIRST, 1356, 100), patrols(SECOND, 200, 100));
			assertThat(loadWithReport(db, "2017-06", patrols(FIRST, 13560, 130), patrols(SECOND, 260, 70)))
				.containsExactly("第一环卫所_2017-06.csv C3 value.jump 修理果壳箱 填报 13560，是上期（2017-05）1356 的 10 倍，请核实");
			assertThat(loadWithReport(db, "2017-04", patrols(FIRST, 135, 100), patrols(SECOND, 210, 100)))
				.containsExactly("第一环卫所_2017-04.csv C3 value.jump 修理果壳箱 填报 135，仅为下期（2017-05）1356 的 10%，请核实");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void buildsTheLongerPeriodsOfAYearConsolidatedBeforeTheyWereKept(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			load(db, "2016-05", file(FIRST, 5, null));
			load(db, "2016-06", file(FIRST, 7, null));
			db.query((jdbc) -> {
				for (String table : List.of("consolidated_unit", "consolidated_campaign", "period_state")) {
					jdbc.update("DELETE FROM " + table + " WHERE period IN ('2016-Q2', '2016-H1', '2016')");
				}
				return null;
			});
			load(db, "2017-06", file(FIRST, 60, null));

			assertThat(export(db, "2017-Q2", "unit")).contains("2017-Q2,第一环卫所,城市家具专项整治,修理果壳箱,,60,只,false,,12,60");
			assertThat(export(db, "2016", "campaign", false)).contains("2016,城市家具专项整治,修理果壳箱,,12,只,false,1");
		}
	}

	/** The unit on the first line, its CSV after: patrols on row 2, bins on row 3. */
	private static String patrols(String unit, int bins, int patrols) {
		return unit + "\n专项名称,工作内容,数量,单位\r\n城市家具专项整治,出动巡查人员," + patrols + ",人次\r\n城市家具专项整治,修理果壳箱," + bins + ",只\r\n";
	}

	/** Loads the files; what the run report tells of them, a line an issue. */
	private List<String> loadWithReport(TestDatabase db, String period, String... files) throws IOException {
		Path report = this.dir.resolve("report-" + period + ".json");
		load(db, period, List.of("--report", report.toString()), files);
		List<String> told = new java.util.ArrayList<>();
		for (com.fasterxml.jackson.databind.JsonNode file : new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(report.toFile())
			.get("files")) {
			for (com.fasterxml.jackson.databind.JsonNode issue : file.get("issues")) {
				told.add(file.get("name").asText() + " " + issue.get("cell").asText() + " " + issue.get("code").asText()
						+ " " + issue.get("message").asText());
			}
		}
		return told;
	}

	private void load(TestDatabase db, String period, String... files) throws IOException {
		load(db, period, List.of(), files);
	}

	private void load(TestDatabase db, String period, List<String> options, String... files) throws IOException {
		load(db, this.dir, period, options, files);
	}

	/**
	 * Writes a period's inbox under {@code dir}, a CSV file a unit (each file: the unit,
	 * a line break, then its CSV), and runs {@code run} over it, which must load them
	 * all.
	 */
	static void load(TestDatabase db, Path dir, String period, List<String> options, String... files)
			throws IOException {
		Path inbox = Files.createDirectories(dir.resolve("inbox").resolve(period));
		for (String file : files) {
			String unit = file.substring(0, file.indexOf('\n'));
			Files.writeString(inbox.resolve(unit + "_" + period + ".csv"),
					"\ufeff" + file.substring(file.indexOf('\n') + 1), StandardCharsets.UTF_8);
		}
		List<String> args = new java.util.ArrayList<>(
				List.of("run", "--period", period, "--inbox", inbox.toString(), "--db", db.url()));
		args.addAll(options);
		RunCommandTests.Result run = RunCommandTests.run(args.toArray(String[]::new));
		assertThat(run.exit()).as(run.out() + run.err()).isZero();
	}

	/** The unit on the first line, its CSV after. */
	private static String file(String unit, int bins, Integer stock) {
		return unit + "\n专项名称,工作内容,数量,单位\r\n城市家具专项整治,修理果壳箱," + bins + ",只\r\n"
				+ ((stock != null) ? "城市家具专项整治,现有垃圾桶数," + stock + ",只\r\n" : "");
	}

	private List<String> export(TestDatabase db, String period, String level) throws IOException {
		return export(db, period, level, true);
	}

	private List<String> export(TestDatabase db, String period, String level, boolean compare) throws IOException {
		Path out = this.dir.resolve("export-" + period + "-" + level + ".csv");
		RunCommandTests.Result export = compare
				? RunCommandTests.run("export", "--period", period, "--level", level, "--out", out.toString(),
						"--compare", "--db", db.url())
				: RunCommandTests.run("export", "--period", period, "--level", level, "--out", out.toString(), "--db",
						db.url());
		assertThat(export.exit()).as(export.err()).isZero();
		return Files.readAllLines(out, StandardCharsets.UTF_8)
			.stream()
			.map((line) -> line.replace("\ufeff", ""))
			.toList();
	}

}
