package org.huizong.cli;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk's files go to the database together: what one file does to the database must
 * still stay that file's alone.
 */
class BatchLoadingTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void aFileTheDatabaseRefusesIsRejectedAndTheRestOfItsChunkLoads(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path empty = Files.createDirectories(this.dir.resolve("empty"));
			assertThat(RunCommandTests.run("run", "--period", "2017-06", "--inbox", empty.toString(), "--db", db.url())
				.exit()).isZero();
			// Something the database will not take, that huizong cannot know of.
			db.query((jdbc) -> {
				jdbc.execute("ALTER TABLE fact ADD CONSTRAINT no_4444 CHECK (raw_text <> '4444')");
				return null;
			});
			Path inbox = Files.createDirectories(this.dir.resolve("inbox"));
			unit(inbox, "第一环卫所", "12");
			unit(inbox, "第二环卫所", "4444");
			unit(inbox, "第三环卫所", "13");

			RunCommandTests.Result run = RunCommandTests.run("run", "--period", "2017-06", "--inbox", inbox.toString(),
					"--db", db.url());

			assertThat(run.exit()).as(run.err()).isEqualTo(Cli.REJECTIONS);
			assertThat(run.out()).contains("文件 3 个：载入 2，未变 0，拒收 1").contains("拒收 第二环卫所_2017-06.csv：数据库拒绝保存本文件的数据（");
			List<Map<String, Object>> submissions = db.query((jdbc) -> jdbc
				.queryForList("SELECT unit, status, reason_code, facts FROM submission ORDER BY file_name"));
			assertThat(submissions)
				.extracting((row) -> row.get("UNIT") + "/" + row.get("STATUS") + "/" + row.get("REASON_CODE") + "/"
						+ row.get("FACTS"))
				.containsExactly("第一环卫所/loaded//1", "第三环卫所/loaded//1", "第二环卫所/rejected/file.refused/0");
			List<String> facts = db
				.query((jdbc) -> jdbc.queryForList("SELECT raw_text FROM fact ORDER BY raw_text", String.class));
			assertThat(facts).containsExactly("12", "13");
			assertThat(binsRepaired(db)).isEqualByComparingTo("25");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void theSameFileTwiceForOneUnitCountsOnceAndTheCopyIsListed(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = Files.createDirectories(this.dir.resolve("inbox"));
			Path first = unit(inbox, "第一环卫所", "12");
			Path copy = Files.copy(first, Files.createDirectories(inbox.resolve("副本")).resolve(first.getFileName()));
			Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(1_500_000_000_000L));
			Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(1_500_000_060_000L));

			RunCommandTests.Result run = RunCommandTests.run("run", "--period", "2017-06", "--inbox", inbox.toString(),
					"--db", db.url(), "--force");

			assertThat(run.exit()).as(run.err()).isZero();
			assertThat(run.out()).contains("文件 2 个：载入 2，未变 0，拒收 0",
					"被取代 第一环卫所_2017-06.csv：第一环卫所 另有较新的文件“副本/第一环卫所_2017-06.csv”，本文件不计入汇总");
			assertThat(binsRepaired(db)).isEqualByComparingTo("12");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void textAndNumbersTheTablesCannotHoldAreCaughtAtTheCell(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = Files.createDirectories(this.dir.resolve("inbox"));
			try (HSSFWorkbook workbook = new HSSFWorkbook();
					OutputStream out = Files.newOutputStream(inbox.resolve("第一环卫所_2017-06.xls"))) {
				Sheet sheet = workbook.createSheet("城市家具专项整治");
				String[][] rows = { { "填报单位：第一环卫所" }, { "专项名称", "工作内容", "数量", "单位" },
						{ "城市家具专项整治", "修理果壳箱", "12", "只" }, { "城市家具专项整治", "出动巡查人员", "100000000000000000000000", "人次" },
						{ "城市家具专项整治", "清洗\u0000果壳箱", "7", "只" } };
				for (int r = 0; r < rows.length; r++) {
					Row row = sheet.createRow(r);
					for (int c = 0; c < rows[r].length; c++) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
				workbook.write(out);
			}

			RunCommandTests.Result run = RunCommandTests.run("run", "--period", "2017-06", "--inbox", inbox.toString(),
					"--db", db.url());

			assertThat(run.exit()).as(run.err()).isEqualTo(Cli.REJECTIONS);
			assertThat(run.out()).contains("文件 1 个：载入 1，未变 0，拒收 0")
				.contains("[错误] 第一环卫所_2017-06.xls / 城市家具专项整治 / C4：出动巡查人员 的值“100000000000000000000000”"
						+ "超出可汇总的范围（整数部分最多 22 位）")
				.contains("[警告] 第一环卫所_2017-06.xls / 城市家具专项整治 / B5：指标“清洗果壳箱”不在目录中");
			List<String> metrics = db
				.query((jdbc) -> jdbc.queryForList("SELECT metric_raw FROM fact ORDER BY cell", String.class));
			assertThat(metrics).containsExactly("修理果壳箱", "清洗果壳箱");
		}
	}

	/*
	 * Totals and issues go in as facts do (COPY on PostgreSQL): text that COPY must
	 * escape arrives as it was written.
	 */
	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void namesWithTabsBackslashesAndRareCharactersReachTheTablesAsWritten(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = Files.createDirectories(this.dir.resolve("inbox"));
			String name = "未知\t指标\\N\uD840\uDC00";
			Files.writeString(inbox.resolve("第一环卫所_2017-06.csv"), "\uFEFF填报单位：第一环卫所,,,\r\n专项名称,工作内容,数量,单位\r\n"
					+ "城市家具专项整治,修理果壳箱,12,只\r\n城市家具专项整治,\"" + name + "\",7,件\r\n", StandardCharsets.UTF_8);

			RunCommandTests.Result run = RunCommandTests.run("run", "--period", "2017-06", "--inbox", inbox.toString(),
					"--db", db.url());

			assertThat(run.exit()).as(run.err()).isZero();
			List<String> metrics = db
				.query((jdbc) -> jdbc.queryForList("SELECT metric_raw FROM fact ORDER BY metric_raw", String.class));
			assertThat(metrics).containsExactly("修理果壳箱", name);
			List<String> messages = db.query((jdbc) -> jdbc
				.queryForList("SELECT message FROM issue WHERE code = 'catalog.unmapped-metric'", String.class));
			assertThat(messages).singleElement().asString().contains(name);
			List<String> totals = db.query((jdbc) -> jdbc.queryForList(
					"SELECT metric || '=' || CAST(total_value AS INTEGER) || ' ' || measure || ' ' || facts FROM fact_total",
					String.class));
			assertThat(totals).containsExactly("修理果壳箱=12 只 1");
		}
	}

	private static BigDecimal binsRepaired(TestDatabase db) {
		return db.query((jdbc) -> jdbc.queryForObject(
				"SELECT total_value FROM consolidated_campaign WHERE period = '2017-06' AND metric = '修理果壳箱'",
				BigDecimal.class));
	}

	private static Path unit(Path inbox, String unit, String bins) throws Exception {
		return Files.writeString(inbox.resolve(unit + "_2017-06.csv"),
				"\uFEFF填报单位：" + unit + ",,,\r\n专项名称,工作内容,数量,单位\r\n城市家具专项整治,修理果壳箱," + bins + ",只\r\n",
				StandardCharsets.UTF_8);
	}

}
