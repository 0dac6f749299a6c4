package org.huizong.intake;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a file on a thread of its own and hands its rows over through a small bounded
 * queue, so that a file that hangs the parser or takes too long costs that file only:
 * past the time limit the file is rejected and the reading thread is told to stop (and
 * abandoned if it cannot). Any failure of the reader, {@code StackOverflowError} and
 * {@code OutOfMemoryError} included, is raised on the caller's thread. Reading also
 * overlaps with the caller's work on the rows.
 */
public final class ReadAhead {

	private static final int CAPACITY = 1024;

	private static final long STACK_SIZE = 16L * 1024 * 1024;

	private sealed interface Event permits Start, RowEvent, End, Done, Failed {

	}

	private record Start(String sheet) implements Event {
	}

	private record RowEvent(Row row) implements Event {
	}

	private record End() implements Event {
	}

	private record Done() implements Event {
	}

	private record Failed(Throwable cause) implements Event {
	}

	private ReadAhead() {
	}

	/** Opens a submission; runs on the reading thread. */
	public interface Opener {

		SubmissionReader open() throws IOException;

	}

	/**
	 * Streams {@code reader}'s rows into {@code sink} on the calling thread, within
	 * {@code limit}.
	 */
	public static void read(SubmissionReader reader, RowSink sink, Duration limit) throws IOException {
		start(() -> reader).drainTo(sink, limit);
	}

	/**
	 * Starts opening and reading a file now, so that its first rows are ready when the
	 * caller gets to it; its time limit counts from here.
	 */
	public static Pending start(Opener opener) {
		Pending pending = new Pending(opener);
		pending.thread.start();
		return pending;
	}

	/** A file being read ahead. */
	public static final class Pending {

		private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CAPACITY);

		private final Producer producer;

		private final Thread thread;

		private final long started = System.nanoTime();

		private volatile SubmissionReader reader;

		Pending(Opener opener) {
			this.producer = new Producer(opener, this);
			this.thread = new Thread(null, this.producer, "huizong-read", STACK_SIZE);
			this.thread.setDaemon(true);
		}

		/** The reader, once the file is open: its format and encoding. */
		public SubmissionReader reader() {
			return this.reader;
		}

		/**
		 * Hands the rows over to {@code sink} on the calling thread until the file ends
		 * or fails.
		 */
		public void drainTo(RowSink sink, Duration limit) throws IOException {
			long deadline = this.started + limit.toNanos();
			try {
				while (true) {
					long left = deadline - System.nanoTime();
					Event event = (left > 0) ? this.queue.poll(left, TimeUnit.NANOSECONDS) : null;
					if (event == null) {
						throw new RejectedFileException("file.time-limit",
								"读取时间超过上限 " + limit.toSeconds() + " 秒，文件可能过大或结构异常，请检查或拆分后重新报送");
					}
					if (event instanceof Start start) {
						sink.startSheet(start.sheet());
					}
					else if (event instanceof RowEvent row) {
						sink.row(row.row());
					}
					else if (event instanceof End) {
						sink.endSheet();
					}
					else if (event instanceof Failed failed) {
						rethrow(failed.cause());
					}
					else {
						return;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("读取被中断", ex);
			}
			finally {
				cancel();
			}
		}

		/** Stops the reading thread; a file no longer wanted is let go. */
		public void cancel() {
			this.producer.cancelled = true;
			this.thread.interrupt();
		}

	}

	private static void rethrow(Throwable cause) throws IOException {
		if (cause instanceof IOException io) {
			throw io;
		}
		if (cause instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		throw new IllegalStateException(cause);
	}

	/** Runs the reader, putting its events on the queue while anyone still wants them. */
	private static final class Producer implements Runnable, RowSink {

		private final Opener opener;

		private final Pending pending;

		private final BlockingQueue<Event> queue;

		private volatile boolean cancelled;

		Producer(Opener opener, Pending pending) {
			this.opener = opener;
			this.pending = pending;
			this.queue = pending.queue;
		}

		@Override
		public void run() {
			try {
				SubmissionReader reader = this.opener.open();
				this.pending.reader = reader;
				reader.read(this);
				put(new Done());
			}
			catch (Cancelled ex) {
				// the caller stopped listening: nothing more to hand over
			}
			catch (Throwable ex) {
				try {
					put(new Failed(ex));
				}
				catch (Cancelled cancelled) {
					// the caller stopped listening
				}
			}
		}

		@Override
		public void startSheet(String name) {
			put(new Start(name));
		}

		@Override
		public void row(Row row) {
			put(new RowEvent(row));
		}

		@Override
		public void endSheet() {
			put(new End());
		}

		private void put(Event event) {
			try {
				while (!this.queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
					if (this.cancelled) {
						throw new Cancelled();
					}
				}
			}
			catch (InterruptedException ex) {
				throw new Cancelled();
			}
			if (this.cancelled) {
				throw new Cancelled();
			}
		}

	}

	/** Unwinds the reading thread once the caller has stopped listening. */
	private static final class Cancelled extends RuntimeException {

		Cancelled() {
			super(null, null, false, false);
		}

	}

}
