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

import org.huizong.catalog.Catalog;
import org.huizong.period.Period;
import org.huizong.validate.HistoryChecks;
import org.huizong.intake.ReadAhead;
import org.huizong.intake.ReadLimits;
import org.huizong.intake.RejectedFileException;
import org.huizong.intake.SubmissionReaders;
import org.huizong.issue.Issue;
import org.huizong.issue.IssueCode;
import org.huizong.issue.Severity;
import org.huizong.issue.SeverityPolicy;
import org.huizong.load.SubmissionLoader.Incoming;
import org.huizong.intake.RejectionReason;
import org.huizong.validate.UnitNames;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The files of one period's run, loaded a batch at a time in the caller's transaction.
 */
public final class PeriodFiles implements AutoCloseable {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PeriodFiles.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate savepoint;

	private final SubmissionLedger ledger;

	private final Catalog catalog;

	private final SeverityPolicy policy;

	private final ReadLimits limits;

	private final Clock clock;

	private final boolean postgres;

	private final String period;

	private final Period asPeriod;

	private final ConsolidatedHistory history;

	private final boolean force;

	private final Map<String, SubmissionLedger.Known> byName;

	private final Map<String, SubmissionLedger.Current> currentByUnit;

	/*
	 * Files (name and content) read in this run: read once, even when the run is forced.
	 */
	private final Set<String> readNow = new HashSet<>();

	private final Journal journal = new Journal();

	private final Map<Path, FileWork> ahead = new HashMap<>();

	/* The digests of files read ahead from the next batch. */
	private final Map<Path, String> digestsAhead = new HashMap<>();

	private List<Incoming> upcoming = List.of();

	PeriodFiles(SubmissionLoader loader, String period, boolean force, Map<String, SubmissionLedger.Known> byName,
			Map<String, SubmissionLedger.Current> currentByUnit) {
		this.jdbc = loader.jdbc;
		this.savepoint = loader.savepoint;
		this.ledger = loader.ledger;
		this.catalog = loader.catalog;
		this.policy = loader.policy;
		this.limits = loader.limits;
		this.clock = loader.clock;
		this.postgres = loader.postgres;
		this.period = period;
		this.asPeriod = Period.parse(period);
		this.history = loader.history;
		this.force = force;
		this.byName = byName;
		this.currentByUnit = currentByUnit;
	}

	/**
	 * Loads a batch of files, in order, in the caller's transaction, and starts reading
	 * the first of the files that come next, so that reading goes on while the batch is
	 * committed.
	 * @param next the files of the next batch, or some of them
	 * @return what became of each, in the same order
	 */
	public List<FileOutcome> load(List<Incoming> files, List<Incoming> next) throws IOException {
		List<String> digests = new ArrayList<>(files.size());
		for (Incoming file : files) {
			String known = this.digestsAhead.remove(file.path());
			digests.add((known != null) ? known : SubmissionLoader.digestOrUnreadable(file.path()));
		}
		this.upcoming = next;
		this.journal.clear();
		try {
			return PeriodFiles.this.savepoint.execute((status) -> new Batch(files, digests).load());
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
				outcomes.addAll(PeriodFiles.this.savepoint.execute((status) -> new Batch(one, digest).load()));
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
		SubmissionLedger ledger = PeriodFiles.this.ledger;
		SubmissionLedger.Known known = this.byName.get(file.name());
		long id;
		if (known != null && known.sha256().equals(sha256)) {
			id = known.id();
			ledger.reopen(Map.of(id, file.name()));
		}
		else {
			id = ledger
				.open(this.period, List.of(new SubmissionLedger.NewFile(file.name(), sha256)),
						PeriodFiles.this.clock.instant())
				.get(0);
		}
		String cause = (ex.getMostSpecificCause().getMessage() != null) ? ex.getMostSpecificCause().getMessage()
				: ex.getClass().getSimpleName();
		SubmissionLedger.Outcomes outcomes = ledger.new Outcomes();
		RejectedFileException rejection = RejectionReason.REFUSED.rejection(SubmissionLedger.truncate(cause, 300));
		outcomes.rejected(id, UnitNames.fromFileName(file.name(), PeriodFiles.this.catalog), rejection.code(),
				rejection.reason(), "", "", false);
		outcomes.write();
		this.byName.put(file.name(), new SubmissionLedger.Known(id, sha256, SubmissionLedger.REJECTED));
		this.currentByUnit.values().removeIf((current) -> current.id() == id);
		this.readNow.add(SubmissionLoader.key(file.name(), sha256));
		return new FileOutcome(file.name(), Outcome.REJECTED, id, true);
	}

	/**
	 * Starts reading {@code file} on a thread of its own.
	 * @param bytes what it counts against the bytes read ahead: its size if it is read
	 * ahead of the file being written, else 0
	 */
	private FileWork start(Incoming file, long bytes) {
		FileWork work = new FileWork(file.name(), this.period, bytes, this.catalog, this.policy);
		work.pending = ReadAhead.start(() -> SubmissionReaders.open(file.path(), PeriodFiles.this.limits), work);
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
			sha256 = SubmissionLoader.digestOrUnreadable(file.path());
			this.digestsAhead.put(file.path(), sha256);
		}
		if (sha256.equals(SubmissionLoader.UNREADABLE) || !toRead(file.name(), sha256)) {
			return false;
		}
		this.ahead.put(file.path(), start(file, bytes));
		return true;
	}

	/**
	 * The size of {@code file} if it is small enough to be read ahead beside the files
	 * read ahead already, but for {@code current}, the one being written; else -1.
	 */
	private long sizeAhead(Path file, Path current) {
		long size = SubmissionLoader.sizeOf(file);
		if (size > SubmissionLoader.READ_AHEAD_MAX_BYTES) {
			return -1;
		}
		long left = SubmissionLoader.READ_AHEAD_TOTAL_BYTES - size;
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
	 * Whether a file is to be read: it arrived anew (its name held other content last, or
	 * none), or the run is forced and has not read it yet.
	 */
	private boolean toRead(String name, String sha256) {
		SubmissionLedger.Known known = this.byName.get(name);
		return known == null || !known.sha256().equals(sha256)
				|| (this.force && !this.readNow.contains(SubmissionLoader.key(name, sha256)));
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

		private final SubmissionLedger.Outcomes outcomes = PeriodFiles.this.ledger.new Outcomes();

		private final List<Object[]> issues = new ArrayList<>();

		private final List<Object[]> totals = new ArrayList<>();

		/*
		 * The checks against each unit's history, made once the facts are written: on
		 * PostgreSQL the connection is busy with their COPY until then.
		 */
		private final List<Runnable> afterFacts = new ArrayList<>();

		/* Issues that files of this batch give submissions other than their own. */
		private final List<Object[]> others = new ArrayList<>();

		/*
		 * What other submissions were told of a file that this batch replaced: no longer
		 * true.
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
			SubmissionLedger ledger = PeriodFiles.this.ledger;
			List<Long> freshIds = ledger.open(run.period, fresh, PeriodFiles.this.clock.instant());
			for (int k = 0; k < freshAt.size(); k++) {
				ids[freshAt.get(k)] = freshIds.get(k);
			}
			ledger.reopen(reopened);
			List<FileOutcome> results = new ArrayList<>(n);
			FactWriter facts = FactWriter.create(PeriodFiles.this.jdbc, PeriodFiles.this.postgres,
					SubmissionLoader.FACT_BATCH);
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
						results.add(new FileOutcome(file.name(),
								SubmissionLedger.REJECTED.equals(known.status()) ? Outcome.REJECTED : Outcome.UNCHANGED,
								known.id(), false));
					}
				}
				facts.finish();
			}
			catch (RuntimeException | Error ex) {
				facts.abort();
				throw ex;
			}
			this.afterFacts.forEach(Runnable::run);
			this.outcomes.write();
			insert("issue", IssueWriter.COLUMNS, this.issues);
			insert("fact_total", FactTotals.COLUMNS, this.totals);
			if (!this.stale.isEmpty()) {
				PeriodFiles.this.jdbc.batchUpdate(
						"DELETE FROM issue WHERE code = ? AND message = ? AND submission_id IN "
								+ "(SELECT id FROM submission WHERE period = ?)",
						this.stale.stream()
							.map((message) -> new Object[] { IssueCode.FILE_SAME_CONTENT.code(),
									FactWriter.cut(message, 2000), PeriodFiles.this.period })
							.toList());
			}
			if (!this.others.isEmpty()) {
				PeriodFiles.this.jdbc.batchUpdate("INSERT INTO issue (" + IssueWriter.COLUMNS
						+ ") SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM issue WHERE submission_id = ? "
						+ "AND code = ? AND message = ?)",
						this.others.stream()
							.map((row) -> new Object[] { row[0], row[1], row[2], row[3], row[4], row[5], row[0], row[2],
									row[5] })
							.toList());
			}
			return results;
		}

		/**
		 * Writes rows of values for {@code columns} into {@code table}: through COPY on
		 * PostgreSQL, where a chunk's tens of thousands of totals cost a fraction of as
		 * many inserts.
		 */
		private void insert(String table, String columns, List<Object[]> rows) {
			if (rows.isEmpty()) {
				return;
			}
			JdbcTemplate jdbc = PeriodFiles.this.jdbc;
			if (PeriodFiles.this.postgres) {
				CopyLines.copy(jdbc, table, columns, rows);
			}
			else {
				String values = String.join(", ", java.util.Collections.nCopies(rows.get(0).length, "?"));
				jdbc.batchUpdate("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")", rows);
			}
		}

		/**
		 * Keeps the file at {@code from} and the next few small files of the batch that
		 * are to be read reading, each on a thread of its own.
		 */
		private void readAhead(long[] ids, int from) {
			Path current = this.files.get(from).path();
			int started = 0;
			for (int j = from; j < ids.length && started < SubmissionLoader.READ_AHEAD; j++) {
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
				if (started >= SubmissionLoader.READ_AHEAD) {
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
			Reading reading = new Reading(work, id, facts, this.outcomes, PeriodFiles.this.limits.timePerFile());
			run.journal.add(run.readNow, SubmissionLoader.key(file.name(), sha256));
			Outcome outcome = Outcome.LOADED;
			try {
				reading.run();
			}
			catch (LinkageError | DataAccessException ex) {
				throw ex;
			}
			catch (RuntimeException | Error ex) {
				RejectedFileException rejection = RejectionReason.of(ex);
				this.outcomes.rejected(id, work.unitOrFileName(), rejection.code(), rejection.reason(), reading.format,
						reading.encoding, reading.written > 0);
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
			List<HistoryChecks.Figure> figures = work.totals.figures();
			String unit = reading.resolvedUnit;
			this.afterFacts.add(() -> run.history.check(run.asPeriod, unit, figures,
					(i) -> this.issues.add(IssueWriter.row(id, i))));
			work.issues.flushTo(this.issues, id);
			work.totals.addTo(this.totals, id);
			run.journal.put(run.byName, file.name(), new SubmissionLedger.Known(id, sha256, SubmissionLedger.LOADED));
			return new FileOutcome(file.name(), outcome, id, true);
		}

		/**
		 * Makes a loaded file its unit's current submission, or not: of a unit's files,
		 * one that arrived since the last run outranks those read before, and among files
		 * that arrived together the one modified last counts. The file that loses is told
		 * which file replaced it; identical content from another unit is told on both
		 * sides.
		 */
		private void settle(Incoming file, String sha256, long id, Reading reading) {
			PeriodFiles run = PeriodFiles.this;
			SeverityPolicy policy = PeriodFiles.this.policy;
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
					reading.work
						.issue(policy.issue(IssueCode.FILE_SAME_CONTENT, "", "", current.fileName(), same.getKey()));
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
