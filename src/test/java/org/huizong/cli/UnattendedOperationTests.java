package org.huizong.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;
import org.huizong.generate.InboxGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody watches at 2 a.m.: a run killed at any moment is recovered by the next one, two
 * runs of a period never interleave, and {@code serve} runs its schedule and stops
 * cleanly on SIGTERM. Runs here are real processes.
 */
class UnattendedOperationTests {

	private static final String PERIOD = "2017-06";

	private static final int FILES = 24;

	/** One file a transaction, so that a kill can fall after any file. */
	private static final Map<String, String> FILE_BY_FILE = Map.of("HUIZONG_FILES_PER_CHUNK", "1");

	@TempDir
	Path dir;

	static Stream<Arguments> killPoints() {
		return TestDatabase.kinds()
			.stream()
			.flatMap((kind) -> Stream.of(Arguments.of(kind, 1), Arguments.of(kind, FILES / 2),
					Arguments.of(kind, FILES - 1)));
	}

	@ParameterizedTest(name = "{0}, killed after {1} files")
	@MethodSource("killPoints")
	void aRunKilledAtAnyMomentIsRecoveredByTheNext(String kind, int filesDone) throws Exception {
		Path inbox = inbox();
		List<List<String>> uninterrupted = uninterrupted(kind, inbox);
		try (TestDatabase db = TestDatabase.create(kind, this.dir.resolve("killed"))) {
			Forked run = Forked.start(this.dir.resolve("logs"), "killed", FILE_BY_FILE, "run", "--period", PERIOD,
					"--inbox", inbox.toString(), "--db", db.url());
			run.waitForFiles(db, filesDone);
			run.kill();

			RunCommandTests.Result next = RunCommandTests.run("run", "--period", PERIOD, "--inbox", inbox.toString(),
					"--db", db.url());

			assertThat(next.exit()).as(next.err()).isIn(Cli.OK, Cli.REJECTIONS);
			assertThat(next.err()).contains("中途中断，已标记为失败");
			assertThat(TableSnapshot.of(db)).isEqualTo(uninterrupted);
			List<Map<String, Object>> executions = db
				.query((jdbc) -> jdbc.queryForList("SELECT status FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"));
			assertThat(executions).extracting((row) -> String.valueOf(row.get("STATUS")))
				.containsExactly("FAILED", "COMPLETED");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void restartFinishesAKilledRunFromWhereItStopped(String kind) throws Exception {
		Path inbox = inbox();
		List<List<String>> uninterrupted = uninterrupted(kind, inbox);
		try (TestDatabase db = TestDatabase.create(kind, this.dir.resolve("killed"))) {
			Forked run = Forked.start(this.dir.resolve("logs"), "killed", FILE_BY_FILE, "run", "--period", PERIOD,
					"--inbox", inbox.toString(), "--db", db.url());
			run.waitForFiles(db, FILES / 3);
			run.kill();

			RunCommandTests.Result restart = RunCommandTests.run("restart", "--period", PERIOD, "--db", db.url());

			assertThat(restart.exit()).as(restart.err()).isIn(Cli.OK, Cli.REJECTIONS);
			assertThat(restart.err()).contains("从中断处接着读");
			assertThat(TableSnapshot.of(db)).isEqualTo(uninterrupted);
			assertThat(RunCommandTests.run("status", "--period", PERIOD, "--db", db.url()).exit()).isEqualTo(Cli.OK);
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void sigtermStopsARunBetweenFilesAndRestartFinishesIt(String kind) throws Exception {
		Path inbox = inbox();
		List<List<String>> uninterrupted = uninterrupted(kind, inbox);
		try (TestDatabase db = TestDatabase.create(kind, this.dir.resolve("stopped"))) {
			Forked run = Forked.start(this.dir.resolve("logs"), "stopped", FILE_BY_FILE, "run", "--period", PERIOD,
					"--inbox", inbox.toString(), "--db", db.url());
			run.waitForFiles(db, 3);
			run.terminate();

			assertThat(run.waitFor(120)).as(run.err()).isEqualTo(Cli.FAILED);
			assertThat(run.err()).contains("收到停止信号：当前这批文件处理完后停止", "已按停止信号在文件之间停下").doesNotContain("Exception");
			assertThat(run.out()).contains("summary: files=");
			List<Map<String, Object>> runs = db.query((jdbc) -> jdbc.queryForList("SELECT status FROM run"));
			assertThat(runs).extracting((row) -> row.get("STATUS")).containsExactly("stopped");
			List<Map<String, Object>> halfWritten = db.query((jdbc) -> jdbc.queryForList(
					"SELECT s.id FROM submission s " + "WHERE s.status NOT IN ('loaded', 'rejected', 'replaced') "
							+ "OR s.facts <> (SELECT COUNT(*) FROM fact f WHERE f.submission_id = s.id)"));
			assertThat(halfWritten).isEmpty();
			assertThat(RunCommandTests.run("status", "--period", PERIOD, "--db", db.url()).exit())
				.isEqualTo(Cli.FAILED);

			RunCommandTests.Result restart = RunCommandTests.run("restart", "--period", PERIOD, "--db", db.url());
			assertThat(restart.exit()).as(restart.err()).isIn(Cli.OK, Cli.REJECTIONS);
			assertThat(TableSnapshot.of(db)).isEqualTo(uninterrupted);
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void twoRunsOfOnePeriodNeverInterleave(String kind) throws Exception {
		Path inbox = this.dir.resolve("big-inbox");
		new InboxGenerator(5).write(inbox, PERIOD, 40, 8000, List.of(InboxGenerator.Format.CSV));
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			// The schema first (any command makes it); then both runs start at once, so
			// that
			// one of them is still loading when the other reaches the period's lock,
			// however
			// fast a run is.
			RunCommandTests.run("status", "--db", db.url());
			Forked first = Forked.start(this.dir.resolve("logs"), "first", FILE_BY_FILE, "run", "--period", PERIOD,
					"--inbox", inbox.toString(), "--db", db.url());
			Forked second = Forked.start(this.dir.resolve("logs"), "second", FILE_BY_FILE, "run", "--period", PERIOD,
					"--inbox", inbox.toString(), "--db", db.url());
			assertThat(first.waitFor(180)).as(first.err()).isIn(Cli.OK, Cli.REJECTIONS);
			assertThat(second.waitFor(180)).as(second.err()).isIn(Cli.OK, Cli.REJECTIONS);

			List<Map<String, Object>> runs = db.query((jdbc) -> jdbc
				.queryForList("SELECT id, started_at, finished_at, status FROM run ORDER BY started_at"));
			assertThat(runs).hasSize(2).allMatch((run) -> "completed".equals(run.get("STATUS")));
			assertThat((java.sql.Timestamp) runs.get(1).get("STARTED_AT"))
				.isAfterOrEqualTo((java.sql.Timestamp) runs.get(0).get("FINISHED_AT"));
			assertThat(first.err() + second.err()).contains("正有另一次汇总在运行，等待它结束");
			assertThat(first.out() + second.out()).contains("文件 40 个：载入 0，未变 40，拒收 0");
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void aRunThatWillNotWaitIsRefusedWithItsOwnStatus(String kind) throws Exception {
		Path inbox = inbox();
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			RunCommandTests.run("run", "--period", PERIOD, "--inbox", inbox.toString(), "--db", db.url());
			org.springframework.jdbc.datasource.DriverManagerDataSource other = new org.springframework.jdbc.datasource.DriverManagerDataSource(
					db.url());
			try (org.huizong.load.PeriodLock held = org.huizong.load.PeriodLock.acquire(other, PERIOD,
					java.time.Duration.ZERO, (note) -> {
					})) {
				assertThat(held).isNotNull();
				RunCommandTests.Result refused = RunCommandTests.run("run", "--period", PERIOD, "--inbox",
						inbox.toString(), "--db", db.url(), "--wait", "0");
				assertThat(refused.exit()).isEqualTo(Cli.BUSY);
				assertThat(refused.err()).contains("期间 2017-06 另有一次汇总仍在运行，本次未执行");
				assertThat(RunCommandTests
					.run("run", "--period", "2017-07", "--inbox", inbox.toString(), "--db", db.url(), "--wait", "0")
					.exit()).isNotEqualTo(Cli.BUSY);
			}
			assertThat(RunCommandTests
				.run("run", "--period", PERIOD, "--inbox", inbox.toString(), "--db", db.url(), "--wait", "0")
				.exit()).isIn(Cli.OK, Cli.REJECTIONS);
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void serveRunsOnScheduleAndStopsCleanlyOnSigterm(String kind) throws Exception {
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		String period = YearMonth.now(zone).toString();
		Path root = this.dir.resolve("inbox");
		new InboxGenerator(7).write(root.resolve(period), period, 3, 20, List.of(InboxGenerator.Format.CSV));
		Path jobs = Files.createDirectories(this.dir.resolve("jobs"));
		Path reports = this.dir.resolve("reports");
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Files.writeString(jobs.resolve("nightly.yml"),
					String.join("\n", "schedule: \"*/2 * * * * *\"", "zone: Asia/Shanghai",
							"inbox: " + root + "/{period}", "due-day: 0", "db: \"" + db.url() + "\"",
							"reports: " + reports, ""));
			Forked serve = Forked.start(this.dir.resolve("logs"), "serve", "serve", "--jobs", jobs.toString());
			long deadline = System.currentTimeMillis() + 60_000;
			while (completedRuns(db) < 2 && System.currentTimeMillis() < deadline && serve.alive()) {
				Thread.sleep(200);
			}
			assertThat(completedRuns(db)).as(serve.err()).isGreaterThanOrEqualTo(2);

			serve.terminate();
			assertThat(serve.waitFor(60)).as(serve.err()).isEqualTo(Cli.OK);

			assertThat(serve.err()).contains("已停止");
			List<Map<String, Object>> unfinished = db
				.query((jdbc) -> jdbc.queryForList("SELECT id FROM run WHERE status NOT IN ('completed', 'stopped')"));
			assertThat(unfinished).isEmpty();
			try (Stream<Path> written = Files.list(reports)) {
				assertThat(written.filter((p) -> p.getFileName().toString().startsWith("nightly-" + period)))
					.isNotEmpty();
			}
		}
	}

	/**
	 * A job file that cannot be used, and a job whose inbox is not there, cost those jobs
	 * only: the others run on schedule.
	 */
	@org.junit.jupiter.api.Test
	void serveRunsTheGoodJobsPastABadFileAndAMissingInbox() throws Exception {
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		String period = YearMonth.now(zone).toString();
		Path root = this.dir.resolve("inbox");
		new InboxGenerator(7).write(root.resolve(period), period, 2, 10, List.of(InboxGenerator.Format.CSV));
		Path jobs = Files.createDirectories(this.dir.resolve("jobs"));
		try (TestDatabase db = TestDatabase.create("h2", this.dir)) {
			String common = String.join("\n", "schedule: \"*/2 * * * * *\"", "zone: Asia/Shanghai", "due-day: 0",
					"db: \"" + db.url() + "\"", "");
			Files.writeString(jobs.resolve("a-good.yml"), common + "inbox: " + root + "/{period}\n");
			Files.writeString(jobs.resolve("b-flat.yml"), common + "inbox: " + root + "\n");
			Files.writeString(jobs.resolve("c-missing.yml"),
					common + "inbox: " + this.dir.resolve("nowhere") + "/{period}\n");
			Files.writeString(jobs.resolve("d-list.yml"), "- schedule: x\n");
			Forked serve = Forked.start(this.dir.resolve("logs"), "serve", "serve", "--jobs", jobs.toString());
			String missing = "作业 c-missing：期间 " + period + " 的收件箱 " + this.dir.resolve("nowhere/" + period) + " 不存在，跳过";
			long deadline = System.currentTimeMillis() + 60_000;
			while ((completedRuns(db) < 1 || !serve.err().contains(missing)) && System.currentTimeMillis() < deadline
					&& serve.alive()) {
				Thread.sleep(200);
			}
			serve.terminate();

			assertThat(serve.waitFor(60)).as(serve.err()).isEqualTo(Cli.OK);
			assertThat(completedRuns(db)).as(serve.err()).isGreaterThanOrEqualTo(1);
			assertThat(serve.err()).contains("作业定义无法使用，已跳过：b-flat.yml 中的设置有误：inbox 必须含有 {period}",
					"作业定义无法使用，已跳过：d-list.yml 应为“设置名: 值”的一组设置", missing, "作业 a-good：" + period + " 结束，退出状态 ");
		}
	}

	/** The tables one run that nobody interrupts leaves. */
	private List<List<String>> uninterrupted(String kind, Path inbox) throws Exception {
		try (TestDatabase reference = TestDatabase.create(kind, this.dir.resolve("reference"))) {
			RunCommandTests.run("run", "--period", PERIOD, "--inbox", inbox.toString(), "--db", reference.url());
			return TableSnapshot.of(reference);
		}
	}

	private Path inbox() throws Exception {
		Path inbox = this.dir.resolve("inbox");
		if (!Files.isDirectory(inbox)) {
			new InboxGenerator(3).write(inbox, PERIOD, FILES, 1500,
					List.of(InboxGenerator.Format.XLSX, InboxGenerator.Format.CSV, InboxGenerator.Format.XLS));
		}
		return inbox;
	}

	private static int completedRuns(TestDatabase db) {
		try {
			Integer count = db.query((jdbc) -> jdbc
				.queryForObject("SELECT COUNT(*) FROM run WHERE status = 'completed'", Integer.class));
			return (count != null) ? count : 0;
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

}
