package org.huizong.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.huizong.catalog.Catalog;
import org.huizong.intake.ReadAhead;
import org.huizong.intake.ReadLimits;
import org.huizong.intake.RejectedFileException;
import org.huizong.intake.Row;
import org.huizong.intake.RowSink;
import org.huizong.intake.SubmissionReader;
import org.huizong.intake.SubmissionReaders;
import org.huizong.normalize.Fact;
import org.huizong.normalize.FactNormalizer;
import org.huizong.table.RawFact;
import org.huizong.table.SheetFacts;
import org.huizong.table.TableParser;
import org.huizong.validate.CrossChecks;
import org.huizong.validate.Issue;
import org.huizong.validate.IssueCode;
import org.huizong.validate.Severity;
import org.huizong.validate.SeverityPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads one file for one period: known content is not read again; new content is read,
 * normalised, checked and written with its issues in one transaction (a savepoint where
 * the caller has one), and replaces the unit's earlier submission. A file that fails
 * leaves nothing of itself but its rejection, and the unit's earlier figures stay in
 * place.
 */
public final class SubmissionLoader {

	private static final int FACT_BATCH = 1000;

	private static final int MAX_ISSUES_STORED = 1000;

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
	 * Starts loading files for a period: what the ledger knows of the period is read
	 * once, here, not once a file. Only one run of a period loads at a time (the period's
	 * lock), so it stays true.
	 */
	/**
	 * Marks the period's consolidated tables as behind: files were loaded or rejected
	 * now.
	 */
	public void changed(String period) {
		this.ledger.changed(period);
	}

	public PeriodFiles forPeriod(String period, boolean force) {
		return new PeriodFiles(period, force, this.ledger.byDigest(period), this.ledger.currentByUnit(period));
	}

	/**
	 * The files of one period's run, loaded one by one; the next file can be read ahead
	 * while the current one is written.
	 */
	public final class PeriodFiles implements AutoCloseable {

		private final String period;

		private final boolean force;

		private final Map<String, SubmissionLedger.Known> byDigest;

		private final Map<String, SubmissionLedger.Known> currentByUnit;

		private final Map<Path, Ahead> ahead = new HashMap<>();

		private record Ahead(String sha256, ReadAhead.Pending pending) {
		}

		PeriodFiles(String period, boolean force, Map<String, SubmissionLedger.Known> byDigest,
				Map<String, SubmissionLedger.Known> currentByUnit) {
			this.period = period;
			this.force = force;
			this.byDigest = byDigest;
			this.currentByUnit = currentByUnit;
		}

		/** Starts reading {@code file} now if it will have to be read at all. */
		public void prefetch(Path file) throws IOException {
			String sha256 = Digests.sha256(file);
			boolean needed = this.force || !this.byDigest.containsKey(sha256);
			this.ahead.put(file, new Ahead(sha256, needed ? ReadAhead.start(opener(file)) : null));
		}

		/**
		 * @param file the file
		 * @param name its path relative to the inbox, as reports name it
		 */
		public FileOutcome load(Path file, String name) throws IOException {
			Ahead ahead = this.ahead.remove(file);
			String sha256 = (ahead != null) ? ahead.sha256() : Digests.sha256(file);
			ReadAhead.Pending pending = (ahead != null) ? ahead.pending() : null;
			SubmissionLedger.Known known = this.byDigest.get(sha256);
			if (known != null && !this.force) {
				if (pending != null) {
					pending.cancel();
				}
				Outcome outcome = SubmissionLedger.REJECTED.equals(known.status()) ? Outcome.REJECTED
						: Outcome.UNCHANGED;
				return new FileOutcome(name, outcome, known.id(), false);
			}
			SubmissionLedger ledger = SubmissionLoader.this.ledger;
			long id = (known != null) ? ledger.reopen(known.id(), name)
					: ledger.open(this.period, name, sha256, SubmissionLoader.this.clock.instant());
			Reading reading = new Reading(file, name, this.period, id, this.currentByUnit::get,
					(pending != null) ? pending : ReadAhead.start(opener(file)));
			try {
				SubmissionLoader.this.savepoint.executeWithoutResult((status) -> {
					if (known != null) {
						ledger.clear(id);
					}
					reading.run();
				});
			}
			catch (LinkageError ex) {
				throw ex;
			}
			catch (RuntimeException | Error ex) {
				Rejection rejection = Rejection.of(ex);
				if (known != null) {
					ledger.clear(id);
				}
				ledger.rejected(id, reading.unitOrFileName(), rejection.code(), rejection.reason(), reading.format,
						reading.encoding);
				this.byDigest.put(sha256, new SubmissionLedger.Known(id, SubmissionLedger.REJECTED));
				this.currentByUnit.values().removeIf((current) -> current.id() == id);
				return new FileOutcome(name, Outcome.REJECTED, id, true);
			}
			this.byDigest.put(sha256, new SubmissionLedger.Known(id, SubmissionLedger.LOADED));
			this.currentByUnit.values().removeIf((current) -> current.id() == id);
			this.currentByUnit.put(reading.resolvedUnit, new SubmissionLedger.Known(id, name));
			return new FileOutcome(name, Outcome.LOADED, id, true);
		}

		private ReadAhead.Opener opener(Path file) {
			return () -> SubmissionReaders.open(file, SubmissionLoader.this.limits);
		}

		/** Lets go of files read ahead but never loaded (a stopped run). */
		@Override
		public void close() {
			this.ahead.values().forEach((ahead) -> {
				if (ahead.pending() != null) {
					ahead.pending().cancel();
				}
			});
			this.ahead.clear();
		}

	}

	/** One file being read: the stages wired together for it. */
	private final class Reading implements SheetFacts {

		private final Path file;

		private final String name;

		private final String period;

		private final long id;

		private final java.util.function.Function<String, SubmissionLedger.Known> currentOf;

		private final FactNormalizer normalizer;

		private final Set<String> unmappedReported = new HashSet<>();

		private FactWriter facts;

		private IssueWriter issues;

		private CrossChecks checks;

		private final FactTotals totals = new FactTotals();

		private String unit = "";

		private String unitCell = "";

		private String format = "";

		private String encoding = "";

		private int rows;

		private boolean anyTable;

		private final ReadAhead.Pending pending;

		private String resolvedUnit = "";

		Reading(Path file, String name, String period, long id,
				java.util.function.Function<String, SubmissionLedger.Known> currentOf, ReadAhead.Pending pending) {
			this.pending = pending;
			this.file = file;
			this.name = name;
			this.period = period;
			this.id = id;
			this.currentOf = currentOf;
			this.normalizer = new FactNormalizer(SubmissionLoader.this.catalog, SubmissionLoader.this.policy);
		}

		void run() {
			this.facts = FactWriter.create(SubmissionLoader.this.jdbc, SubmissionLoader.this.postgres, this.id,
					FACT_BATCH);
			this.issues = new IssueWriter(SubmissionLoader.this.jdbc, this.id, MAX_ISSUES_STORED);
			this.checks = new CrossChecks(SubmissionLoader.this.policy, this::issue);
			boolean read = false;
			try {
				TableParser parser = new TableParser(SubmissionLoader.this.catalog, this.name, this);
				try {
					this.pending.drainTo(new CountingSink(parser), SubmissionLoader.this.limits.timePerFile());
				}
				finally {
					SubmissionReader reader = this.pending.reader();
					if (reader != null) {
						this.format = reader.format().label();
						this.encoding = reader.encoding();
					}
				}
				if (!this.anyTable) {
					throw new RejectedFileException("file.no-table",
							"文件中没有找到统计表：需要一行表头，含“专项名称/指标/数量”等列名或指标名称（如“发现问题”）");
				}
				this.checks.finish();
				this.facts.finish();
				read = true;
			}
			catch (IOException ex) {
				throw new RejectedFileException("file.unreadable", "文件无法读取：" + ex.getMessage(), ex);
			}
			finally {
				if (!read) {
					this.facts.abort();
				}
			}
			String resolvedUnit = resolveUnit();
			this.resolvedUnit = resolvedUnit;
			UnitNames.periodOf(this.name)
				.filter((p) -> !p.equals(this.period))
				.ifPresent((p) -> issue(
						SubmissionLoader.this.policy.issue(IssueCode.PERIOD_MISMATCH, "", "", p, this.period)));
			SubmissionLedger ledger = SubmissionLoader.this.ledger;
			SubmissionLedger.Known older = this.currentOf.apply(resolvedUnit);
			if (older != null && older.id() != this.id) {
				ledger.replace(older.id(), this.id);
				issue(SubmissionLoader.this.policy.issue(IssueCode.UNIT_RESUBMITTED, "", "", resolvedUnit,
						older.status()));
			}
			this.issues.flush();
			this.totals.write(SubmissionLoader.this.jdbc, this.id);
			ledger.loaded(this.id, resolvedUnit, this.format, this.encoding, this.rows, this.facts.written());
		}

		String unitOrFileName() {
			if (!this.unit.isEmpty()) {
				return SubmissionLoader.this.catalog.unit(this.unit).orElse(this.unit);
			}
			return UnitNames.fromFileName(this.name, SubmissionLoader.this.catalog);
		}

		private String resolveUnit() {
			if (this.unit.isEmpty()) {
				String fromName = UnitNames.fromFileName(this.name, SubmissionLoader.this.catalog);
				if (SubmissionLoader.this.catalog.unit(fromName).isEmpty()) {
					issue(SubmissionLoader.this.policy.issue(IssueCode.UNIT_UNKNOWN, "", "", fromName));
				}
				return fromName;
			}
			Optional<String> known = SubmissionLoader.this.catalog.unit(this.unit);
			if (known.isEmpty()) {
				String[] place = this.unitCell.split("!", 2);
				issue(SubmissionLoader.this.policy.issue(IssueCode.UNIT_UNKNOWN, place[0], place[1], this.unit));
			}
			return known.orElse(this.unit);
		}

		@Override
		public void fact(RawFact raw) {
			this.normalizer.normalize(raw, this::accept, this::issue);
		}

		private void accept(Fact fact) {
			this.checks.accept(fact);
			if (!fact.isDetail()) {
				return;
			}
			if (!fact.mapped()) {
				reportUnmapped(fact);
			}
			else if (fact.kind() != org.huizong.catalog.MetricKind.RATE) {
				this.totals.add(fact);
			}
			this.facts.write(fact);
		}

		private void reportUnmapped(Fact fact) {
			RawFact raw = fact.origin();
			if (fact.campaign().isEmpty()) {
				if (raw.campaign().isBlank()) {
					unmapped(IssueCode.CAMPAIGN_MISSING, raw, raw.cell());
				}
				else {
					unmapped(IssueCode.UNMAPPED_CAMPAIGN, raw, raw.campaign().strip());
				}
			}
			if (fact.metric().isEmpty()) {
				unmapped(IssueCode.UNMAPPED_METRIC, raw, raw.metric().isBlank() ? "（空）" : raw.metric().strip());
			}
			if (fact.source().isEmpty() && !raw.source().isBlank()) {
				unmapped(IssueCode.UNMAPPED_SOURCE, raw, raw.source().strip());
			}
		}

		private void unmapped(IssueCode code, RawFact raw, String name) {
			String key = code.code() + "\u0000" + (code == IssueCode.CAMPAIGN_MISSING ? raw.sheet() : name);
			if (this.unmappedReported.size() < MAX_ISSUES_STORED && this.unmappedReported.add(key)) {
				issue(SubmissionLoader.this.policy.issue(code, raw.sheet(), raw.cell(), name));
			}
		}

		private void issue(Issue issue) {
			if (issue.severity() != Severity.IGNORE) {
				this.issues.write(issue);
			}
		}

		@Override
		public void sheetSkipped(String sheet, String why) {
			issue(SubmissionLoader.this.policy.issue(IssueCode.SHEET_SKIPPED, sheet, "", why));
		}

		@Override
		public void unitNamed(String unit, String sheet, String cell) {
			if (this.unit.isEmpty()) {
				this.unit = unit;
				this.unitCell = sheet + "!" + cell;
			}
		}

		@Override
		public void periodNamed(String period, String sheet, String cell) {
			if (!period.equals(this.period)) {
				issue(SubmissionLoader.this.policy.issue(IssueCode.PERIOD_MISMATCH, sheet, cell, period, this.period));
			}
		}

		/** Counts rows and notices whether any sheet held a table. */
		private final class CountingSink implements RowSink {

			private final TableParser parser;

			CountingSink(TableParser parser) {
				this.parser = parser;
			}

			@Override
			public void startSheet(String sheet) {
				this.parser.startSheet(sheet);
			}

			@Override
			public void row(Row row) {
				Reading.this.rows++;
				this.parser.row(row);
			}

			@Override
			public void endSheet() {
				this.parser.endSheet();
				Reading.this.anyTable |= this.parser.sawTableInLastSheet();
			}

		}

	}

	/** Why a file was rejected, as a clerk reads it. */
	record Rejection(String code, String reason) {

		private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SubmissionLoader.class);

		static Rejection of(Throwable ex) {
			if (ex instanceof RejectedFileException rejected) {
				return new Rejection(rejected.code(), rejected.reason());
			}
			if (ex instanceof OutOfMemoryError || ex instanceof StackOverflowError) {
				return new Rejection("file.too-complex", "文件过于庞大或结构过于复杂，超出处理上限，请检查文件或拆分后重新报送");
			}
			// A reader library's exception on a broken file, or a fault of our own: the
			// file is
			// rejected either way, and the trace is kept for whoever looks into it.
			LOG.warn("文件读取异常，已拒收", ex);
			String detail = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			return new Rejection("file.corrupt",
					"文件已损坏或格式异常，无法读取（" + SubmissionLedger.truncate(detail, 300) + "），请用 Excel 打开后另存为 .xlsx 重新报送");
		}

	}

}
