package org.huizong.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code status} answers without the application context where the schema is there, and
 * with it where it is not yet.
 */
class StatusCommandTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void aNewDatabaseGetsItsSchemaAndSaysItHasNoRuns(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			assertThat(quick(db.url(), null)).isEmpty();

			RunCommandTests.Result status = RunCommandTests.run("status", "--db", db.url());

			assertThat(status.exit()).isEqualTo(Cli.OK);
			assertThat(status.out()).isEqualTo("还没有运行记录" + System.lineSeparator());
			assertThat(quick(db.url(), null)).hasValue("还没有运行记录" + System.lineSeparator());
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void tellsTheRunsAndTheUnitsOfAPeriodWithoutTheContext(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = RunCommandTests.copySample(this.dir);
			RunCommandTests.run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url());

			Optional<String> told = quick(db.url(), "2017-06");

			assertThat(told).isPresent();
			assertThat(told.get()).startsWith("最近的运行：")
				.contains("完成   载入 7，未变 0，拒收 0", "期间 2017-06 已报送的单位（7 个）：", "  第一环卫所：2017-06/第一环卫所_2017-06.csv（收到于 ",
						"名册中尚未报送（12 个）：第四环卫所、第五环卫所、米市巷街道");
			RunCommandTests.Result status = RunCommandTests.run("status", "--period", "2017-06", "--db", db.url());
			assertThat(status.out()).isEqualTo(told.get());
		}
	}

	/**
	 * What the quick status prints, or empty when it leaves the answer to the full start.
	 */
	private static Optional<String> quick(String url, String period) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Optional<Boolean> healthy = QuickStatus.print(url, period, new PrintStream(out, true, StandardCharsets.UTF_8));
		return healthy.map((ok) -> out.toString(StandardCharsets.UTF_8));
	}

}
