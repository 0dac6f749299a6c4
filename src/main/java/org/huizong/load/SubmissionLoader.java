package org.huizong.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.huizong.catalog.Catalog;
import org.huizong.intake.ReadAhead;
import org.huizong.intake.ReadLimits;
import org.huizong.intake.RejectedFileException;
import org.huizong.intake.SubmissionReader;
import org.huizong.intake.SubmissionReaders;
import org.huizong.normalize.Fact;
import org.huizong.validate.RejectionReason;
import org.huizong.validate.SubmissionPipeline;
import org.huizong.validate.UnitNames;
import org.huizong.issue.Issue;
import org.huizong.issue.IssueCode;
import org.huizong.issue.Severity;
import org.huizong.issue.SeverityPolicy;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads files for one period, a batch at a time: known content is not read again; new
 * content is read, normalised and checked, and replaces the unit's earlier submission.
 * The facts of a batch stream into the database as its files are read (one COPY for the
 * batch on PostgreSQL); everything else a file leaves — its ledger entry, issues and
 * totals — is held until the facts are in and then written in a few statements. A file
 * that fails leaves nothing of itself but its rejection, and the unit's earlier figures
 * stay in place. Should the database refuse anything in a batch, the batch is taken back
 * to its savepoint and loaded again a file at a time, each in a savepoint of its own, so
 * that only the file it refuses is lost — as a rejection that says why.
 */
public final class SubmissionLoader {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SubmissionLoader.class);

	private static final int FACT_BATCH = 1000;

	private static final int MAX_ISSUES_STORED = 1000;

	/**
	 * Files being read at once, each on a thread of its own: the one being written and
	 * the next ones, as long as they are small. Enough of them that reading goes on while
	 * the writing thread waits for the database, at the end of a batch above all.
	 */
	public static final int READ_AHEAD = 8;

	/**
	 * Larger files are not read ahead: the memory a workbook's reading holds (its shared
	 * strings) stays that of one large file at a time.
	 */
	private static final long READ_AHEAD_MAX_BYTES = 2L * 1024 * 1024;

	/** The files read ahead of the one being written take this many bytes at most. */
	private static final long READ_AHEAD_TOTAL_BYTES = 2 * READ_AHEAD_MAX_BYTES;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate savepoint;

	private final SubmissionLedger ledger;

	private final Catalog catalog;

	private final SeverityPolicy policy;

	private final ReadLimits limits;

	private final Clock clock;

	private final boolean postgres;

	public SubmissionLoader(JdbcTemplate jdbc, PlatformTransactionManager transactions, Catalog catalog,
			SeverityPolicy policy, ReadLimits limits, Clock clock) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.ledger = new SubmissionLedger(jdbc);
		this.catalog = catalog;
		this.policy = policy;
		this.limits = limits;
		this.clock = clock;
		this.postgres = isPostgres(jdbc);
	}

	private static boolean isPostgres(JdbcTemplate jdbc) {
		Boolean postgres = jdbc.execute(Databases::isPostgres);
		return Boolean.TRUE.equals(postgres);
	}

	/**
	 * Marks the period's consolidated tables as behind: files were loaded or rejected
	 * now.
	 */
	public void changed(String period) {
		this.ledger.changed(period);
	}

	/**
	 * Starts loading files for a period: what the ledger knows of the period is read
	 * once, here, not once a file. Only one run of a period loads at a time (the period's
	 * lock), so it stays true.
	 * @param force read files again even if their content is known
	 */
	public PeriodFiles forPeriod(String period, boolean force) {
		return new PeriodFiles(period, force, this.ledger.byName(period), this.ledger.currentByUnit(period));
	}

	/**
	 * A file to load.
	 *
	 * @param path where it is
	 * @param name its path relative to the inbox, as reports name it
	 * @param modified when it was last modified (milliseconds since the epoch): of a
	 * unit's files that arrive between the same two runs, the one modified last is its
	 * current submission
	 */
	public record Incoming(Path path, String name, long modified) {
	}

	/**
	 * The files of one period's run, loaded a batch at a time in the caller's
	 * transaction.
	 */
	public final class PeriodFiles implements AutoCloseable {

		private final String period;

		private final boolean force;

		private final Map<String, SubmissionLedger.Known> byName;

		private final Map<String, SubmissionLedger.Current> currentByUnit;

		/*
		 * Files (name and content) read in this run: read once, even when the run is
		 * forced.
		 */
		private final Set<String> readNow = new HashSet<>();

		private final Journal journal = new Journal();

		private final Map<Path, FileWork> ahead = new HashMap<>();

		/* The digests of files read ahead from the next batch. */
		private final Map<Path, String> digestsAhead = new HashMap<>();

		private List<Incoming> upcoming = List.of();

		PeriodFiles(String period, boolean force, Map<String, SubmissionLedger.Known> byName,
				Map<String, SubmissionLedger.Current> currentByUnit) {
			this.period = period;
			this.force = force;
			this.byName = byName;
			this.currentByUnit = currentByUnit;
		}

		/**
		 * Loads a batch of files, in order, in the caller's transaction, and starts
		 * reading the first of the files that come next, so that reading goes on while
		 * the batch is committed.
		 * @param next the files of the next batch, or some of them
		 * @return what became of each, in the same order
		 */
		public List<FileOutcome> load(List<Incoming> files, List<Incoming> next) throws IOException {
			List<String> digests = new ArrayList<>(files.size());
			for (Incoming file : files) {
				String known = this.digestsAhead.remove(file.path());
				digests.add((known != null) ? known : digestOrUnreadable(file.path()));
			}
			this.upcoming = next;
			this.journal.clear();
			try {
				return SubmissionLoader.this.savepoint.execute((status) -> new Batch(files, digests).load());
			}
			catch (DataAccessException ex) {
				LOG.warn("数据库拒绝了本批 {} 个文件中的数据，改为逐个文件载入", files.size(), ex);
				this.journal.undo();
			}
			List<FileOutcome> outcomes = new ArrayList<>(files.size());
			for (int i = 0; i < files.size(); i++) {
				List<Incoming> one = List.of(files.get(i));
				List<String> digest = List.of(digests.get(i));
				try {
					outcomes.addAll(SubmissionLoader.this.savepoint.execute((status) -> new Batch(one, digest).load()));
				}
				catch (DataAccessException ex) {
					this.journal.undo();
					outcomes.add(refused(one.get(0), digest.get(0), ex));
				}
				this.journal.clear();
			}
			return outcomes;
		}

		/** A file whose data the database would not take: rejected, saying why. */
		private FileOutcome refused(Incoming file, String sha256, DataAccessException ex) {
			LOG.warn("数据库拒绝了文件 {} 的数据", file.name(), ex);
			SubmissionLedger ledger = SubmissionLoader.this.ledger;
			SubmissionLedger.Known known = this.byName.get(file.name());
			long id;
			if (known != null && known.sha256().equals(sha256)) {
				id = known.id();
				ledger.reopen(Map.of(id, file.name()));
			}
			else {
				id = ledger
					.open(this.period, List.of(new SubmissionLedger.NewFile(file.name(), sha256)),
							SubmissionLoader.this.clock.instant())
					.get(0);
			}
			String cause = (ex.getMostSpecificCause().getMessage() != null) ? ex.getMostSpecificCause().getMessage()
					: ex.getClass().getSimpleName();
			SubmissionLedger.Outcomes outcomes = ledger.new Outcomes();
			RejectedFileException rejection = RejectionReason.REFUSED.rejection(SubmissionLedger.truncate(cause, 300));
			outcomes.rejected(id, UnitNames.fromFileName(file.name(), SubmissionLoader.this.catalog), rejection.code(),
					rejection.reason(), "", "", false);
			outcomes.write();
			this.byName.put(file.name(), new SubmissionLedger.Known(id, sha256, SubmissionLedger.REJECTED));
			this.currentByUnit.values().removeIf((current) -> current.id() == id);
			this.readNow.add(key(file.name(), sha256));
			return new FileOutcome(file.name(), Outcome.REJECTED, id, true);
		}

		/**
		 * Starts reading {@code file} on a thread of its own.
		 * @param bytes what it counts against the bytes read ahead: its size if it is
		 * read ahead of the file being written, else 0
		 */
		private FileWork start(Incoming file, long bytes) {
			FileWork work = new FileWork(file.name(), this.period, bytes);
			work.pending = ReadAhead.start(() -> SubmissionReaders.open(file.path(), SubmissionLoader.this.limits),
					work);
			return work;
		}

		/**
		 * Starts reading a file of the next batch if its content is not known yet.
		 * @return whether it is being read
		 */
		private boolean startIfNew(Incoming file, long bytes) {
			if (this.ahead.containsKey(file.path())) {
				return true;
			}
			String sha256 = this.digestsAhead.get(file.path());
			if (sha256 == null) {
				sha256 = digestOrUnreadable(file.path());
				this.digestsAhead.put(file.path(), sha256);
			}
			if (sha256.startsWith(UNREADABLE) || !toRead(file.name(), sha256)) {
				return false;
			}
			this.ahead.put(file.path(), start(file, bytes));
			return true;
		}

		/**
		 * The size of {@code file} if it is small enough to be read ahead beside the
		 * files read ahead already, but for {@code current}, the one being written; else
		 * -1.
		 */
		private long sizeAhead(Path file, Path current) {
			long size = sizeOf(file);
			if (size > READ_AHEAD_MAX_BYTES) {
				return -1;
			}
			long left = READ_AHEAD_TOTAL_BYTES - size;
			for (Map.Entry<Path, FileWork> ahead : this.ahead.entrySet()) {
				if (!ahead.getKey().equals(current)) {
					if (ahead.getValue().bytes > left) {
						return -1;
					}
					left -= ahead.getValue().bytes;
				}
			}
			return size;
		}

		/**
		 * Whether a file is to be read: it arrived anew (its name held other content
		 * last, or none), or the run is forced and has not read it yet.
		 */
		private boolean toRead(String name, String sha256) {
			SubmissionLedger.Known known = this.byName.get(name);
			return known == null || !known.sha256().equals(sha256)
					|| (this.force && !this.readNow.contains(key(name, sha256)));
		}

		/** A file that will not be read after all: any reading of it ahead stops. */
		private void forget(Path file) {
			FileWork work = this.ahead.remove(file);
			if (work != null) {
				work.pending.cancel();
			}
		}

		/** Lets go of files read ahead but never loaded (a stopped run). */
		@Override
		public void close() {
			this.ahead.values().forEach((work) -> work.pending.cancel());
			this.ahead.clear();
			this.digestsAhead.clear();
		}

		/**
		 * One batch of files: what they are, then reading them, then writing the rest.
		 */
		private final class Batch {

			private final List<Incoming> files;

			private final List<String> digests;

			private final SubmissionLedger.Outcomes outcomes = SubmissionLoader.this.ledger.new Outcomes();

			private final List<Object[]> issues = new ArrayList<>();

			private final List<Object[]> totals = new ArrayList<>();

			/* Issues that files of this batch give submissions other than their own. */
			private final List<Object[]> others = new ArrayList<>();

			/*
			 * What other submissions were told of a file that this batch replaced: no
			 * longer true.
			 */
			private final Set<String> stale = new HashSet<>();

			Batch(List<Incoming> files, List<String> digests) {
				this.files = files;
				this.digests = digests;
			}

			List<FileOutcome> load() {
				PeriodFiles run = PeriodFiles.this;
				int n = this.files.size();
				/* For each file: its submission id if it is to be read, else -1. */
				long[] ids = new long[n];
				List<SubmissionLedger.NewFile> fresh = new ArrayList<>();
				List<Integer> freshAt = new ArrayList<>();
				Map<Long, String> reopened = new LinkedHashMap<>();
				for (int i = 0; i < n; i++) {
					String sha256 = this.digests.get(i);
					ids[i] = -1;
					if (!run.toRead(this.files.get(i).name(), sha256)) {
						run.forget(this.files.get(i).path());
						continue;
					}
					SubmissionLedger.Known known = run.byName.get(this.files.get(i).name());
					if (known != null && known.sha256().equals(sha256)) {
						ids[i] = known.id();
						reopened.put(known.id(), this.files.get(i).name());
					}
					else {
						fresh.add(new SubmissionLedger.NewFile(this.files.get(i).name(), sha256));
						freshAt.add(i);
					}
				}
				SubmissionLedger ledger = SubmissionLoader.this.ledger;
				List<Long> freshIds = ledger.open(run.period, fresh, SubmissionLoader.this.clock.instant());
				for (int k = 0; k < freshAt.size(); k++) {
					ids[freshAt.get(k)] = freshIds.get(k);
				}
				ledger.reopen(reopened);
				List<FileOutcome> results = new ArrayList<>(n);
				FactWriter facts = FactWriter.create(SubmissionLoader.this.jdbc, SubmissionLoader.this.postgres,
						FACT_BATCH);
				try {
					for (int i = 0; i < n; i++) {
						Incoming file = this.files.get(i);
						if (ids[i] >= 0) {
							readAhead(ids, i);
							results.add(read(file, this.digests.get(i), ids[i], reopened.containsKey(ids[i]), facts));
						}
						else {
							// the same name and content as the last time
							SubmissionLedger.Known known = run.byName.get(file.name());
							results.add(new FileOutcome(file.name(), SubmissionLedger.REJECTED.equals(known.status())
									? Outcome.REJECTED : Outcome.UNCHANGED, known.id(), false));
						}
					}
					facts.finish();
				}
				catch (RuntimeException | Error ex) {
					facts.abort();
					throw ex;
				}
				this.outcomes.write();
				insert("issue", IssueWriter.COLUMNS, this.issues);
				insert("fact_total", FactTotals.COLUMNS, this.totals);
				if (!this.stale.isEmpty()) {
					SubmissionLoader.this.jdbc.batchUpdate(
							"DELETE FROM issue WHERE code = ? AND message = ? AND submission_id IN "
									+ "(SELECT id FROM submission WHERE period = ?)",
							this.stale.stream()
								.map((message) -> new Object[] { IssueCode.FILE_SAME_CONTENT.code(),
										FactWriter.cut(message, 2000), PeriodFiles.this.period })
								.toList());
				}
				if (!this.others.isEmpty()) {
					SubmissionLoader.this.jdbc.batchUpdate("INSERT INTO issue (" + IssueWriter.COLUMNS
							+ ") SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM issue WHERE submission_id = ? "
							+ "AND code = ? AND message = ?)",
							this.others.stream()
								.map((row) -> new Object[] { row[0], row[1], row[2], row[3], row[4], row[5], row[0],
										row[2], row[5] })
								.toList());
				}
				return results;
			}

			/**
			 * Writes rows of values for {@code columns} into {@code table}: through COPY
			 * on PostgreSQL, where a chunk's tens of thousands of totals cost a fraction
			 * of as many inserts.
			 */
			private void insert(String table, String columns, List<Object[]> rows) {
				if (rows.isEmpty()) {
					return;
				}
				JdbcTemplate jdbc = SubmissionLoader.this.jdbc;
				if (SubmissionLoader.this.postgres) {
					CopyLines.copy(jdbc, table, columns, rows);
				}
				else {
					String values = String.join(", ", java.util.Collections.nCopies(rows.get(0).length, "?"));
					jdbc.batchUpdate("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")", rows);
				}
			}

			/**
			 * Keeps the file at {@code from} and the next few small files of the batch
			 * that are to be read reading, each on a thread of its own.
			 */
			private void readAhead(long[] ids, int from) {
				Path current = this.files.get(from).path();
				int started = 0;
				for (int j = from; j < ids.length && started < READ_AHEAD; j++) {
					if (ids[j] < 0) {
						continue;
					}
					Incoming next = this.files.get(j);
					if (!PeriodFiles.this.ahead.containsKey(next.path())) {
						long bytes = (j > from) ? PeriodFiles.this.sizeAhead(next.path(), current) : 0;
						if (bytes < 0) {
							return;
						}
						PeriodFiles.this.ahead.put(next.path(), PeriodFiles.this.start(next, bytes));
					}
					started++;
				}
				for (Incoming next : PeriodFiles.this.upcoming) {
					if (started >= READ_AHEAD) {
						return;
					}
					long bytes = PeriodFiles.this.ahead.containsKey(next.path()) ? 0
							: PeriodFiles.this.sizeAhead(next.path(), current);
					if (bytes < 0) {
						return;
					}
					if (PeriodFiles.this.startIfNew(next, bytes)) {
						started++;
					}
				}
			}

			private FileOutcome read(Incoming file, String sha256, long id, boolean reopened, FactWriter facts) {
				PeriodFiles run = PeriodFiles.this;
				FileWork work = run.ahead.remove(file.path());
				if (work == null) {
					work = run.start(file, 0);
				}
				Reading reading = new Reading(work, id, facts, this.outcomes);
				run.journal.add(run.readNow, key(file.name(), sha256));
				Outcome outcome = Outcome.LOADED;
				try {
					reading.run();
				}
				catch (LinkageError | DataAccessException ex) {
					throw ex;
				}
				catch (RuntimeException | Error ex) {
					Rejection rejection = Rejection.of(ex);
					this.outcomes.rejected(id, work.unitOrFileName(), rejection.code(), rejection.reason(),
							reading.format, reading.encoding, reading.written > 0);
					outcome = Outcome.REJECTED;
				}
				if (reopened) {
					run.journal.removeValues(run.currentByUnit, (current) -> current.id() == id);
				}
				if (outcome == Outcome.REJECTED) {
					run.journal.put(run.byName, file.name(),
							new SubmissionLedger.Known(id, sha256, SubmissionLedger.REJECTED));
					return new FileOutcome(file.name(), outcome, id, true);
				}
				settle(file, sha256, id, reading);
				work.issues.flushTo(this.issues, id);
				work.totals.addTo(this.totals, id);
				run.journal.put(run.byName, file.name(),
						new SubmissionLedger.Known(id, sha256, SubmissionLedger.LOADED));
				return new FileOutcome(file.name(), outcome, id, true);
			}

			/**
			 * Makes a loaded file its unit's current submission, or not: of a unit's
			 * files, one that arrived since the last run outranks those read before, and
			 * among files that arrived together the one modified last counts. The file
			 * that loses is told which file replaced it; identical content from another
			 * unit is told on both sides.
			 */
			private void settle(Incoming file, String sha256, long id, Reading reading) {
				PeriodFiles run = PeriodFiles.this;
				SeverityPolicy policy = SubmissionLoader.this.policy;
				String unit = reading.resolvedUnit;
				SubmissionLedger.Current older = run.currentByUnit.get(unit);
				if (older != null && older.id() != id) {
					if (older.modified() > file.modified()) {
						this.outcomes.replace(id, older.id());
						reading.work.issue(policy.issue(IssueCode.FILE_SUPERSEDED, "", "", unit, older.fileName()));
						return;
					}
					this.outcomes.replace(older.id(), id);
					this.stale.add(IssueCode.FILE_SAME_CONTENT.message(older.fileName(), unit));
					reading.work.issue(policy.issue(IssueCode.UNIT_RESUBMITTED, "", "", unit, older.fileName()));
					other(older.id(), policy.issue(IssueCode.FILE_SUPERSEDED, "", "", unit, file.name()));
				}
				for (Map.Entry<String, SubmissionLedger.Current> same : run.currentByUnit.entrySet()) {
					SubmissionLedger.Current current = same.getValue();
					if (current.sha256().equals(sha256) && current.id() != id && !same.getKey().equals(unit)) {
						reading.work.issue(
								policy.issue(IssueCode.FILE_SAME_CONTENT, "", "", current.fileName(), same.getKey()));
						other(current.id(), policy.issue(IssueCode.FILE_SAME_CONTENT, "", "", file.name(), unit));
					}
				}
				run.journal.put(run.currentByUnit, unit,
						new SubmissionLedger.Current(id, file.name(), sha256, file.modified()));
			}

			/** An issue of another submission than the file being read, found by it. */
			private void other(long submissionId, Issue issue) {
				if (issue.severity() != Severity.IGNORE) {
					this.others.add(new Object[] { submissionId, issue.severity().label(), issue.code(), "", "",
							FactWriter.cut(issue.message(), 2000) });
				}
			}

		}

	}

	/**
	 * Changes to the run's maps made while a batch loads, so that they can be taken back
	 * with the batch.
	 */
	private static final class Journal {

		private final List<Runnable> undo = new ArrayList<>();

		<K, V> void put(Map<K, V> map, K key, V value) {
			boolean had = map.containsKey(key);
			V old = map.put(key, value);
			this.undo.add(() -> {
				if (had) {
					map.put(key, old);
				}
				else {
					map.remove(key);
				}
			});
		}

		<K, V> void removeValues(Map<K, V> map, java.util.function.Predicate<V> which) {
			List<K> keys = new ArrayList<>();
			map.forEach((key, value) -> {
				if (which.test(value)) {
					keys.add(key);
				}
			});
			for (K key : keys) {
				V old = map.remove(key);
				this.undo.add(() -> map.put(key, old));
			}
		}

		<T> void add(Set<T> set, T value) {
			if (set.add(value)) {
				this.undo.add(() -> set.remove(value));
			}
		}

		void undo() {
			for (int i = this.undo.size() - 1; i >= 0; i--) {
				this.undo.get(i).run();
			}
			this.undo.clear();
		}

		void clear() {
			this.undo.clear();
		}

	}

	/**
	 * One file on the thread that reads it: the plain {@link SubmissionPipeline}, whose
	 * detail facts are handed over to be written and summed into the file's totals, and
	 * whose issues are kept until the file is done.
	 */
	private final class FileWork implements ReadAhead.Stage<Fact> {

		private final String name;

		/* What the file counts against the bytes read ahead. */
		private final long bytes;

		private final FactTotals totals = new FactTotals();

		private final IssueWriter issues = new IssueWriter(MAX_ISSUES_STORED);

		private final SubmissionPipeline pipeline;

		private ReadAhead.Pending<Fact> pending;

		private Consumer<Fact> handOver;

		FileWork(String name, String period, long bytes) {
			this.name = name;
			this.bytes = bytes;
			this.pipeline = new SubmissionPipeline(name, period, SubmissionLoader.this.catalog,
					SubmissionLoader.this.policy, this::detail, this.issues::write);
		}

		@Override
		public ReadAhead.Pipeline start(Consumer<Fact> handOver) {
			this.handOver = handOver;
			return this.pipeline;
		}

		private void detail(Fact fact) {
			if (fact.mapped() && fact.kind() != org.huizong.catalog.MetricKind.RATE) {
				this.totals.add(fact);
			}
			this.handOver.accept(fact);
		}

		void issue(Issue issue) {
			this.pipeline.issue(issue);
		}

		/** The unit as far as it is known, for a rejection. */
		String unitOrFileName() {
			return stored(this.pipeline.unitOrFileName());
		}

	}

	/** Stands for the digest of a file that could not be read. */
	private static final String UNREADABLE = "0".repeat(64);

	/**
	 * The sha256 of a file, or {@link #UNREADABLE}: a file that cannot be read is
	 * rejected by name when its reading fails, like any bad file.
	 */
	private static String digestOrUnreadable(Path file) {
		try {
			return Digests.sha256(file);
		}
		catch (IOException ex) {
			return UNREADABLE;
		}
	}

	/** A file's name and content, as the run keeps track of what it read. */
	private static String key(String name, String sha256) {
		return name + '\u0000' + sha256;
	}

	/** A file's size; one that cannot be read counts as too large to read ahead. */
	private static long sizeOf(Path file) {
		try {
			return java.nio.file.Files.size(file);
		}
		catch (IOException ex) {
			return Long.MAX_VALUE;
		}
	}

	/** A unit's name as the ledger holds it. */
	private static String stored(String unit) {
		return SubmissionLedger.truncate(unit, 200);
	}

	/**
	 * One file being loaded, on the caller's thread: its facts written as they come, then
	 * its unit settled and its outcome noted.
	 */
	private final class Reading {

		private final FileWork work;

		private final long id;

		private final FactWriter facts;

		private final SubmissionLedger.Outcomes outcomes;

		private String format = "";

		private String encoding = "";

		private int written;

		private String resolvedUnit = "";

		Reading(FileWork work, long id, FactWriter facts, SubmissionLedger.Outcomes outcomes) {
			this.work = work;
			this.id = id;
			this.facts = facts;
			this.outcomes = outcomes;
		}

		void run() {
			try {
				try {
					this.work.pending.drainTo(this::write, SubmissionLoader.this.limits.timePerFile());
				}
				finally {
					SubmissionReader reader = this.work.pending.reader();
					if (reader != null) {
						this.format = reader.format().label();
						this.encoding = reader.encoding();
					}
				}
			}
			catch (IOException ex) {
				throw RejectionReason.unreadable(ex);
			}
			SubmissionPipeline pipeline = this.work.pipeline;
			this.resolvedUnit = stored(pipeline.unit());
			this.outcomes.loaded(this.id, this.resolvedUnit, this.format, this.encoding, pipeline.rows(), this.written,
					pipeline.unmapped());
		}

		private void write(Fact fact) {
			this.facts.write(this.id, fact);
			this.written++;
		}

	}

	/** Why a file was rejected, as a clerk reads it. */
	record Rejection(String code, String reason) {

		static Rejection of(Throwable ex) {
			if (ex instanceof RejectedFileException rejected) {
				return new Rejection(rejected.code(), rejected.reason());
			}
			if (ex instanceof OutOfMemoryError || ex instanceof StackOverflowError) {
				RejectedFileException rejection = RejectionReason.TOO_COMPLEX.rejection();
				return new Rejection(rejection.code(), rejection.reason());
			}
			// A reader library's exception on a broken file, or a fault of our own: the
			// file is
			// rejected either way, and the trace is kept for whoever looks into it.
			LOG.warn("文件读取异常，已拒收", ex);
			String detail = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			RejectedFileException rejection = RejectionReason.CORRUPT.rejection(SubmissionLedger.truncate(detail, 300));
			return new Rejection(rejection.code(), rejection.reason());
		}

	}

}
