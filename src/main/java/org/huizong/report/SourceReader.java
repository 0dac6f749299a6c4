package org.huizong.report;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The rows of {@code 数据来源} read from the database on a thread of their own, from the
 * moment the report starts: while the workbook's other sheets are built, the first rows
 * are already waiting, and then reading and writing take a core each. A few thousand rows
 * wait at most; the reader waits when they do.
 */
final class SourceReader implements ReportWorkbook.SourceRows, AutoCloseable {

	private static final int BATCH = 2000;

	private static final int BATCHES = 8;

	private static final List<String[]> END = List.of();

	/**
	 * Reads the rows, giving each (11 texts, in {@link SourceSheet#HEADERS}' order) to
	 * the consumer.
	 */
	@FunctionalInterface
	interface Reading {

		void read(Consumer<String[]> rows);

	}

	private final BlockingQueue<List<String[]>> queue = new ArrayBlockingQueue<>(BATCHES);

	private final Thread thread;

	private volatile RuntimeException failure;

	private volatile boolean closed;

	private List<String[]> batch = new ArrayList<>(BATCH);

	SourceReader(Reading reading) {
		this.thread = new Thread(() -> {
			try {
				reading.read(this::accept);
				if (!this.batch.isEmpty()) {
					put(this.batch);
				}
			}
			catch (RuntimeException ex) {
				this.failure = ex;
			}
			finally {
				putEnd();
			}
		}, "数据来源读取");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void accept(String[] row) {
		if (this.closed) {
			throw new CancellationException("汇总表已不再写出");
		}
		this.batch.add(row);
		if (this.batch.size() == BATCH) {
			put(this.batch);
			this.batch = new ArrayList<>(BATCH);
		}
	}

	private void put(List<String[]> rows) {
		try {
			this.queue.put(rows);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("读取数据来源时被中断");
		}
	}

	private void putEnd() {
		while (true) {
			try {
				this.queue.put(END);
				return;
			}
			catch (InterruptedException ex) {
				this.closed = true;
			}
		}
	}

	@Override
	public void write(SourceSheet sheet) {
		while (true) {
			List<String[]> rows;
			try {
				rows = this.queue.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new UncheckedIOException(new InterruptedIOException("写出数据来源时被中断"));
			}
			if (rows == END) {
				this.closed = true;
				if (this.failure != null) {
					throw this.failure;
				}
				return;
			}
			for (String[] row : rows) {
				sheet.add(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10]);
			}
		}
	}

	/** Stops the reader if the rows were not all taken, and waits for it. */
	@Override
	public void close() {
		if (this.closed && !this.thread.isAlive()) {
			return;
		}
		this.closed = true;
		while (this.thread.isAlive()) {
			this.queue.clear();
			try {
				this.thread.join(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
