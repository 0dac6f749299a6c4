package org.huizong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.huizong.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run that changes a few units' files rebuilds only those units' rows (of the month,
 * its quarter, half-year and year); the tables must equal those of one run over the same
 * files.
 */
class IncrementalConsolidationTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void aFewChangedUnitsGiveTheTablesOfARunOverAllFiles(String kind) throws Exception {
		Path may = generate("2017-05", 1);
		Path june = generate("2017-06", 2);
		Path other = generate("2017-06", 3);
		try (TestDatabase db = TestDatabase.create(kind, this.dir.resolve("db"))) {
			run(db, may);
			run(db, june);
			copy(other, june, "第一环卫所_2017-06.xlsx");
			run(db, june);
			Files.writeString(june.resolve("第二环卫所_2017-06.csv"),
					"\ufeff专项名称,工作内容,问题来源,数量,单位\r\n" + "城市家具专项整治,修理果壳箱,,约35,只\r\n城市家具专项整治,清洗果皮箱,,4,只\r\n");
			run(db, june);
			copy(other, june, "第三环卫所_2017-06.xlsx");
			Files.writeString(june.resolve("第四环卫所_2017-06.xlsx"), "不是工作簿");
			run(db, june);
			Long left = db.query((jdbc) -> jdbc.queryForObject("SELECT COUNT(*) FROM period_unit_changed", Long.class));
			assertThat(left).isZero();
			List<List<String>> stepwise = TableSnapshot.of(db).subList(3, 6);
			assertThat(stepwise.get(0)).anyMatch((row) -> row.contains("name=清洗果皮箱"));
			assertThat(stepwise.get(1)).anyMatch((row) -> row.contains("period=2017-Q2"))
				.anyMatch((row) -> row.contains("unit=第二环卫所") && row.contains("total_value=35"));
			Integer cleared = db.query((jdbc) -> jdbc.update("DELETE FROM period_state"));
			assertThat(cleared).isPositive();
			run(db, june);
			assertThat(stepwise).as("the tables as a full rebuild makes them")
				.isEqualTo(TableSnapshot.of(db).subList(3, 6));
		}
	}

	private Path generate(String period, int seed) {
		Path out = this.dir.resolve("inbox-" + period + "-" + seed);
		RunCommandTests.Result generated = RunCommandTests.run("generate", "--period", period, "--units", "10",
				"--rows", "30", "--formats", "xlsx", "--seed", Integer.toString(seed), "--out", out.toString());
		assertThat(generated.exit()).as(generated.err()).isZero();
		return out;
	}

	private static void copy(Path from, Path to, String name) throws Exception {
		Files.copy(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	private static void run(TestDatabase db, Path inbox) {
		String period = inbox.getFileName().toString().substring("inbox-".length(), "inbox-".length() + 7);
		RunCommandTests.Result run = RunCommandTests.run("run", "--period", period, "--inbox", inbox.toString(), "--db",
				db.url());
		assertThat(run.exit()).as(run.err()).isIn(0, 3);
	}

}
