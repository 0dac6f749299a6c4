package org.huizong.load;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.huizong.issue.Issue;
import org.huizong.period.Period;
import org.huizong.validate.HistoryChecks;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A unit's figures of another period, as the consolidated tables hold them (its own
 * submission, or for a longer period its months), and the checks of a file's figures
 * against them.
 */
final class ConsolidatedHistory implements HistoryChecks.History {

	private final JdbcTemplate jdbc;

	private final HistoryChecks checks;

	ConsolidatedHistory(JdbcTemplate jdbc, HistoryChecks checks) {
		this.jdbc = jdbc;
		this.checks = checks;
	}

	/** Checks a unit's figures of the period against its own before and after. */
	void check(Period period, String unit, List<HistoryChecks.Figure> figures, Consumer<Issue> issues) {
		this.checks.check(period, unit, figures, this, issues);
	}

	@Override
	public Map<HistoryChecks.Key, BigDecimal> figures(String unit, Period period) {
		Map<HistoryChecks.Key, BigDecimal> figures = new HashMap<>();
		this.jdbc.query(
				"SELECT campaign, metric, source, total_value FROM consolidated_unit WHERE period = ? AND unit = ?",
				(rs) -> {
					figures.put(new HistoryChecks.Key(rs.getString(1), rs.getString(2), rs.getString(3)),
							rs.getBigDecimal(4));
				}, period.toString(), unit);
		return figures;
	}

}
