package org.huizong.report;

import java.util.ArrayList;
import java.util.List;

import org.huizong.load.Databases;
import org.huizong.period.Period;

/**
 * A period's figures beside those of the period before, the same period a year earlier
 * and the year to date, read from the consolidated tables the load keeps: each a join on
 * the tables' keys, nothing recomputed from facts.
 *
 * <p>
 * The year to date is January up to the period's end in the fewest whole periods (for
 * 2017-05: 2017-Q1, 2017-04, 2017-05), each of which holds, per unit, its own submission
 * or its months. A metric that adds up is summed over them; a stock takes the latest.
 */
final class Comparisons {

	private static final String KEYS = " AND %1$s.campaign = c.campaign AND %1$s.metric = c.metric "
			+ "AND %1$s.source = c.source";

	private final Period period;

	private final List<String> pieces;

	private final List<String> stocks;

	Comparisons(Period period, List<String> stocks) {
		this.period = period;
		this.pieces = period.yearToDate().stream().map(Period::toString).toList();
		this.stocks = stocks;
	}

	/** The FROM clause of the unit level, with its three compared figures. */
	String unitColumns() {
		String unit = " AND %1$s.unit = c.unit";
		return ", p.total_value, l.total_value, y.total_value FROM consolidated_unit c "
				+ "LEFT JOIN consolidated_unit p ON p.period = ?" + String.format(unit + KEYS, "p")
				+ " LEFT JOIN consolidated_unit l ON l.period = ?" + String.format(unit + KEYS, "l") + " LEFT JOIN ("
				+ yearToDate() + ") y ON y.unit = c.unit" + String.format(KEYS, "y");
	}

	Object[] unitArguments(String period) {
		List<Object> args = new ArrayList<>();
		args.add(this.period.previous().toString());
		args.add(this.period.lastYear().toString());
		args.addAll(yearToDateArguments());
		args.add(period);
		return args.toArray();
	}

	/** The FROM clause of the campaign level: the units' year to date summed. */
	String campaignColumns() {
		return ", p.total_value, l.total_value, y.total_value FROM consolidated_campaign c "
				+ "LEFT JOIN consolidated_campaign p ON p.period = ?" + String.format(KEYS, "p")
				+ " LEFT JOIN consolidated_campaign l ON l.period = ?" + String.format(KEYS, "l")
				+ " LEFT JOIN (SELECT campaign, metric, source, SUM(total_value) AS total_value FROM (" + yearToDate()
				+ ") u GROUP BY campaign, metric, source) y ON 1 = 1" + String.format(KEYS, "y");
	}

	Object[] campaignArguments(String period) {
		return unitArguments(period);
	}

	/** Each unit's year to date: unit, campaign, metric, source, total_value. */
	private String yearToDate() {
		StringBuilder sql = new StringBuilder(
				"SELECT unit, campaign, metric, source, SUM(total_value) AS total_value FROM (");
		sql.append("SELECT unit, campaign, metric, source, total_value FROM consolidated_unit WHERE period IN (")
			.append(Databases.marks(this.pieces.size()))
			.append(")");
		if (!this.stocks.isEmpty()) {
			sql.append(" AND metric NOT IN (").append(Databases.marks(this.stocks.size())).append(")");
			for (int i = 0; i < this.pieces.size(); i++) {
				sql.append(" UNION ALL SELECT s.unit, s.campaign, s.metric, s.source, s.total_value ")
					.append("FROM consolidated_unit s WHERE s.period = ? AND s.metric IN (")
					.append(Databases.marks(this.stocks.size()))
					.append(")");
				int later = this.pieces.size() - i - 1;
				if (later > 0) {
					sql.append(" AND NOT EXISTS (SELECT 1 FROM consolidated_unit n WHERE n.period IN (")
						.append(Databases.marks(later))
						.append(") AND n.unit = s.unit AND n.campaign = s.campaign AND n.metric = s.metric ")
						.append("AND n.source = s.source)");
				}
			}
		}
		return sql.append(") t GROUP BY unit, campaign, metric, source").toString();
	}

	private List<Object> yearToDateArguments() {
		List<Object> args = new ArrayList<>(this.pieces);
		if (!this.stocks.isEmpty()) {
			args.addAll(this.stocks);
			for (int i = 0; i < this.pieces.size(); i++) {
				args.add(this.pieces.get(i));
				args.addAll(this.stocks);
				args.addAll(this.pieces.subList(i + 1, this.pieces.size()));
			}
		}
		return args;
	}

}
