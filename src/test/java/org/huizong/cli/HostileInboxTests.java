package org.huizong.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inbox as careless and hostile units and clerks leave it: files copied between units,
 * versions sent back, several files for one unit, huizong's own outputs, hidden files,
 * links out of the inbox, names with escape sequences. No figure is lost or overwritten
 * without a word.
 */
class HostileInboxTests {

	private static final String PERIOD = "2017-06";

	private static final String HEADER = "\ufeff专项名称,工作内容,数量,单位\r\n";

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void identicalFilesFromTwoUnitsBothCountWithAWarningOnEach(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = Files.createDirectories(this.dir.resolve("in"));
			Files.writeString(inbox.resolve("小河街道_2017-06.csv"), HEADER + "城市家具专项整治,出动巡查人员,10,人次\r\n");
			Files.copy(inbox.resolve("小河街道_2017-06.csv"), inbox.resolve("大关街道_2017-06.csv"));

			RunCommandTests.Result run = run(inbox, db);

			assertThat(run.out()).contains("summary: files=2 loaded=2 unchanged=0 rejected=0 facts=2 issues=2",
					"[警告] 大关街道_2017-06.csv：本文件与“小河街道_2017-06.csv”（小河街道）的内容完全相同，两份都已计入汇总；请核实是否报错了文件",
					"[警告] 小河街道_2017-06.csv：本文件与“大关街道_2017-06.csv”（大关街道）的内容完全相同，两份都已计入汇总；请核实是否报错了文件");
			assertThat(export(db, "unit")).containsExactly("period,unit,campaign,metric,source,value,measure,approx",
					"2017-06,大关街道,城市家具专项整治,出动巡查人员,,10,人次,false", "2017-06,小河街道,城市家具专项整治,出动巡查人员,,10,人次,false");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void aVersionSentAgainAfterANewerOneIsCurrentAgain(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = Files.createDirectories(this.dir.resolve("in"));
			Path file = inbox.resolve("小河街道_2017-06.csv");
			for (String value : List.of("120", "999", "120")) {
				Files.writeString(file, HEADER + "城市家具专项整治,出动巡查人员," + value + ",人次\r\n");
				RunCommandTests.Result run = run(inbox, db);
				assertThat(run.out()).as(value).contains("文件 1 个：载入 1，未变 0，拒收 0");
			}

			assertThat(export(db, "unit")).containsExactly("period,unit,campaign,metric,source,value,measure,approx",
					"2017-06,小河街道,城市家具专项整治,出动巡查人员,,120,人次,false");
			assertThat(run(inbox, db).out()).contains("文件 1 个：载入 0，未变 1，拒收 0");
			List<String> statuses = db
				.query((jdbc) -> jdbc.queryForList("SELECT status FROM submission ORDER BY id", String.class));
			assertThat(statuses).containsExactly("replaced", "replaced", "loaded");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void ofAUnitsFilesTheNewestCountsAndTheOthersAreListed(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = sample();
			Path current = inbox.resolve("2017-06/第一环卫所_2017-06.csv");
			Path draft = inbox.resolve("2017-06/第一环卫所_2017-06_初稿.csv");
			Files.writeString(draft, "\ufeff填报单位：第一环卫所\r\n专项名称,工作内容,数量,单位\r\n城市家具专项整治,出动巡查人员,5,人次\r\n");
			// the draft is read after the current file (by name) but is older
			Files.setLastModifiedTime(draft, FileTime.from(Instant.parse("2017-07-01T08:00:00Z")));
			Files.setLastModifiedTime(current, FileTime.from(Instant.parse("2017-07-03T08:00:00Z")));

			RunCommandTests.Result run = run(inbox, db);

			assertThat(run.out()).contains(
					"[警告] 2017-06/第一环卫所_2017-06_初稿.csv：第一环卫所 本期另有较新的文件“2017-06/第一环卫所_2017-06.csv”，本文件已被它取代，不计入汇总",
					"被取代 2017-06/第一环卫所_2017-06_初稿.csv：第一环卫所 另有较新的文件“2017-06/第一环卫所_2017-06.csv”，本文件不计入汇总");
			assertThat(export(db, "unit")).contains("2017-06,第一环卫所,城市家具专项整治,出动巡查人员,,280,人次,false");

			// a newer file arriving later outranks both
			Path revised = inbox.resolve("2017-06/第一环卫所_修改版.csv");
			Files.writeString(revised, "\ufeff填报单位：第一环卫所\r\n专项名称,工作内容,数量,单位\r\n城市家具专项整治,出动巡查人员,300,人次\r\n");
			RunCommandTests.Result again = run(inbox, db);
			assertThat(again.out()).contains(
					"被取代 2017-06/第一环卫所_2017-06.csv：第一环卫所 另有较新的文件“2017-06/第一环卫所_修改版.csv”，本文件不计入汇总",
					"被取代 2017-06/第一环卫所_2017-06_初稿.csv：第一环卫所 另有较新的文件“2017-06/第一环卫所_2017-06.csv”，本文件不计入汇总");
			assertThat(export(db, "unit")).contains("2017-06,第一环卫所,城市家具专项整治,出动巡查人员,,300,人次,false")
				.noneMatch((line) -> line.startsWith("2017-06,第一环卫所,城市家具专项整治,清洁果壳箱"));
			JsonNode report = new ObjectMapper().readTree(this.dir.resolve("report.json").toFile());
			assertThat(report.path("summary").path("superseded").asInt()).isEqualTo(2);
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void aFileWhoseNameAndTableNameTwoUnitsIsRejected(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = sample();
			Files.copy(inbox.resolve("2017-06/第一环卫所_2017-06.csv"), inbox.resolve("2017-06/绿化管理站_附表_2017-06.csv"));

			RunCommandTests.Result run = run(inbox, db);

			assertThat(run.exit()).isEqualTo(Cli.REJECTIONS);
			assertThat(run.out()).contains(
					"拒收 2017-06/绿化管理站_附表_2017-06.csv：文件名表明是“绿化管理站”的报表，但表内填报单位（A2）是“第一环卫所”，无法确定是哪个单位的数据；请核实后改正文件名或填报单位重新报送",
					"文件 8 个：载入 7，未变 0，拒收 1", "载入数据 46 条");
			assertThat(export(db, "unit")).filteredOn((line) -> line.contains(",第一环卫所,")).hasSize(6);
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void feedbackLeftInTheInboxIsRecognisedAndNotRead(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = sample();
			run(inbox, db);
			List<String> before = export(db, "unit");
			RunCommandTests.Result feedback = RunCommandTests.run("feedback", "--period", PERIOD, "--out",
					inbox.resolve("2017-06").toString(), "--db", db.url());
			assertThat(feedback.exit()).as(feedback.err()).isZero();

			RunCommandTests.Result forced = RunCommandTests.run("run", "--period", PERIOD, "--inbox", inbox.toString(),
					"--db", db.url(), "--force");

			assertThat(forced.out()).contains("未读入 2017-06/第三环卫所_2017-06_问题反馈.xlsx：是 huizong 自己写出的问题反馈表，不是单位报送，未读入",
					"未读入 2017-06/河道监管中心_2017-06_问题反馈.xlsx：是 huizong 自己写出的问题反馈表，不是单位报送，未读入", "文件 7 个：载入 7，未变 0，拒收 0");
			assertThat(export(db, "unit")).isEqualTo(before);
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void hiddenFilesAndLinksAreListedNotRead(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = sample();
			Path outside = Files.writeString(this.dir.resolve("outside.csv"), HEADER + "城市家具专项整治,出动巡查人员,777,人次\r\n");
			Files.createSymbolicLink(inbox.resolve("2017-06/米市巷街道_2017-06.csv"), outside);
			Files.writeString(inbox.resolve("2017-06/.大关街道_2017-06.csv"), HEADER + "城市家具专项整治,出动巡查人员,1,人次\r\n");
			Path hiddenFolder = Files.createDirectories(inbox.resolve(".git"));
			Files.writeString(hiddenFolder.resolve("config"), "x");

			RunCommandTests.Result run = run(inbox, db);

			assertThat(run.out()).contains("未读入 .git/：隐藏文件夹，其中的文件未读入",
					"未读入 2017-06/.大关街道_2017-06.csv：隐藏文件（文件名以“.”开头），未读入；如是报表请改名后重新放入",
					"未读入 2017-06/米市巷街道_2017-06.csv：是链接（快捷方式），未跟随读取；请把文件本身放入收件箱", "文件 7 个：载入 7，未变 0，拒收 0");
			assertThat(export(db, "unit")).noneMatch((line) -> line.contains("777") || line.contains("大关街道"));
			JsonNode report = new ObjectMapper().readTree(this.dir.resolve("report.json").toFile());
			assertThat(report.path("skipped").findValuesAsText("reason_code")).containsExactly("file.hidden",
					"file.hidden", "file.link");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void controlCharactersInNamesNeverReachTheTerminal(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = Files.createDirectories(this.dir.resolve("in"));
			Files.writeString(inbox.resolve("坏\u001b[2J单位\u001b]0;x\u0007_2017-06.csv"),
					"\ufeff填报单位：恶意\u001b[31m单位\r\n" + HEADER.substring(1) + "城市家具专项整治,出动巡查人员,3,人次\r\n");

			RunCommandTests.Result run = run(inbox, db);
			RunCommandTests.Result status = RunCommandTests.run("status", "--period", PERIOD, "--db", db.url());

			assertThat(run.out() + run.err() + status.out()).doesNotContain("\u001b", "\u0007");
			assertThat(run.out()).contains("恶意␛[31m单位");
			assertThat(status.out()).contains("恶意␛[31m单位：坏␛[2J单位␛]0;x␇_2017-06.csv");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void anUnwritableReportIsToldBeforeTheRun(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = sample();
			Path notAFolder = Files.writeString(this.dir.resolve("file.txt"), "x");
			Path report = notAFolder.resolve("r.json");
			RunCommandTests.run("status", "--db", db.url());

			RunCommandTests.Result run = RunCommandTests.run("run", "--period", PERIOD, "--inbox", inbox.toString(),
					"--db", db.url(), "--report", report.toString());

			assertThat(run.exit()).isEqualTo(Cli.USAGE);
			assertThat(run.err()).startsWith("命令行错误：--report 无法写入 " + report.toAbsolutePath() + "（")
				.doesNotContain(".tmp");
			Integer submissions = db
				.query((jdbc) -> jdbc.queryForObject("SELECT COUNT(*) FROM submission", Integer.class));
			assertThat(submissions).isZero();
			RunCommandTests.Result export = RunCommandTests.run("export", "--period", PERIOD, "--level", "unit",
					"--out", report.toString(), "--db", db.url());
			assertThat(export.exit()).isEqualTo(Cli.USAGE);
			assertThat(export.err()).startsWith("命令行错误：--out 无法写入 " + report.toAbsolutePath() + "（");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void feedbackGoesOnPastAUnitWithAVeryLongName(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = sample();
			String longName = "很长的单位名称".repeat(15);
			Files.writeString(inbox.resolve("2017-06/long.csv"),
					"\ufeff填报单位：" + longName + "\r\n" + HEADER.substring(1) + "城市家具专项整治,出动巡查人员,3,人次\r\n");
			run(inbox, db);
			Path out = this.dir.resolve("feedback");

			RunCommandTests.Result feedback = RunCommandTests.run("feedback", "--period", PERIOD, "--out",
					out.toString(), "--db", db.url());

			assertThat(feedback.exit()).as(feedback.err()).isZero();
			try (Stream<Path> files = Files.list(out)) {
				assertThat(files.map((p) -> p.getFileName().toString())).containsExactlyInAnyOrder(
						"第三环卫所_2017-06_问题反馈.xlsx", "河道监管中心_2017-06_问题反馈.xlsx",
						longName.substring(0, 60) + "…_2017-06_问题反馈.xlsx");
			}
		}
	}

	@Test
	void anOptionGivenTwiceIsAWrongCommandLine() {
		RunCommandTests.Result run = RunCommandTests.run("run", "--period", "2017-06", "--period", "2017-07", "--inbox",
				"data/sample-inbox");
		assertThat(run.exit()).isEqualTo(Cli.USAGE);
		assertThat(run.err()).startsWith("命令行错误：选项 --period 给了不止一次");
	}

	@Test
	void aPeriodOutsideTheCenturyIsAWrongCommandLine() {
		for (String period : List.of("0000-01", "9999-12", "1999")) {
			RunCommandTests.Result run = RunCommandTests.run("export", "--period", period, "--level", "unit", "--out",
					this.dir.resolve("x.csv").toString());
			assertThat(run.exit()).as(period).isEqualTo(Cli.USAGE);
			assertThat(run.err()).as(period).contains("不在 2000 到 2099 之间");
		}
	}

	@Test
	void aDatabaseAddressThatIsNoJdbcUrlIsAWrongCommandLine() {
		RunCommandTests.Result run = RunCommandTests.run("status", "--db", "notaurl");
		assertThat(run.exit()).isEqualTo(Cli.USAGE);
		assertThat(run.err())
			.startsWith("命令行错误：--db 应为 JDBC 地址，如 jdbc:postgresql://127.0.0.1:5432/test?user=postgres：notaurl");
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void aDatabaseThatCannotBeUsedIsToldInOneLine(String kind) throws Exception {
		String url;
		String expected;
		if (kind.equals("h2")) {
			Path notAFolder = Files.writeString(this.dir.resolve("var"), "x");
			url = "jdbc:h2:file:" + notAFolder.toAbsolutePath() + "/huizong";
			expected = "运行失败：数据库出错（";
		}
		else {
			url = System.getenv(TestDatabase.PG_ENV).replaceFirst("/[^/?]+\\?", "/huizong_no_such_db?");
			expected = "运行失败：数据库不存在（FATAL: database \"huizong_no_such_db\" does not exist）；请检查 --db 中的数据库名，或先用 createdb 建库";
		}

		RunCommandTests.Result status = RunCommandTests.run("status", "--db", url);

		assertThat(status.exit()).isEqualTo(Cli.FAILED);
		assertThat(status.err().strip()).startsWith(expected).doesNotContain("\n", "Exception", "at org.");
	}

	private RunCommandTests.Result run(Path inbox, TestDatabase db) {
		RunCommandTests.Result run = RunCommandTests.run("run", "--period", PERIOD, "--inbox", inbox.toString(), "--db",
				db.url(), "--report", this.dir.resolve("report.json").toString());
		assertThat(run.exit()).as(run.err()).isIn(Cli.OK, Cli.REJECTIONS);
		return run;
	}

	private List<String> export(TestDatabase db, String level) throws IOException {
		Path out = this.dir.resolve(level + ".csv");
		RunCommandTests.Result export = RunCommandTests.run("export", "--period", PERIOD, "--level", level, "--out",
				out.toString(), "--db", db.url());
		assertThat(export.exit()).as(export.err()).isZero();
		return List.of(Files.readString(out, StandardCharsets.UTF_8).replace("\ufeff", "").split("\r\n"));
	}

	private Path sample() throws IOException {
		return RunCommandTests.copySample(this.dir);
	}

}
