package org.huizong.validate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.huizong.intake.Cell;
import org.huizong.issue.Issue;
import org.huizong.issue.IssueCode;
import org.huizong.issue.Severity;
import org.huizong.issue.SeverityPolicy;
import org.huizong.period.Period;

/**
 * A unit's figure set against its own figure for the same metric in the period before,
 * and in the period after where that is already loaded: one at least {@code factor} times
 * the other, or at most its {@code factor}-th part, both at least {@code floor}, is told
 * at its cell as {@code value.jump} — 13560 typed for 1356.
 */
public final class HistoryChecks {

	/** The office's thresholds unless it sets its own. */
	public static final BigDecimal DEFAULT_FACTOR = BigDecimal.valueOf(5);

	public static final BigDecimal DEFAULT_FLOOR = BigDecimal.TEN;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** What a figure is of: a campaign, a metric and a problem source (or empty). */
	public record Key(String campaign, String metric, String source) {
	}

	/** One of the unit's figures in the file, at the (first) cell it comes from. */
	public record Figure(Key key, BigDecimal value, String sheet, String cell) {
	}

	/** A unit's consolidated figures of a period, empty where it has none. */
	@FunctionalInterface
	public interface History {

		Map<Key, BigDecimal> figures(String unit, Period period);

	}

	private final SeverityPolicy policy;

	private final BigDecimal factor;

	private final BigDecimal floor;

	public HistoryChecks(SeverityPolicy policy, BigDecimal factor, BigDecimal floor) {
		if (factor.compareTo(BigDecimal.ONE) <= 0) {
			throw new IllegalArgumentException("huizong.jump-factor 应大于 1，设置的是 " + factor.toPlainString());
		}
		this.policy = policy;
		this.factor = factor;
		this.floor = floor;
	}

	/**
	 * @param figures the unit's figures of the file being loaded for {@code period}
	 * @param issues receives a warning for each figure out of line
	 */
	public void check(Period period, String unit, List<Figure> figures, History history, Consumer<Issue> issues) {
		if (this.policy.severityOf(IssueCode.VALUE_JUMP) == Severity.IGNORE
				|| figures.stream().noneMatch((f) -> f.value().compareTo(this.floor) >= 0)) {
			return;
		}
		Period before = period.previous();
		Period after = period.next();
		Map<Key, BigDecimal> previous = history.figures(unit, before);
		Map<Key, BigDecimal> next = history.figures(unit, after);
		for (Figure figure : figures) {
			compare(figure, previous.get(figure.key()), "上期", before, issues);
			compare(figure, next.get(figure.key()), "下期", after, issues);
		}
	}

	private void compare(Figure figure, BigDecimal other, String which, Period otherPeriod, Consumer<Issue> issues) {
		BigDecimal value = figure.value();
		if (other == null || value.compareTo(this.floor) < 0 || other.compareTo(this.floor) < 0) {
			return;
		}
		String how;
		if (value.compareTo(other.multiply(this.factor)) >= 0) {
			how = "是" + which;
			BigDecimal times = value.divide(other, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
			issues.accept(jump(figure, how, otherPeriod, other, Cell.plainDecimal(times) + " 倍"));
		}
		else if (value.multiply(this.factor).compareTo(other) <= 0) {
			how = "仅为" + which;
			BigDecimal percent = value.multiply(HUNDRED)
				.divide(other, MathContext.DECIMAL64)
				.setScale(1, RoundingMode.HALF_UP);
			issues.accept(jump(figure, how, otherPeriod, other, Cell.plainDecimal(percent) + "%"));
		}
	}

	private Issue jump(Figure figure, String how, Period otherPeriod, BigDecimal other, String ratio) {
		Key key = figure.key();
		String label = key.metric() + (key.source().isEmpty() ? "" : "（" + key.source() + "）");
		return this.policy.issue(IssueCode.VALUE_JUMP, figure.sheet(), figure.cell(), label,
				Cell.plainDecimal(figure.value()), how, otherPeriod, Cell.plainDecimal(other), ratio);
	}

}
