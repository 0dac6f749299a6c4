package org.huizong.job;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import org.huizong.load.FileOutcome;

/**
 * Tells a person how a long run goes: files done of the total and the rate, on one
 * refreshed line at a terminal, or a plain line every few seconds when the output goes to
 * a log.
 */
public final class RunProgress {

	private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final PrintStream out;

	private final boolean terminal;

	private int total;

	private int done;

	private long started;

	private long lastPrinted;

	public RunProgress(PrintStream out, boolean terminal) {
		this.out = out;
		this.terminal = terminal;
	}

	void begin(int total) {
		this.total = total;
		this.done = 0;
		this.started = System.nanoTime();
		this.lastPrinted = this.started;
	}

	void fileDone(FileOutcome outcome) {
		this.done++;
		long now = System.nanoTime();
		boolean last = this.done == this.total;
		if (this.terminal || last || now - this.lastPrinted >= LOG_EVERY_NANOS) {
			double seconds = Math.max((now - this.started) / 1e9, 1e-3);
			String line = String.format("进度：%d/%d 个文件，%.1f 个/秒，当前 %s", this.done, this.total, this.done / seconds,
					org.huizong.report.Printable.of(outcome.name()));
			if (this.terminal) {
				this.out.print("\r\033[K" + line + (last ? "\n" : ""));
			}
			else {
				this.out.println(line);
			}
			this.out.flush();
			this.lastPrinted = now;
		}
	}

}
