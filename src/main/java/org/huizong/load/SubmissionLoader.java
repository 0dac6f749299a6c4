package org.huizong.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.huizong.catalog.Catalog;
import org.huizong.intake.ReadLimits;
import org.huizong.issue.SeverityPolicy;
import org.huizong.validate.HistoryChecks;
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

	static final int FACT_BATCH = 1000;

	static final int MAX_ISSUES_STORED = 1000;

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
	static final long READ_AHEAD_MAX_BYTES = 2L * 1024 * 1024;

	/** The files read ahead of the one being written take this many bytes at most. */
	static final long READ_AHEAD_TOTAL_BYTES = 2 * READ_AHEAD_MAX_BYTES;

	final JdbcTemplate jdbc;

	final TransactionTemplate savepoint;

	final SubmissionLedger ledger;

	final Catalog catalog;

	final SeverityPolicy policy;

	final ReadLimits limits;

	final Clock clock;

	final boolean postgres;

	final ConsolidatedHistory history;

	/**
	 * @param historyChecks what a figure is set against in the unit's own history
	 */
	public SubmissionLoader(JdbcTemplate jdbc, PlatformTransactionManager transactions, Catalog catalog,
			SeverityPolicy policy, ReadLimits limits, Clock clock, HistoryChecks historyChecks) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.ledger = new SubmissionLedger(jdbc);
		this.catalog = catalog;
		this.policy = policy;
		this.limits = limits;
		this.clock = clock;
		this.postgres = isPostgres(jdbc);
		this.history = new ConsolidatedHistory(jdbc, historyChecks);
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
		return new PeriodFiles(this, period, force, this.ledger.byName(period), this.ledger.currentByUnit(period));
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

	/** Stands for the digest of a file that could not be read. */
	static final String UNREADABLE = "0".repeat(64);

	/**
	 * The sha256 of a file, or {@link #UNREADABLE}: a file that cannot be read is
	 * rejected by name when its reading fails, like any bad file.
	 */
	static String digestOrUnreadable(Path file) {
		try {
			return Digests.sha256(file);
		}
		catch (IOException ex) {
			return UNREADABLE;
		}
	}

	/** A file's name and content, as the run keeps track of what it read. */
	static String key(String name, String sha256) {
		return name + '\u0000' + sha256;
	}

	/** A file's size; one that cannot be read counts as too large to read ahead. */
	static long sizeOf(Path file) {
		try {
			return java.nio.file.Files.size(file);
		}
		catch (IOException ex) {
			return Long.MAX_VALUE;
		}
	}

	/** A unit's name as the ledger holds it. */
	static String stored(String unit) {
		return SubmissionLedger.truncate(unit, 200);
	}

}
