package org.huizong.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.huizong.catalog.Catalog;
import org.huizong.intake.ReadAhead;
import org.huizong.intake.ReadLimits;
import org.huizong.intake.RejectionReason;
import org.huizong.intake.RejectedFileException;
import org.huizong.intake.Row;
import org.huizong.intake.SubmissionReader;
import org.huizong.intake.SubmissionReaders;
import org.huizong.issue.Issue;
import org.huizong.issue.IssueCode;
import org.huizong.issue.Severity;
import org.huizong.issue.SeverityPolicy;
import org.huizong.normalize.Fact;
import org.huizong.normalize.FactNormalizer;
import org.huizong.table.RawFact;
import org.huizong.table.SheetFacts;
import org.huizong.table.TableParser;

/**
 * One file to facts and issues, with no database and no Spring: its rows go through the
 * table finder, the normaliser and the checks; its detail facts and its issues go to the
 * consumers it is given, as they come; at the end its unit is settled. The nightly load,
 * an upload and a test all read a file through here. A file that cannot be taken ends in
 * a {@link RejectedFileException} with the reason.
 */
public final class SubmissionPipeline implements ReadAhead.Pipeline, SheetFacts {

	/** Each unknown name is told once a file, and at most this many of them. */
	private static final int MAX_UNMAPPED_TOLD = 1000;

	private final String name;

	private final String period;

	private final Catalog catalog;

	private final SeverityPolicy policy;

	private final Consumer<Fact> details;

	private final Consumer<Issue> issues;

	private final FactNormalizer normalizer;

	private final ValueChecks values;

	private final CrossChecks checks;

	private final TableParser parser;

	private final Set<String> unmappedTold = new HashSet<>();

	/* Made once: a method reference made on every figure costs. */
	private final Consumer<Fact> accepted = this::accept;

	private final Consumer<Issue> issued = this::issue;

	private String unitWritten = "";

	private String unitSheet = "";

	private String unitCell = "";

	private String unit = "";

	private int rows;

	private int unmapped;

	private boolean anyTable;

	/**
	 * @param name the file's path relative to the inbox, as reports name it: it may name
	 * the unit and the period
	 * @param period the period the file is read for
	 * @param details receives every detail fact (totals rows are checked, not handed on)
	 * @param issues receives every issue whose severity is not {@code ignore}
	 */
	public SubmissionPipeline(String name, String period, Catalog catalog, SeverityPolicy policy,
			Consumer<Fact> details, Consumer<Issue> issues) {
		this.name = name;
		this.period = period;
		this.catalog = catalog;
		this.policy = policy;
		this.details = details;
		this.issues = issues;
		this.normalizer = new FactNormalizer(catalog, policy);
		this.values = new ValueChecks(policy, this.issued);
		this.checks = new CrossChecks(policy, this.issued);
		this.parser = new TableParser(catalog, name, this);
	}

	/** What one file holds, read whole on the caller's thread. */
	public record Result(String unit, String format, String encoding, int rows, List<Fact> facts, List<Issue> issues) {
	}

	/**
	 * Reads a file here and now, its facts and issues held in memory: for a caller that
	 * writes no database (a test, an upload checked before it is stored).
	 * @throws RejectedFileException when the file cannot be taken
	 */
	public static Result read(Path file, String name, String period, Catalog catalog, SeverityPolicy policy,
			ReadLimits limits) throws IOException {
		List<Fact> facts = new ArrayList<>();
		List<Issue> issues = new ArrayList<>();
		SubmissionPipeline pipeline = new SubmissionPipeline(name, period, catalog, policy, facts::add, issues::add);
		SubmissionReader reader = SubmissionReaders.open(file, limits);
		ReadAhead.read(reader, pipeline, limits.timePerFile());
		pipeline.finish();
		return new Result(pipeline.unit(), reader.format().label(), reader.encoding(), pipeline.rows(), facts, issues);
	}

	@Override
	public void startSheet(String sheet) {
		this.parser.startSheet(sheet);
	}

	@Override
	public void row(Row row) {
		this.rows++;
		this.parser.row(row);
	}

	@Override
	public void endSheet() {
		this.parser.endSheet();
		this.anyTable |= this.parser.sawTableInLastSheet();
	}

	/**
	 * The file is read: a file without a statistics table is rejected; the checks across
	 * the file are made, and its unit settled.
	 */
	@Override
	public void finish() {
		if (!this.anyTable) {
			throw RejectionReason.NO_TABLE.rejection();
		}
		this.checks.finish();
		this.unit = settleUnit();
		UnitNames.periodOf(this.name)
			.filter((p) -> !p.equals(this.period))
			.ifPresent((p) -> issue(this.policy.issue(IssueCode.PERIOD_MISMATCH, "", "", p, this.period)));
	}

	@Override
	public void fact(RawFact raw) {
		this.normalizer.normalize(raw, this.accepted, this.issued);
	}

	private void accept(Fact fact) {
		if (!this.values.accept(fact)) {
			return;
		}
		this.checks.accept(fact);
		if (!fact.isDetail()) {
			return;
		}
		if (!fact.mapped()) {
			this.unmapped++;
			tellUnmapped(fact);
		}
		this.details.accept(fact);
	}

	private void tellUnmapped(Fact fact) {
		RawFact raw = fact.origin();
		if (fact.campaign().isEmpty()) {
			if (raw.campaign().isBlank()) {
				unmapped(IssueCode.CAMPAIGN_MISSING, raw, raw.cell(), raw.cell());
			}
			else {
				unmapped(IssueCode.UNMAPPED_CAMPAIGN, raw, raw.campaign().strip(), raw.cell());
			}
		}
		if (fact.metric().isEmpty()) {
			unmapped(IssueCode.UNMAPPED_METRIC, raw, raw.metric().isBlank() ? "（空）" : raw.metric().strip(),
					raw.metricCell().isEmpty() ? raw.cell() : raw.metricCell());
		}
		if (fact.source().isEmpty() && !raw.source().isBlank()) {
			unmapped(IssueCode.UNMAPPED_SOURCE, raw, raw.source().strip(), raw.cell());
		}
	}

	private void unmapped(IssueCode code, RawFact raw, String name, String cell) {
		String key = code.code() + "\u0000" + (code == IssueCode.CAMPAIGN_MISSING ? raw.sheet() : name);
		if (this.unmappedTold.size() < MAX_UNMAPPED_TOLD && this.unmappedTold.add(key)) {
			issue(this.policy.issue(code, raw.sheet(), cell, name));
		}
	}

	/** Tells an issue of this file, unless the office ignores its kind. */
	public void issue(Issue issue) {
		if (issue.severity() != Severity.IGNORE) {
			this.issues.accept(issue);
		}
	}

	@Override
	public void sheetSkipped(String sheet, String why) {
		issue(this.policy.issue(IssueCode.SHEET_SKIPPED, sheet, "", why));
	}

	@Override
	public void unitNamed(String unit, String sheet, String cell) {
		if (this.unitWritten.isEmpty()) {
			this.unitWritten = unit;
			this.unitSheet = sheet;
			this.unitCell = cell;
		}
	}

	@Override
	public void periodNamed(String period, String sheet, String cell) {
		if (!period.equals(this.period)) {
			issue(this.policy.issue(IssueCode.PERIOD_MISMATCH, sheet, cell, period, this.period));
		}
	}

	/**
	 * The unit: its {@code 填报单位}, else its file name. A file whose name and {@code 填报单位}
	 * name two different units of the roster is rejected: whose figures it holds cannot
	 * be told.
	 */
	private String settleUnit() {
		String fromName = UnitNames.fromFileName(this.name, this.catalog);
		if (this.unitWritten.isEmpty()) {
			if (this.catalog.unit(fromName).isEmpty()) {
				issue(this.policy.issue(IssueCode.UNIT_UNKNOWN, "", "", fromName));
			}
			return fromName;
		}
		Optional<String> known = this.catalog.unit(this.unitWritten);
		if (known.isEmpty()) {
			issue(this.policy.issue(IssueCode.UNIT_UNKNOWN, this.unitSheet, this.unitCell, this.unitWritten));
		}
		else if (this.catalog.unit(fromName).isPresent() && !fromName.equals(known.get())) {
			throw RejectionReason.UNIT_CONFLICT.rejection(fromName, known.get(),
					this.unitSheet.isEmpty() ? this.unitCell : this.unitSheet + " / " + this.unitCell);
		}
		return known.orElse(this.unitWritten);
	}

	/** The unit, once the file is read (see {@link #finish()}). */
	public String unit() {
		return this.unit;
	}

	/** The unit as far as it is known, for a file rejected before its end. */
	public String unitOrFileName() {
		if (!this.unitWritten.isEmpty()) {
			return this.catalog.unit(this.unitWritten).orElse(this.unitWritten);
		}
		return UnitNames.fromFileName(this.name, this.catalog);
	}

	/** Rows read so far. */
	public int rows() {
		return this.rows;
	}

	/** Detail facts whose campaign, metric or source the catalog does not know. */
	public int unmapped() {
		return this.unmapped;
	}

}
