package org.huizong.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;
import org.huizong.generate.InboxGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database shared with other processes, or one that stops answering: every run either
 * completes or ends by itself with a clear reason, and the next run completes. Runs here
 * are real processes.
 */
class SharedDatabaseTests {

	private static final String PERIOD = "2017-06";

	private static final Map<String, String> FILE_BY_FILE = Map.of("HUIZONG_FILES_PER_CHUNK", "1");

	@TempDir
	Path dir;

	/**
	 * No test process holds the embedded database here: the first run serves it to the
	 * second, and ends while the second is still loading.
	 */
	@Test
	void twoProcessesOnTheEmbeddedDatabaseBothFinish() throws Exception {
		Path first = this.dir.resolve("first");
		Path second = this.dir.resolve("second");
		new InboxGenerator(11).write(first, PERIOD, 300, 200, List.of(InboxGenerator.Format.CSV));
		new InboxGenerator(12).write(second, "2017-07", 600, 200, List.of(InboxGenerator.Format.CSV));
		String url = "jdbc:h2:file:" + this.dir.resolve("var/huizong").toAbsolutePath();

		Forked a = Forked.start(this.dir.resolve("logs"), "a", FILE_BY_FILE, "run", "--period", PERIOD, "--inbox",
				first.toString(), "--db", url);
		waitForFile(a, this.dir.resolve("var/huizong.lock.db"));
		Forked b = Forked.start(this.dir.resolve("logs"), "b", "run", "--period", "2017-07", "--inbox",
				second.toString(), "--db", url);
		Forked c = Forked.start(this.dir.resolve("logs"), "c", "run", "--period", PERIOD, "--inbox", first.toString(),
				"--db", url);

		assertThat(a.waitFor(300)).as(a.err()).isIn(Cli.OK, Cli.REJECTIONS);
		assertThat(b.waitFor(300)).as(b.err()).isIn(Cli.OK, Cli.REJECTIONS);
		assertThat(c.waitFor(300)).as(c.err()).isIn(Cli.OK, Cli.REJECTIONS);
		assertThat(c.err()).contains("正有另一次汇总在运行，等待它结束");
		assertThat(c.out()).contains("文件 300 个：载入 0，未变 300，拒收 0");
		assertThat(a.out()).contains("文件 300 个：载入 300，未变 0，拒收 0");
		assertThat(b.out()).contains("文件 600 个：载入 600，未变 0，拒收 0");
		assertThat(a.err()).contains("另一个进程正在使用本机内嵌数据库，等它用完再退出");
		assertThat(b.err()).doesNotContain("Exception", "session closed");
	}

	/**
	 * The run serves the embedded database itself: H2's own shutdown hook would close it
	 * under the chunk that SIGTERM lets finish.
	 */
	@Test
	void sigtermOnARunThatServesTheEmbeddedDatabaseFinishesItsChunk() throws Exception {
		Path inbox = this.dir.resolve("inbox");
		new InboxGenerator(3).write(inbox, PERIOD, 40, 3000, List.of(InboxGenerator.Format.XLSX));
		String url = "jdbc:h2:file:" + this.dir.resolve("var/huizong").toAbsolutePath();
		Forked run = Forked.start(this.dir.resolve("logs"), "served", FILE_BY_FILE, "run", "--period", PERIOD,
				"--inbox", inbox.toString(), "--db", url);
		waitForFile(run, this.dir.resolve("var/huizong.lock.db"));
		while (run.alive() && filesRead(url) < 2) {
			Thread.sleep(20);
		}
		run.terminate();

		assertThat(run.waitFor(120)).as(run.err()).isEqualTo(Cli.FAILED);
		assertThat(run.err()).contains("已按停止信号在文件之间停下").doesNotContain("Exception", "\tat ");
		assertThat(run.out()).contains("summary: files=");
		RunCommandTests.Result restart = RunCommandTests.run("restart", "--period", PERIOD, "--db", url);
		assertThat(restart.exit()).as(restart.err()).isIn(Cli.OK, Cli.REJECTIONS);
		Integer files = count(url, "SELECT COUNT(DISTINCT name) FROM run_file");
		assertThat(files).isEqualTo(40);
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void restartReadsEveryFileItHadNotReachedWhateverTheInboxLost(String kind) throws Exception {
		Path inbox = this.dir.resolve("inbox");
		new InboxGenerator(3).write(inbox, PERIOD, 24, 300, List.of(InboxGenerator.Format.CSV));
		List<List<String>> uninterrupted;
		try (TestDatabase reference = TestDatabase.create(kind, this.dir.resolve("reference"))) {
			RunCommandTests.run("run", "--period", PERIOD, "--inbox", inbox.toString(), "--db", reference.url());
			uninterrupted = TableSnapshot.of(reference);
		}
		try (TestDatabase db = TestDatabase.create(kind, this.dir.resolve("stopped"))) {
			Forked run = Forked.start(this.dir.resolve("logs"), "stopped", FILE_BY_FILE, "run", "--period", PERIOD,
					"--inbox", inbox.toString(), "--db", db.url());
			run.waitForFiles(db, 8);
			run.terminate();
			assertThat(run.waitFor(120)).as(run.err()).isEqualTo(Cli.FAILED);
			List<String> read = db.query((jdbc) -> jdbc.queryForList("SELECT name FROM run_file", String.class));
			for (String name : read.subList(0, 5)) {
				Files.delete(inbox.resolve(name));
			}

			RunCommandTests.Result restart = RunCommandTests.run("restart", "--period", PERIOD, "--db", db.url());

			assertThat(restart.exit()).as(restart.err()).isIn(Cli.OK, Cli.REJECTIONS);
			Set<String> everyRead = new HashSet<>(
					db.query((jdbc) -> jdbc.queryForList("SELECT name FROM run_file", String.class)));
			try (Stream<Path> files = Files.list(inbox)) {
				assertThat(everyRead).containsAll(files.map((file) -> inbox.relativize(file).toString()).toList());
			}
			assertThat(TableSnapshot.of(db)).isEqualTo(uninterrupted);
		}
	}

	@ParameterizedTest(allowZeroInvocations = true)
	@MethodSource("postgres")
	void aDatabaseThatStopsAnsweringEndsTheRunAndFreesThePeriod(String kind) throws Exception {
		Path inbox = stalledInbox();
		try (TestDatabase db = TestDatabase.create(kind, this.dir); FreezingProxy proxy = proxy(db)) {
			Forked run = stalledRun(db, proxy, inbox, Map.of("HUIZONG_DB_TIMEOUT", "4s"));

			assertThat(run.waitFor(90)).as(run.err()).isEqualTo(Cli.FAILED);
			assertThat(run.err()).contains("运行失败：与数据库的连接中断，或数据库没有响应");

			nextRunCompletes(db, inbox, "60s");
		}
	}

	@ParameterizedTest(allowZeroInvocations = true)
	@MethodSource("postgres")
	void sigtermEndsARunStuckOnASilentDatabaseWithinItsGrace(String kind) throws Exception {
		Path inbox = stalledInbox();
		try (TestDatabase db = TestDatabase.create(kind, this.dir); FreezingProxy proxy = proxy(db)) {
			Forked run = stalledRun(db, proxy, inbox, Map.of("HUIZONG_DB_TIMEOUT", "15s", "HUIZONG_STOP_GRACE", "3s"));
			Thread.sleep(500);
			long stopped = System.nanoTime();
			run.terminate();

			assertThat(run.waitFor(30)).as(run.err()).isEqualTo(Cli.FAILED);
			assertThat((System.nanoTime() - stopped) / 1_000_000_000L).isLessThan(12);
			assertThat(run.err()).contains("停止超时：等了 3 秒，当前这批文件仍未完成");

			nextRunCompletes(db, inbox, "90s");
		}
	}

	private Path stalledInbox() throws Exception {
		Path inbox = this.dir.resolve("inbox");
		new InboxGenerator(3).write(inbox, PERIOD, 40, 300, List.of(InboxGenerator.Format.CSV));
		return inbox;
	}

	/**
	 * A run through the proxy, a file a chunk, that the proxy freezes after three files.
	 */
	private Forked stalledRun(TestDatabase db, FreezingProxy proxy, Path inbox, Map<String, String> settings)
			throws Exception {
		RunCommandTests.run("status", "--db", db.url());
		Map<String, String> environment = new java.util.HashMap<>(settings);
		environment.put("HUIZONG_FILES_PER_CHUNK", "1");
		Forked run = Forked.start(this.dir.resolve("logs"), "stalled", environment, "run", "--period", PERIOD,
				"--inbox", inbox.toString(), "--db", proxy.through(db.url()));
		run.waitForFiles(db, 3);
		proxy.freeze();
		return run;
	}

	/**
	 * The next run, straight to the database, completes: the stalled run's locks are
	 * gone.
	 */
	private static void nextRunCompletes(TestDatabase db, Path inbox, String wait) {
		RunCommandTests.Result next = RunCommandTests.run("run", "--period", PERIOD, "--inbox", inbox.toString(),
				"--db", db.url(), "--wait", wait);
		assertThat(next.exit()).as(next.err()).isIn(Cli.OK, Cli.REJECTIONS);
		assertThat(next.out()).contains("文件 40 个");
	}

	static Stream<String> postgres() {
		return TestDatabase.kinds().stream().filter("postgresql"::equals);
	}

	private static FreezingProxy proxy(TestDatabase db) throws Exception {
		URI uri = URI.create(db.url().substring("jdbc:".length()));
		return new FreezingProxy(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 5432);
	}

	/** Waits until the run has opened the embedded database: it then serves it. */
	private static void waitForFile(Forked run, Path file) throws Exception {
		long deadline = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < deadline && run.alive() && !Files.exists(file)) {
			Thread.sleep(20);
		}
		Thread.sleep(500);
	}

	/**
	 * Files the run has recorded: this process connects as a client of the run's server.
	 */
	private static int filesRead(String url) {
		try {
			return count(url, "SELECT COUNT(*) FROM run_file");
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	private static Integer count(String url, String sql) {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url + ";AUTO_SERVER=TRUE", true);
		try {
			return new JdbcTemplate(dataSource).queryForObject(sql, Integer.class);
		}
		finally {
			dataSource.destroy();
		}
	}

}
