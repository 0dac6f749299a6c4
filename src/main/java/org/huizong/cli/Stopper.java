package org.huizong.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.huizong.job.RunLauncher;

/**
 * What SIGTERM does to a run: the job is asked to stop once the chunk of files in hand is
 * done (or rolled back), and the process waits for that before it exits, so nothing is
 * left half-written.
 */
final class Stopper implements AutoCloseable {

	private static final long GRACE_MINUTES = 10;

	private final PrintStream err;

	private final CountDownLatch done = new CountDownLatch(1);

	private final Thread hook;

	private volatile RunLauncher launcher;

	private volatile boolean stopping;

	private Stopper(PrintStream err) {
		this.err = err;
		this.hook = new Thread(this::onSignal, "huizong-stop");
	}

	static Stopper install(PrintStream err) {
		Stopper stopper = new Stopper(err);
		Runtime.getRuntime().addShutdownHook(stopper.hook);
		return stopper;
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

	private void onSignal() {
		this.stopping = true;
		RunLauncher current = this.launcher;
		if (current != null) {
			this.err.println("收到停止信号：当前文件处理完后停止（正在处理的这一批文件会一起完成）…");
			current.requestStop();
		}
		try {
			this.done.await(GRACE_MINUTES, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.done.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: the hook is running and waits for done
		}
	}

}
