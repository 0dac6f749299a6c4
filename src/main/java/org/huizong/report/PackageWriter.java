package org.huizong.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip package written on a thread of its own: whoever writes hands over full buffers
 * and goes on making the next while this thread compresses the last. Memory stays at a
 * few buffers whatever the package's size; the parts are written in the order given.
 */
final class PackageWriter implements AutoCloseable {

	static final int BUFFER = 1 << 18;

	private static final int IN_FLIGHT = 8;

	private enum Kind {

		ENTRY, BYTES, CLOSE_ENTRY, END

	}

	private record Task(Kind kind, String name, byte[] bytes, int length) {
	}

	private final ZipOutputStream zip;

	private final BlockingQueue<Task> tasks = new ArrayBlockingQueue<>(IN_FLIGHT);

	private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT + 2);

	private final Thread thread;

	private volatile IOException failure;

	private boolean ended;

	PackageWriter(OutputStream out) {
		this.zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
		this.zip.setLevel(Deflater.BEST_SPEED);
		this.thread = new Thread(this::compress, "汇总表写出");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Starts the part {@code name}. */
	void entry(String name) throws IOException {
		put(new Task(Kind.ENTRY, name, null, 0));
	}

	/** A buffer to fill and hand back through {@link #write}. */
	byte[] buffer() {
		byte[] buffer = this.free.poll();
		return (buffer != null) ? buffer : new byte[BUFFER];
	}

	/**
	 * Hands {@code length} bytes of {@code buffer} over; the buffer is not to be used
	 * again.
	 */
	void write(byte[] buffer, int length) throws IOException {
		if (length > 0) {
			put(new Task(Kind.BYTES, null, buffer, length));
		}
	}

	/** A whole part at once. */
	void part(String name, byte[] content) throws IOException {
		entry(name);
		put(new Task(Kind.BYTES, null, content, content.length));
		closeEntry();
	}

	void closeEntry() throws IOException {
		put(new Task(Kind.CLOSE_ENTRY, null, null, 0));
	}

	/** Waits until everything handed over is written, and ends the package. */
	void finish() throws IOException {
		end();
		if (this.failure != null) {
			throw this.failure;
		}
		this.zip.finish();
		this.zip.flush();
	}

	/** Stops the thread, whatever was handed over; for a package that is abandoned. */
	@Override
	public void close() {
		if (!this.ended) {
			this.tasks.clear();
			try {
				end();
			}
			catch (IOException ex) {
				// abandoned: the caller reports what went wrong first
			}
		}
	}

	private void end() throws IOException {
		this.ended = true;
		put(new Task(Kind.END, null, null, 0));
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("写出汇总表时被中断");
		}
	}

	private void put(Task task) throws IOException {
		if (this.failure != null && task.kind() != Kind.END) {
			throw this.failure;
		}
		try {
			this.tasks.put(task);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("写出汇总表时被中断");
		}
	}

	private void compress() {
		while (true) {
			Task task;
			try {
				task = this.tasks.take();
			}
			catch (InterruptedException ex) {
				this.failure = new InterruptedIOException("写出汇总表时被中断");
				return;
			}
			if (task.kind() == Kind.END) {
				return;
			}
			if (this.failure != null) {
				continue;
			}
			try {
				switch (task.kind()) {
					case ENTRY -> this.zip.putNextEntry(new ZipEntry(task.name()));
					case BYTES -> {
						this.zip.write(task.bytes(), 0, task.length());
						if (task.bytes().length == BUFFER) {
							this.free.offer(task.bytes());
						}
					}
					case CLOSE_ENTRY -> this.zip.closeEntry();
					default -> throw new IllegalStateException(task.kind().name());
				}
			}
			catch (IOException ex) {
				this.failure = ex;
			}
		}
	}

}
