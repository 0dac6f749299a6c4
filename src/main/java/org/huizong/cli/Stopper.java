package org.huizong.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.huizong.job.RunLauncher;

/**
 * What SIGTERM does to a run: the job is asked to stop once the chunk of files in hand is
 * done (or rolled back), and the process waits for that before it exits, so nothing is
 * left half-written. The wait is bounded: a chunk that has not finished after the grace
 * period ({@code HUIZONG_STOP_GRACE}, 60 seconds unless set) is given up — its
 * transaction dies with the process, and its files are read again by the next run. The
 * exit status is the command's own (1 for a stopped run), not the JVM's 143.
 */
final class Stopper implements AutoCloseable {

	static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);

	private static volatile boolean signalled;

	private final PrintStream err;

	private final Duration grace;

	private final Thread hook;

	private volatile RunLauncher launcher;

	private volatile boolean stopping;

	private Stopper(PrintStream err, Duration grace) {
		this.err = err;
		this.grace = grace;
		this.hook = new Thread(this::onSignal, "huizong-stop");
	}

	static Stopper install(PrintStream err) {
		Stopper stopper = new Stopper(err, grace(System.getenv("HUIZONG_STOP_GRACE")));
		Runtime.getRuntime().addShutdownHook(stopper.hook);
		return stopper;
	}

	/** Whether a stop signal came: the process must then end by halting. */
	static boolean signalled() {
		return signalled;
	}

	static Duration grace(String setting) {
		if (setting == null || setting.isBlank()) {
			return DEFAULT_GRACE;
		}
		try {
			return Duration.parse("PT" + setting.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (DateTimeParseException ex) {
			return DEFAULT_GRACE;
		}
	}

	void watch(RunLauncher launcher) {
		this.launcher = launcher;
		if (this.stopping) {
			launcher.requestStop();
		}
	}

	void unwatch() {
		this.launcher = null;
	}

	/** Stops as a signal would, without one: what is running finishes its chunk. */
	void stop() {
		this.stopping = true;
		RunLauncher current = this.launcher;
		if (current != null) {
			current.requestStop();
		}
	}

	boolean stopping() {
		return this.stopping;
	}

	/** Sleeps up to {@code millis}, waking at once on a stop signal. */
	void sleep(long millis) throws InterruptedException {
		long until = System.currentTimeMillis() + millis;
		while (!this.stopping && System.currentTimeMillis() < until) {
			Thread.sleep(Math.min(200, Math.max(1, until - System.currentTimeMillis())));
		}
	}

	/**
	 * The JVM is shutting down: the main thread finishes the chunk, prints the summary
	 * and halts with its exit status; this hook only keeps the JVM from ending first, for
	 * at most the grace period.
	 */
	private void onSignal() {
		signalled = true;
		this.stopping = true;
		RunLauncher current = this.launcher;
		if (current != null) {
			this.err.println("收到停止信号：当前这批文件处理完后停止（最多等 " + this.grace.toSeconds() + " 秒）…");
			current.requestStop();
		}
		try {
			Thread.sleep(this.grace.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.err.println("停止超时：等了 " + this.grace.toSeconds() + " 秒，当前这批文件仍未完成（数据库可能没有响应），现在退出；这批文件不会只写入一半，下次运行会重新读取");
		this.err.flush();
		Runtime.getRuntime().halt(Cli.FAILED);
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: the main thread halts when it is done
		}
	}

}
