package org.huizong.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.huizong.HuizongApplication;

/** huizong in a process of its own, as cron, systemd or a clerk starts it. */
final class Forked {

	private final Process process;

	private final Path out;

	private final Path err;

	private Forked(Process process, Path out, Path err) {
		this.process = process;
		this.out = out;
		this.err = err;
	}

	static Forked start(Path logs, String name, String... args) throws IOException {
		return start(logs, name, java.util.Map.of(), args);
	}

	/** With extra environment, e.g. {@code HUIZONG_FILES_PER_CHUNK}. */
	static Forked start(Path logs, String name, java.util.Map<String, String> environment, String... args)
			throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
						System.getProperty("java.class.path"), HuizongApplication.class.getName()));
		command.addAll(List.of(args));
		Files.createDirectories(logs);
		Path out = logs.resolve(name + ".out");
		Path err = logs.resolve(name + ".err");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		return new Forked(process, out, err);
	}

	int waitFor(long seconds) throws InterruptedException {
		if (!this.process.waitFor(seconds, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("process did not end within " + seconds + " s");
		}
		return this.process.exitValue();
	}

	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, as systemd stops a service. */
	void terminate() {
		this.process.destroy();
	}

	boolean alive() {
		return this.process.isAlive();
	}

	String out() throws IOException {
		return Files.readString(this.out);
	}

	String err() throws IOException {
		return Files.readString(this.err);
	}

	/** Waits until the run has recorded {@code files} files in its database. */
	void waitForFiles(org.huizong.TestDatabase db, int files) throws Exception {
		long deadline = System.currentTimeMillis() + 120_000;
		while (System.currentTimeMillis() < deadline) {
			if (!alive()) {
				throw new AssertionError("the run ended too soon: " + err());
			}
			try {
				Integer done = db.query((jdbc) -> jdbc.queryForObject("SELECT COUNT(*) FROM run_file", Integer.class));
				if (done != null && done >= files) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// the schema is not there yet
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no progress: " + err());
	}

}
