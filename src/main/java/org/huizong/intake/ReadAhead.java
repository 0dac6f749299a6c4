package org.huizong.intake;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a file on a thread of its own, puts its rows through a per-file pipeline there,
 * and hands what comes out over in batches through a small bounded queue, so that a file
 * that hangs the parser or takes too long costs that file only: past the time limit the
 * file is rejected and the reading thread is told to stop (and abandoned if it cannot).
 * Any failure of the reader or the pipeline, {@code StackOverflowError} and
 * {@code OutOfMemoryError} included, is raised on the caller's thread. Reading also
 * overlaps with the caller's work, and with the reading of other files.
 */
public final class ReadAhead {

	/** Items handed over at once: one hand-over costs a lock, not one per row. */
	private static final int BATCH = 256;

	/** Batches waiting at most: memory stays bounded whatever the file's size. */
	private static final int CAPACITY = 16;

	private static final long STACK_SIZE = 16L * 1024 * 1024;

	/**
	 * The reading threads, kept for reuse: starting a thread costs milliseconds on a busy
	 * machine, a run of 2,000 files spent seconds on it. A file never waits for a thread;
	 * one that hangs past its limit keeps its thread, and the next file gets another.
	 */
	private static final ExecutorService THREADS = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(null, task, "huizong-read", STACK_SIZE);
		thread.setDaemon(true);
		return thread;
	});

	private sealed interface Event permits Items, Done, Failed {

	}

	private record Items(Object[] items, int size) implements Event {
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
	 * What a file's rows go through on the reading thread: built there, once a file,
	 * handing its results over to the caller.
	 */
	public interface Stage<T> {

		Pipeline start(Consumer<T> handOver);

	}

	/** The rows' way through one file's stage. */
	public interface Pipeline extends RowSink {

		/** After the last row, still on the reading thread. */
		default void finish() throws IOException {
		}

	}

	/**
	 * Streams {@code reader}'s rows into {@code sink} on the calling thread, within
	 * {@code limit}.
	 */
	public static void read(SubmissionReader reader, RowSink sink, Duration limit) throws IOException {
		start(() -> reader, (Consumer<Consumer<RowSink>> handOver) -> new Pipeline() {
			@Override
			public void startSheet(String name) {
				handOver.accept((to) -> to.startSheet(name));
			}

			@Override
			public void row(Row row) {
				handOver.accept((to) -> to.row(row));
			}

			@Override
			public void endSheet() {
				handOver.accept(RowSink::endSheet);
			}
		}).drainTo((event) -> event.accept(sink), limit);
	}

	/**
	 * Starts opening and reading a file now, so that its first results are ready when the
	 * caller gets to it; its time limit counts from here.
	 */
	public static <T> Pending<T> start(Opener opener, Stage<T> stage) {
		Pending<T> pending = new Pending<>(opener, stage);
		pending.running = THREADS.submit(pending.producer);
		return pending;
	}

	/** A file being read ahead. */
	public static final class Pending<T> {

		private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CAPACITY);

		private final Producer<T> producer;

		private volatile Future<?> running;

		private final long started = System.nanoTime();

		private volatile SubmissionReader reader;

		Pending(Opener opener, Stage<T> stage) {
			this.producer = new Producer<>(opener, stage, this);
		}

		/** The reader, once the file is open: its format and encoding. */
		public SubmissionReader reader() {
			return this.reader;
		}

		/**
		 * Hands the results over to {@code sink} on the calling thread until the file
		 * ends or fails.
		 */
		@SuppressWarnings("unchecked")
		public void drainTo(Consumer<? super T> sink, Duration limit) throws IOException {
			long deadline = this.started + limit.toNanos();
			try {
				while (true) {
					long left = deadline - System.nanoTime();
					Event event = (left > 0) ? this.queue.poll(left, TimeUnit.NANOSECONDS) : null;
					if (event == null) {
						throw RejectionReason.TIME_LIMIT.rejection(Long.toString(limit.toSeconds()));
					}
					if (event instanceof Items items) {
						Object[] array = items.items();
						for (int i = 0; i < items.size(); i++) {
							sink.accept((T) array[i]);
						}
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

		/**
		 * Stops the reading of this file; a file no longer wanted is let go. Its thread,
		 * once free, reads other files: only a reading still under way is interrupted.
		 */
		public void cancel() {
			this.producer.cancelled = true;
			Future<?> running = this.running;
			if (running != null) {
				running.cancel(true);
			}
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

	/**
	 * Runs the reader and the stage, putting batches of results on the queue while anyone
	 * still wants them. A batch also goes at the end of each sheet, so that the caller
	 * sees a sheet's results even if the next one hangs.
	 */
	private static final class Producer<T> implements Runnable, RowSink {

		private final Opener opener;

		private final Stage<T> stage;

		private final Pending<T> pending;

		private final BlockingQueue<Event> queue;

		private Pipeline pipeline;

		private Object[] batch = new Object[BATCH];

		private int size;

		private volatile boolean cancelled;

		Producer(Opener opener, Stage<T> stage, Pending<T> pending) {
			this.opener = opener;
			this.stage = stage;
			this.pending = pending;
			this.queue = pending.queue;
		}

		@Override
		public void run() {
			try {
				SubmissionReader reader = this.opener.open();
				this.pending.reader = reader;
				this.pipeline = this.stage.start(this::handOver);
				reader.read(this);
				this.pipeline.finish();
				flush();
				put(new Done());
			}
			catch (Cancelled ex) {
				// the caller stopped listening: nothing more to hand over
			}
			catch (Throwable ex) {
				try {
					flush();
					put(new Failed(ex));
				}
				catch (Cancelled cancelled) {
					// the caller stopped listening
				}
			}
		}

		@Override
		public void startSheet(String name) {
			this.pipeline.startSheet(name);
			flush();
		}

		@Override
		public void row(Row row) {
			if (this.cancelled) {
				throw new Cancelled();
			}
			this.pipeline.row(row);
		}

		@Override
		public void endSheet() {
			this.pipeline.endSheet();
			flush();
		}

		private void handOver(T item) {
			this.batch[this.size++] = item;
			if (this.size == BATCH) {
				flush();
			}
		}

		private void flush() {
			if (this.size > 0) {
				Items items = new Items(this.batch, this.size);
				this.batch = new Object[BATCH];
				this.size = 0;
				put(items);
			}
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
