package org.huizong.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jobs/install.sh} as an office runs it on the packaged jar, then a run started
 * the way the units in {@code jobs/} start it.
 */
class InstallIntegrationTests {

	private static final Path JAR = Path.of("target/huizong.jar");

	private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

	@TempDir
	Path dir;

	@Test
	void installedRunsLoadTheSampleWithTheirClassesFromTheArchive() throws Exception {
		Path home = this.dir.resolve("srv/huizong");
		Done install = exec(Map.of("JAVA", JAVA), "sh", "jobs/install.sh", JAR.toString(), home.toString());
		assertThat(install.exit()).as(install.err()).isZero();
		assertThat(Files.readString(home.resolve("app/jvm.options"))).startsWith("-XX:SharedArchiveFile="
				+ home.resolve("app/huizong.jsa") + "\n-Xshare:auto\n-Dspring.aot.enabled=true\n");

		// as jobs/huizong.cron starts it: in the installation folder, by relative paths
		Done run = execIn(home, Map.of(), JAVA, "@app/jvm.options", "-Xlog:class+load=info", "-jar", "app/huizong.jar",
				"run", "--period", "2017-06", "--inbox", Path.of("data/sample-inbox").toAbsolutePath().toString(),
				"--db", "jdbc:h2:file:" + this.dir.resolve("db/huizong"));

		assertThat(run.exit()).as(run.err()).isEqualTo(Cli.REJECTIONS);
		assertThat(run.out())
			.contains("summary: files=7 loaded=7 unchanged=0 rejected=0 facts=46 issues=2 errors=1 warnings=1")
			.containsPattern("org\\.huizong\\.load\\.SubmissionLoader source: shared objects file")
			// the application context as the build prepared it
			.containsPattern(
					"org\\.huizong\\.HuizongApplication__ApplicationContextInitializer source: shared objects file")
			.doesNotContain("Unable to use shared archive");
	}

	@Test
	void reinstallingWithTheSameTrainingDatabaseStillArchivesTheReaders() throws Exception {
		Path home = this.dir.resolve("srv/huizong");
		String train = "jdbc:h2:file:" + this.dir.resolve("train/huizong");
		for (int install = 0; install < 2; install++) {
			Done done = exec(Map.of("JAVA", JAVA), "sh", "jobs/install.sh", JAR.toString(), home.toString(),
					"--train-db", train);
			assertThat(done.exit()).as(done.err()).isZero();
		}

		Path inbox = this.dir.resolve("inbox");
		Done generate = execIn(home, Map.of(), JAVA, "-jar", "app/huizong.jar", "generate", "--units", "3", "--rows",
				"20", "--formats", "xlsx,xls,csv", "--out", inbox.toString());
		assertThat(generate.exit()).as(generate.err()).isZero();
		Done run = execIn(home, Map.of(), JAVA, "@app/jvm.options", "-Xlog:class+load=info", "-jar", "app/huizong.jar",
				"run", "--period", "2017-06", "--inbox", inbox.toString(), "--db",
				"jdbc:h2:file:" + this.dir.resolve("db/huizong"));

		assertThat(run.exit()).as(run.err()).isIn(Cli.OK, Cli.REJECTIONS);
		assertThat(run.out()).contains("summary: files=3 loaded=3 unchanged=0 rejected=0")
			// classes loaded only when a file is read, not when the file is known already
			.containsPattern("org\\.huizong\\.intake\\.CsvRowReader source: shared objects file")
			.containsPattern("org\\.huizong\\.intake\\.XlsRowReader\\$Listener source: shared objects file");
	}

	@Test
	void refusesAMissingJarAndAFolderWithBlanks() throws Exception {
		Path home = this.dir.resolve("srv");
		Done install = exec(Map.of("JAVA", JAVA), "sh", "jobs/install.sh", "missing.jar", home.toString());

		assertThat(install.exit()).isEqualTo(2);
		assertThat(install.err()).contains("找不到 missing.jar");
		assertThat(home).doesNotExist();
		Done blank = exec(Map.of("JAVA", JAVA), "sh", "jobs/install.sh", JAR.toString(),
				this.dir.resolve("srv huizong").toString());
		assertThat(blank.exit()).isEqualTo(2);
		assertThat(blank.err()).contains("安装目录不能含空格");
	}

	private Done exec(Map<String, String> env, String... command) throws IOException, InterruptedException {
		return execIn(Path.of("."), env, command);
	}

	private Done execIn(Path directory, Map<String, String> env, String... command)
			throws IOException, InterruptedException {
		Path out = Files.createTempFile(this.dir, "out", ".txt");
		Path err = Files.createTempFile(this.dir, "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.directory(directory.toFile());
		builder.environment().putAll(env);
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("still running after 5 minutes: " + String.join(" ", command));
		}
		String stdout = Files.readString(out, StandardCharsets.UTF_8);
		String stderr = Files.readString(err, StandardCharsets.UTF_8);
		Files.delete(out);
		Files.delete(err);
		return new Done(process.exitValue(), stdout, stderr);
	}

	private record Done(int exit, String out, String err) {
	}

}
