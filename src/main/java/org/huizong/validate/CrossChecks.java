package org.huizong.validate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.huizong.catalog.MetricKind;
import org.huizong.intake.Cell;
import org.huizong.issue.Issue;
import org.huizong.issue.IssueCode;
import org.huizong.issue.Severity;
import org.huizong.issue.SeverityPolicy;
import org.huizong.normalize.Fact;

/**
 * The rules that look across figures of one submission: totals rows against their
 * details, 整改问题 against 发现问题, and a unit's own rate against its counts. Keeps one sum a
 * key, so memory grows with the number of campaigns and metrics, not of rows.
 */
public final class CrossChecks {

	static final String FOUND = "发现问题";

	static final String FIXED = "整改问题";

	private static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.5");

	private final SeverityPolicy policy;

	private final Consumer<Issue> issues;

	private final Map<String, Sums> totals = new HashMap<>();

	private final Map<Label, Problems> problems = new LinkedHashMap<>();

	/* The counts and rate of the totals row being read, checked when the row ends. */
	private TotalsRow totalsRow;

	public CrossChecks(SeverityPolicy policy, Consumer<Issue> issues) {
		this.policy = policy;
		this.issues = issues;
	}

	/** Takes each fact in the order of its rows, totals rows included. */
	public void accept(Fact fact) {
		if (this.totalsRow != null && !this.totalsRow.holds(fact)) {
			checkTotalsRowRate();
		}
		if (!fact.isDetail() && !fact.metric().isEmpty() && isProblemFigure(fact)) {
			if (this.totalsRow == null) {
				this.totalsRow = new TotalsRow(fact);
			}
			this.totalsRow.note(fact);
		}
		if (fact.kind() == MetricKind.RATE) {
			if (fact.isDetail() && fact.mapped()) {
				noteProblem(fact);
			}
			return;
		}
		String key = fact.origin().totalsKey();
		Sums sums = this.totals.computeIfAbsent(key, (k) -> new Sums());
		switch (fact.origin().role()) {
			case DETAIL -> {
				sums.add(fact.value());
				if (fact.mapped()) {
					noteProblem(fact);
				}
			}
			case SUBTOTAL -> {
				if (sums.sectionCount > 0) {
					checkTotal(fact, sums.section);
				}
				sums.section = BigDecimal.ZERO;
				sums.sectionCount = 0;
			}
			case TOTAL -> {
				if (sums.allCount > 0) {
					checkTotal(fact, sums.all);
				}
				this.totals.remove(key);
			}
		}
	}

	/** Reports what can only be judged once the whole submission is read. */
	public void finish() {
		if (this.totalsRow != null) {
			checkTotalsRowRate();
		}
		for (Problems p : this.problems.values()) {
			if (p.found != null && p.fixed != null && p.fixed.compareTo(p.found) > 0) {
				report(IssueCode.FIXED_EXCEEDS_FOUND, p.fixedSheet, p.fixedCell, p.label, Cell.plainDecimal(p.fixed),
						Cell.plainDecimal(p.found));
			}
			checkRate(p.label, p.rate, p.rateSheet, p.rateCell, p.fixed, p.found);
		}
	}

	/** A rate as written against 整改问题 ÷ 发现问题 of the same figures. */
	private void checkRate(String label, BigDecimal rate, String sheet, String cell, BigDecimal fixed,
			BigDecimal found) {
		if (rate == null || found == null || fixed == null || found.signum() <= 0) {
			return;
		}
		BigDecimal computed = fixed.multiply(BigDecimal.valueOf(100))
			.divide(found, new MathContext(10))
			.setScale(1, RoundingMode.HALF_UP);
		if (computed.subtract(rate).abs().compareTo(RATE_TOLERANCE) > 0) {
			report(IssueCode.RATE_MISMATCH, sheet, cell, label, Cell.plainDecimal(rate), Cell.plainDecimal(fixed),
					Cell.plainDecimal(found), Cell.plainDecimal(computed));
		}
	}

	/**
	 * A totals row's rate is its own counts' rate: 整改问题 ÷ 发现问题 of that row, never the sum
	 * of the details' rates.
	 */
	private void checkTotalsRowRate() {
		TotalsRow row = this.totalsRow;
		this.totalsRow = null;
		checkRate("“" + row.label + "”行", row.rate, row.sheet, row.rateCell, row.fixed, row.found);
	}

	private static boolean isProblemFigure(Fact fact) {
		return fact.kind() == MetricKind.RATE || FOUND.equals(fact.metric()) || FIXED.equals(fact.metric());
	}

	private void noteProblem(Fact fact) {
		boolean found = FOUND.equals(fact.metric());
		boolean fixed = FIXED.equals(fact.metric());
		boolean rate = fact.kind() == MetricKind.RATE;
		if (!found && !fixed && !rate) {
			return;
		}
		Problems p = this.problems.computeIfAbsent(new Label(fact.campaign(), fact.source()), Problems::new);
		if (found) {
			p.found = (p.found == null) ? fact.value() : p.found.add(fact.value());
		}
		else if (fixed) {
			p.fixed = (p.fixed == null) ? fact.value() : p.fixed.add(fact.value());
			p.fixedSheet = fact.origin().sheet();
			p.fixedCell = fact.origin().cell();
		}
		else {
			p.rate = fact.value();
			p.rateSheet = fact.origin().sheet();
			p.rateCell = fact.origin().cell();
		}
	}

	private void checkTotal(Fact total, BigDecimal sum) {
		if (total.value().compareTo(sum) != 0) {
			String metric = total.metric().isEmpty() ? total.origin().metric() : total.metric();
			report(IssueCode.TOTAL_MISMATCH, total.origin().sheet(), total.origin().cell(), total.origin().rowLabel(),
					metric, Cell.plainDecimal(total.value()), Cell.plainDecimal(sum));
		}
	}

	private void report(IssueCode code, String sheet, String cell, Object... args) {
		Issue issue = this.policy.issue(code, sheet, cell, args);
		if (issue.severity() != Severity.IGNORE) {
			this.issues.accept(issue);
		}
	}

	private static final class Sums {

		BigDecimal section = BigDecimal.ZERO;

		BigDecimal all = BigDecimal.ZERO;

		int sectionCount;

		int allCount;

		void add(BigDecimal value) {
			this.section = this.section.add(value);
			this.all = this.all.add(value);
			this.sectionCount++;
			this.allCount++;
		}

	}

	/*
	 * A campaign and problem source. Written out: a record's generated equals and
	 * hashCode go through method handles, which cost on every fact of a run.
	 */
	private record Label(String campaign, String source) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Label label && this.campaign.equals(label.campaign)
					&& this.source.equals(label.source);
		}

		@Override
		public int hashCode() {
			return this.campaign.hashCode() * 31 + this.source.hashCode();
		}

		@Override
		public String toString() {
			return this.campaign + (this.source.isEmpty() ? "" : "（" + this.source + "）");
		}

	}

	/** The problem figures of one totals row, for one campaign and source. */
	private static final class TotalsRow {

		final String sheet;

		final String row;

		final String label;

		final String campaign;

		final String source;

		BigDecimal found;

		BigDecimal fixed;

		BigDecimal rate;

		String rateCell = "";

		TotalsRow(Fact fact) {
			this.sheet = fact.origin().sheet();
			this.row = rowOf(fact.origin().cell());
			this.label = fact.origin().rowLabel();
			this.campaign = fact.campaign();
			this.source = fact.source();
		}

		boolean holds(Fact fact) {
			return !fact.isDetail() && this.sheet.equals(fact.origin().sheet())
					&& this.row.equals(rowOf(fact.origin().cell())) && this.campaign.equals(fact.campaign())
					&& this.source.equals(fact.source());
		}

		void note(Fact fact) {
			if (fact.kind() == MetricKind.RATE) {
				this.rate = fact.value();
				this.rateCell = fact.origin().cell();
			}
			else if (FOUND.equals(fact.metric())) {
				this.found = (this.found == null) ? fact.value() : this.found.add(fact.value());
			}
			else {
				this.fixed = (this.fixed == null) ? fact.value() : this.fixed.add(fact.value());
			}
		}

		private static String rowOf(String cell) {
			int digits = 0;
			while (digits < cell.length() && !Character.isDigit(cell.charAt(digits))) {
				digits++;
			}
			return cell.substring(digits);
		}

	}

	private static final class Problems {

		final String label;

		BigDecimal found;

		BigDecimal fixed;

		BigDecimal rate;

		String fixedSheet = "";

		String fixedCell = "";

		String rateSheet = "";

		String rateCell = "";

		Problems(Label label) {
			this.label = label.toString();
		}

	}

}
