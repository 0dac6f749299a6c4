package org.huizong.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The command line as schedulers and clerks use it, on the sample inbox, against every
 * test database.
 */
class RunCommandTests {

	private static final Path SAMPLE = Path.of("data/sample-inbox");

	private static final List<String> DATA_TABLES = List.of(
			"SELECT id, period, unit, file_name, sha256, status, reason_code, reason, format, encoding, rows_read, facts, "
					+ "received_at, replaced_by FROM submission ORDER BY id",
			"SELECT * FROM fact ORDER BY submission_id, sheet, cell", "SELECT * FROM issue ORDER BY id",
			"SELECT * FROM unmapped_name ORDER BY period, unit, kind, name",
			"SELECT * FROM consolidated_unit ORDER BY period, unit, campaign, metric, source",
			"SELECT * FROM consolidated_campaign ORDER BY period, campaign, metric, source");

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void consolidatesSampleInboxToHandWorkedTotals(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = copySample();
			Result run = run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url());
			assertThat(run.exit()).as(run.err()).isEqualTo(Cli.REJECTIONS);
			assertThat(run.out()).endsWith(String.join(System.lineSeparator(), "== 汇总结果：2017-06 ==",
					"文件 7 个：载入 7，未变 0，拒收 0", "载入数据 46 条；问题 2 个（错误 1，警告 1）",
					"summary: files=7 loaded=7 unchanged=0 rejected=0 facts=46 issues=2 errors=1 warnings=1", ""));
			assertThat(run.out()).contains("[错误] 2017-06/第三环卫所_2017-06.csv / C4：修理果壳箱 的计量单位“吨”无法换算为“只”",
					"[警告] 2017-06/河道监管中心_2017-06.csv / B11：指标“清理河面漂浮物”不在目录中，已记为未识别名称，暂不计入汇总");

			Path export = this.dir.resolve("campaign.csv");
			assertThat(run("export", "--period", "2017-06", "--level", "campaign", "--out", export.toString(), "--db",
					db.url())
				.exit()).isZero();
			byte[] bytes = Files.readAllBytes(export);
			assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
			assertThat(lines(export)).containsExactlyElementsOf(expected("sample-campaign.csv"));
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void unitExportKeepsEachUnitApart(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = copySample();
			run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url());
			Path export = this.dir.resolve("unit.csv");
			run("export", "--period", "2017-06", "--level", "unit", "--out", export.toString(), "--db", db.url());
			assertThat(lines(export)).first().isEqualTo("period,unit,campaign,metric,source,value,measure,approx");
			assertThat(lines(export)).contains("2017-06,第一环卫所,渣土运输管理专项整治,清理垃圾渣土,,288,吨,false",
					"2017-06,第二环卫所,渣土运输管理专项整治,清理垃圾渣土,,200,吨,false", "2017-06,第一环卫所,城市家具专项整治,清洁果壳箱,,2000,只,true",
					"2017-06,市政设施管理中心,破损市政道路、街巷集中整治,修复车行道,,17955,㎡,false", "2017-06,第三环卫所,城市家具专项整治,油漆果壳箱,,450,只,false")
				.noneMatch((line) -> line.contains("第三环卫所,城市家具专项整治,修理果壳箱"))
				.noneMatch((line) -> line.contains("第三环卫所,城市家具专项整治,出动巡查人员"));
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void secondRunChangesNoTable(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = copySample();
			run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url());
			List<List<Map<String, Object>>> before = snapshot(db);

			Result second = run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url());

			assertThat(snapshot(db)).isEqualTo(before);
			assertThat(second.out()).contains("文件 7 个：载入 0，未变 7，拒收 0");
			assertThat(second.exit()).isEqualTo(Cli.REJECTIONS);
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void changedFileReplacesThatUnitOnly(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = copySample();
			run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url());
			List<Map<String, Object>> othersBefore = unitRows(db, "第一环卫所", false);

			Path first = inbox.resolve("2017-06/第一环卫所_2017-06.csv");
			Files.writeString(first,
					Files.readString(first).replace("城市家具专项整治,出动巡查人员,280,人次", "城市家具专项整治,出动巡查人员,300,人次"));
			Result rerun = run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url());

			assertThat(rerun.out()).contains("文件 7 个：载入 1，未变 6，拒收 0");
			assertThat(unitRows(db, "第一环卫所", false)).isEqualTo(othersBefore);
			assertThat(
					value(db, "SELECT total_value FROM consolidated_unit WHERE period = '2017-06' AND unit = '第一环卫所' "
							+ "AND metric = '出动巡查人员'"))
				.isEqualTo("300");
			assertThat(value(db,
					"SELECT total_value FROM consolidated_campaign WHERE period = '2017-06' AND metric = '出动巡查人员'"))
				.isEqualTo("600");
			assertThat(value(db, "SELECT COUNT(*) FROM submission WHERE unit = '第一环卫所' AND status = 'replaced' "
					+ "AND replaced_by IS NOT NULL"))
				.isEqualTo("1");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void failedResubmissionKeepsEarlierFigures(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = copySample();
			run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url());
			List<Map<String, Object>> before = unitRows(db, "第二环卫所", true);

			Path second = inbox.resolve("2017-06/第二环卫所_2017-06.csv");
			Files.write(second, new byte[] { 'a', ',', 'b', ',', ',', (byte) 0xFF, '\r', '\n' },
					java.nio.file.StandardOpenOption.APPEND);
			Path report = this.dir.resolve("report.json");
			Result rerun = run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url(), "--report",
					report.toString());

			assertThat(rerun.exit()).isEqualTo(Cli.REJECTIONS);
			assertThat(rerun.out()).contains("拒收 2017-06/第二环卫所_2017-06.csv：第10行含有既不是 UTF-8 也不是 GBK/GB18030 的字节（0xFF）");
			assertThat(unitRows(db, "第二环卫所", true)).isEqualTo(before);
			JsonNode file = fileNamed(report, "2017-06/第二环卫所_2017-06.csv");
			assertThat(file.get("status").asText()).isEqualTo("rejected");
			assertThat(file.get("unit").asText()).isEqualTo("第二环卫所");
			assertThat(file.get("facts").asInt()).isZero();
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void reportNamesEveryFileWithItsIssues(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = copySample();
			Path report = this.dir.resolve("out/report.json");
			run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url(), "--report",
					report.toString());

			JsonNode root = new ObjectMapper().readTree(report.toFile());
			assertThat(root.get("period").asText()).isEqualTo("2017-06");
			assertThat(root.get("files")).hasSize(7);
			JsonNode third = fileNamed(report, "2017-06/第三环卫所_2017-06.csv");
			assertThat(third.get("status").asText()).isEqualTo("loaded");
			assertThat(third.get("facts").asInt()).isEqualTo(2);
			assertThat(third.get("encoding").asText()).isEqualTo("UTF-8 BOM");
			JsonNode issue = third.get("issues").get(0);
			assertThat(issue.get("severity").asText()).isEqualTo("error");
			assertThat(issue.get("cell").asText()).isEqualTo("C4");
			assertThat(issue.get("code").asText()).isEqualTo("measure.incompatible");
			assertThat(fileNamed(report, "2017-06/第二环卫所_2017-06.csv").get("encoding").asText()).isEqualTo("GB18030");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void aNameTheCatalogLearnsCountsOnTheNextRun(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = copySample();
			Path catalog = Files.createDirectories(this.dir.resolve("catalog"));
			try (Stream<Path> files = Files.list(Path.of("data/catalog"))) {
				for (Path file : files.toList()) {
					Files.writeString(catalog.resolve(file.getFileName()),
							Files.readString(file).replace("|处理市级督查联系单", ""));
				}
			}
			Result before = run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url(),
					"--catalog", catalog.toString());
			assertThat(before.out()).contains("指标“处理市级督查联系单”不在目录中");
			assertThat(value(db,
					"SELECT COUNT(*) FROM consolidated_campaign WHERE period = '2017-06' AND metric = '处理督查联系单'"))
				.isEqualTo("0");
			assertThat(value(db, "SELECT COUNT(*) FROM unmapped_name WHERE name = '处理市级督查联系单'")).isEqualTo("1");
			assertThat(value(db, "SELECT SUM(unmapped_facts) FROM submission WHERE status = 'loaded'"))
				.isEqualTo(value(db, "SELECT COUNT(*) FROM fact WHERE NOT mapped"))
				.isNotEqualTo("0");

			Result after = run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url());

			assertThat(after.out()).contains("文件 7 个：载入 0，未变 7，拒收 0").doesNotContain("处理市级督查联系单");
			assertThat(value(db,
					"SELECT total_value FROM consolidated_campaign WHERE period = '2017-06' AND metric = '处理督查联系单'"))
				.isEqualTo("8");
			assertThat(value(db, "SELECT COUNT(*) FROM unmapped_name WHERE name = '处理市级督查联系单'")).isEqualTo("0");
			assertThat(value(db, "SELECT SUM(unmapped_facts) FROM submission WHERE status = 'loaded'"))
				.isEqualTo(value(db, "SELECT COUNT(*) FROM fact WHERE NOT mapped"));
		}
	}

	@Test
	void wrongCommandLineExitsTwo() {
		Result month13 = run("run", "--period", "2017-13", "--inbox", ".");
		assertThat(month13.exit()).isEqualTo(Cli.USAGE);
		assertThat(month13.err()).contains("期间格式不对：2017-13（应为月份 2017-06、季度 2017-Q2、半年 2017-H1 或年度 2017）");
		assertThat(run("export", "--period", "2017-Q5", "--level", "unit", "--out", "x.csv").exit())
			.isEqualTo(Cli.USAGE);
		assertThat(run("run", "--inbox", ".").err()).contains("缺少选项 --period");
		assertThat(run("frobnicate").exit()).isEqualTo(Cli.USAGE);
		assertThat(run("export", "--period", "2017-06", "--level", "street", "--out", "x.csv").err())
			.contains("--level 只能是 unit 或 campaign");
		assertThat(run("run", "--period", "2017-06", "--inbox", this.dir.resolve("missing").toString()).exit())
			.isEqualTo(Cli.USAGE);
	}

	private Path copySample() throws IOException {
		return copySample(this.dir);
	}

	/** A copy of the sample inbox under {@code dir}, as {@code dir/inbox}. */
	static Path copySample(Path dir) throws IOException {
		Path inbox = dir.resolve("inbox");
		try (Stream<Path> files = Files.walk(SAMPLE)) {
			for (Path source : files.toList()) {
				Path target = inbox.resolve(SAMPLE.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
		return inbox;
	}

	private static JsonNode fileNamed(Path report, String name) throws IOException {
		for (JsonNode file : new ObjectMapper().readTree(report.toFile()).get("files")) {
			if (file.get("name").asText().equals(name)) {
				return file;
			}
		}
		throw new AssertionError("not in the report: " + name);
	}

	private static List<List<Map<String, Object>>> snapshot(TestDatabase db) {
		return db.query((jdbc) -> {
			List<List<Map<String, Object>>> tables = new ArrayList<>();
			DATA_TABLES.forEach((sql) -> tables.add(jdbc.queryForList(sql)));
			return tables;
		});
	}

	private static List<Map<String, Object>> unitRows(TestDatabase db, String unit, boolean equal) {
		return db.query((jdbc) -> jdbc.queryForList("SELECT unit, campaign, metric, source, total_value, approx FROM "
				+ "consolidated_unit WHERE period = '2017-06' AND unit " + (equal ? "=" : "<>")
				+ " ? ORDER BY unit, campaign, metric, source", unit));
	}

	private static String value(TestDatabase db, String sql) {
		return db.query((jdbc) -> {
			Object value = jdbc.queryForObject(sql, Object.class);
			return (value instanceof java.math.BigDecimal decimal) ? decimal.stripTrailingZeros().toPlainString()
					: String.valueOf(value);
		});
	}

	private static List<String> lines(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		return List.of(text.replace("\ufeff", "").split("\r\n"));
	}

	private static List<String> expected(String resource) throws IOException {
		try (var in = RunCommandTests.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

	static Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8))
			.execute(args);
		return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	record Result(int exit, String out, String err) {
	}

}
