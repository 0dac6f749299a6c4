package org.huizong.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.Metric;
import org.huizong.normalize.MeasureConverter;
import org.huizong.period.Period;
import org.huizong.issue.IssueCode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds a period's consolidated tables from the current submissions, in the caller's
 * transaction: facts whose names the catalog has learnt since they were loaded are mapped
 * first; detail lines add up per unit, then per campaign; rates are never summed. A
 * quarter, half-year or year holds, per unit, its own submission for that period, or else
 * its figures of the shorter periods inside.
 */
public final class Consolidator {

	private final JdbcTemplate jdbc;

	private final Catalog catalog;

	private final MeasureConverter converter;

	public Consolidator(JdbcTemplate jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.converter = new MeasureConverter(catalog);
	}

	/**
	 * Rebuilds the period's consolidated tables if they are behind its submissions or the
	 * catalog has learnt a name that was unmapped; otherwise leaves them be, so a rerun
	 * over unchanged files costs next to nothing. When it rebuilds them, it rebuilds the
	 * longer periods that hold it too (quarter, half-year, year). The caller holds
	 * {@link #lockNames(String)} for the transaction, so that runs of two months of one
	 * year never rebuild their year at once.
	 * @return whether the tables were rebuilt
	 */
	public boolean consolidate(String period) {
		Period asked = Period.parse(period);
		boolean learnt = catalogLearntAny(period);
		boolean rebuilt = learnt || !upToDate(period);
		if (learnt) {
			mapLearntNames(period);
		}
		if (rebuilt) {
			refreshStatistics();
		}
		List<String> units = (rebuilt && !learnt) ? fewChanged(asked) : null;
		if (makeParts(asked) || rebuilt) {
			rebuild(asked, (known(asked) && !makeParts(asked)) ? units : null);
		}
		boolean below = rebuilt;
		for (Period longer : asked.enclosingAll()) {
			if (makeParts(longer) || below || !known(longer)) {
				rebuild(longer, (known(longer) && !makeParts(longer)) ? units : null);
				below = true;
			}
		}
		this.jdbc.update("DELETE FROM period_unit_changed WHERE period = ?", period);
		catchUp(Period.parse(String.valueOf(asked.year() - 1)));
		return rebuilt;
	}

	/**
	 * The units whose submissions changed since the period was last consolidated, where
	 * they are a few of those it has (a fifth at most) and it was consolidated before;
	 * else {@code null}: every unit is rebuilt.
	 */
	private List<String> fewChanged(Period period) {
		if (!known(period)) {
			return null;
		}
		List<String> changed = this.jdbc.queryForList(
				"SELECT DISTINCT unit FROM period_unit_changed WHERE period = ? ORDER BY unit", String.class,
				period.toString());
		Integer units = this.jdbc.queryForObject(
				"SELECT COUNT(DISTINCT unit) FROM submission WHERE period = ? AND status = 'loaded'", Integer.class,
				period.toString());
		if (changed.isEmpty() || units == null || changed.size() * 5 > units) {
			return null;
		}
		return changed;
	}

	/**
	 * PostgreSQL's statistics of the tables a run has just filled, where a tenth of them
	 * or more changed since they were last taken: without them, until autovacuum comes
	 * by, it plans a period's queries as if {@code fact} were empty and reads the whole
	 * table for each (a report of a million figures waited seconds). A run of a few
	 * files, an upload, does not pay for them.
	 */
	private void refreshStatistics() {
		boolean postgres = Boolean.TRUE.equals(this.jdbc.execute(Databases::isPostgres));
		if (!postgres) {
			return;
		}
		for (String table : List.of("submission", "fact")) {
			List<Boolean> stale = this.jdbc.query(
					"SELECT n_mod_since_analyze > 1000 + n_live_tup / 10 "
							+ "FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = ?",
					(rs, i) -> rs.getBoolean(1), table);
			if (stale.isEmpty() || stale.get(0)) {
				this.jdbc.execute("ANALYZE " + table);
			}
		}
	}

	/**
	 * What the caller locks, in this order, while it consolidates a period: its year,
	 * whose longer periods every month of it rebuilds, and the year before, whose longer
	 * periods it builds where they never were (a database from before there were any).
	 */
	public static List<String> lockNames(String period) {
		int year = Period.parse(period).year();
		return List.of("汇总/" + (year - 1), "汇总/" + year);
	}

	/**
	 * The quarters, half-years and year of a year whose months were consolidated before
	 * longer periods were kept, built once: the comparisons with a year ago read them.
	 */
	private void catchUp(Period year) {
		List<String> months = year.months().stream().map(Period::toString).toList();
		Integer consolidated = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM period_state WHERE period IN (" + Databases.marks(months.size()) + ")",
				Integer.class, months.toArray());
		if (consolidated != null && consolidated > 0 && (makeParts(year) || !known(year))) {
			rebuild(year);
		}
	}

	/**
	 * The shorter periods a longer one sums, built first where they never were.
	 * @return whether any was built
	 */
	private boolean makeParts(Period period) {
		boolean built = false;
		for (Period part : period.parts()) {
			if (!part.isMonth() && (makeParts(part) || !known(part))) {
				rebuild(part);
				built = true;
			}
		}
		return built;
	}

	/**
	 * A period's tables from scratch: each unit's own submission for it, and for a longer
	 * period, each other unit's figures of its parts, summed where the metric adds up
	 * over time and the latest where it is a stock.
	 */
	private void rebuild(Period asked) {
		rebuild(asked, null);
	}

	/**
	 * @param units the units whose rows to rebuild, or {@code null} for every unit; the
	 * campaigns' totals are summed again from the units' rows either way
	 */
	private void rebuild(Period asked, List<String> units) {
		String period = asked.toString();
		String only = (units == null) ? "" : " AND unit IN (" + Databases.marks(units.size()) + ")";
		List<Object> periodAndUnits = new ArrayList<>();
		periodAndUnits.add(period);
		if (units != null) {
			periodAndUnits.addAll(units);
		}
		Object[] args = periodAndUnits.toArray();
		this.jdbc.update("DELETE FROM unmapped_name WHERE period = ?" + only, args);
		for (String[] kind : List.of(
				new String[] { "campaign", "f.campaign = ''",
						"CASE WHEN f.campaign_raw = '' THEN '（无专项名称）' ELSE f.campaign_raw END" },
				new String[] { "metric", "f.metric = ''", "f.metric_raw" },
				new String[] { "source", "f.source = '' AND f.source_raw <> ''", "f.source_raw" })) {
			this.jdbc.update("INSERT INTO unmapped_name (period, unit, kind, name, file_name, first_cell, occurrences) "
					+ "SELECT s.period, s.unit, '" + kind[0] + "', " + kind[2] + ", MIN(s.file_name), "
					+ "MIN(CASE WHEN f.sheet = '' THEN f.cell ELSE f.sheet || '!' || f.cell END), COUNT(*) "
					+ "FROM fact f JOIN submission s ON s.id = f.submission_id "
					+ "WHERE s.period = ? AND s.status = 'loaded' AND s.unmapped_facts > 0 AND NOT f.mapped AND "
					+ kind[1] + only.replace("unit IN", "s.unit IN") + " GROUP BY s.period, s.unit, " + kind[2], args);
		}
		this.jdbc.update("DELETE FROM consolidated_campaign WHERE period = ?", period);
		this.jdbc.update("DELETE FROM consolidated_unit WHERE period = ?" + only, args);
		this.jdbc.update("INSERT INTO consolidated_unit (period, unit, campaign, metric, source, total_value, measure, "
				+ "approx, facts) SELECT s.period, s.unit, t.campaign, t.metric, t.source, SUM(t.total_value), MIN(t.measure), "
				+ "MAX(CASE WHEN t.approx THEN 1 ELSE 0 END) = 1, SUM(t.facts) FROM fact_total t "
				+ "JOIN submission s ON s.id = t.submission_id WHERE s.period = ? AND s.status = 'loaded' "
				+ only.replace("unit IN", "s.unit IN") + "GROUP BY s.period, s.unit, t.campaign, t.metric, t.source",
				args);
		if (!asked.isMonth()) {
			rollUp(asked, units);
		}
		this.jdbc.update(
				"INSERT INTO consolidated_campaign (period, campaign, metric, source, total_value, measure, approx, "
						+ "units) SELECT period, campaign, metric, source, SUM(total_value), MIN(measure), "
						+ "MAX(CASE WHEN approx THEN 1 ELSE 0 END) = 1, COUNT(DISTINCT unit) FROM consolidated_unit "
						+ "WHERE period = ? GROUP BY period, campaign, metric, source",
				period);
		if (this.jdbc.update("UPDATE period_state SET consolidated_version = loaded_version WHERE period = ?",
				period) == 0) {
			this.jdbc.update("INSERT INTO period_state (period, loaded_version, consolidated_version) VALUES (?, 0, 0)",
					period);
		}
	}

	/** The figures of the units that sent nothing for the longer period itself. */
	private void rollUp(Period longer, List<String> units) {
		String period = longer.toString();
		List<String> parts = longer.parts().stream().map(Period::toString).toList();
		List<String> stocks = this.catalog.stockMetrics();
		String own = " AND unit NOT IN (SELECT unit FROM submission WHERE period = ? AND status = 'loaded')"
				+ ((units == null) ? "" : " AND unit IN (" + Databases.marks(units.size()) + ")");
		List<Object> args = new ArrayList<>();
		args.add(period);
		args.addAll(parts);
		args.addAll(stocks);
		args.add(period);
		if (units != null) {
			args.addAll(units);
		}
		this.jdbc.update("INSERT INTO consolidated_unit (period, unit, campaign, metric, source, total_value, measure, "
				+ "approx, facts) SELECT ?, unit, campaign, metric, source, SUM(total_value), MIN(measure), "
				+ "MAX(CASE WHEN approx THEN 1 ELSE 0 END) = 1, SUM(facts) FROM consolidated_unit WHERE period IN ("
				+ Databases.marks(parts.size()) + ")"
				+ (stocks.isEmpty() ? "" : " AND metric NOT IN (" + Databases.marks(stocks.size()) + ")") + own
				+ " GROUP BY unit, campaign, metric, source", args.toArray());
		if (stocks.isEmpty()) {
			return;
		}
		for (int i = parts.size() - 1; i >= 0; i--) {
			List<Object> latest = new ArrayList<>();
			latest.add(period);
			latest.add(parts.get(i));
			latest.addAll(stocks);
			latest.add(period);
			if (units != null) {
				latest.addAll(units);
			}
			latest.add(period);
			this.jdbc.update("INSERT INTO consolidated_unit (period, unit, campaign, metric, source, total_value, "
					+ "measure, approx, facts) SELECT ?, c.unit, c.campaign, c.metric, c.source, c.total_value, "
					+ "c.measure, c.approx, c.facts FROM consolidated_unit c WHERE c.period = ? AND c.metric IN ("
					+ Databases.marks(stocks.size()) + ")"
					+ own.replace("unit NOT IN", "c.unit NOT IN").replace(" AND unit IN", " AND c.unit IN")
					+ " AND NOT EXISTS (SELECT 1 FROM consolidated_unit d WHERE d.period = ? AND d.unit = c.unit "
					+ "AND d.campaign = c.campaign AND d.metric = c.metric AND d.source = c.source)", latest.toArray());
		}
	}

	/** Whether the period's tables were ever built. */
	private boolean known(Period period) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM period_state WHERE period = ?", Integer.class,
				period.toString());
		return count != null && count > 0;
	}

	private boolean upToDate(String period) {
		List<Boolean> state = this.jdbc.query(
				"SELECT loaded_version = consolidated_version FROM period_state WHERE period = ?",
				(rs, i) -> rs.getBoolean(1), period);
		return !state.isEmpty() && state.get(0);
	}

	/** Whether a name left unmapped in the period is one the catalog knows now. */
	private boolean catalogLearntAny(String period) {
		List<String[]> names = this.jdbc.query("SELECT DISTINCT kind, name FROM unmapped_name WHERE period = ?",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, period);
		for (String[] name : names) {
			boolean known = switch (name[0]) {
				case "campaign" -> this.catalog.campaign(name[1]).isPresent();
				case "metric" -> this.catalog.metric(name[1]).isPresent();
				default -> this.catalog.source(name[1]).isPresent();
			};
			if (known) {
				return true;
			}
		}
		return false;
	}

	/** Facts kept as unmapped whose names the catalog now knows are mapped, once. */
	private void mapLearntNames(String period) {
		List<Unmapped> names = this.jdbc.query(
				"SELECT DISTINCT f.campaign_raw, f.metric_raw, f.source_raw, "
						+ "f.measure_written FROM fact f JOIN submission s ON s.id = f.submission_id "
						+ "WHERE s.period = ? AND s.status = 'loaded' AND s.unmapped_facts > 0 AND NOT f.mapped",
				(rs, i) -> new Unmapped(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), period);
		for (Unmapped name : names) {
			Optional<String> campaign = this.catalog.campaign(name.campaign);
			Optional<Metric> metric = this.catalog.metric(name.metric).map(Catalog.MetricMatch::metric);
			Optional<String> source = name.source.isBlank() ? Optional.of("") : this.catalog.source(name.source);
			if (campaign.isEmpty() || metric.isEmpty() || source.isEmpty()) {
				continue;
			}
			Optional<BigDecimal> factor = this.converter.factor(metric.get(), name.measure);
			if (factor.isEmpty()) {
				continue;
			}
			this.jdbc.update("UPDATE fact SET campaign = ?, metric = ?, source = ?, kind = ?, fact_value = amount * ?, "
					+ "measure = ?, mapped = TRUE WHERE NOT mapped AND campaign_raw = ? AND metric_raw = ? AND source_raw = ? "
					+ "AND measure_written = ? AND submission_id IN (SELECT id FROM submission WHERE period = ? AND status = 'loaded')",
					campaign.get(), metric.get().name(), source.get(), metric.get().kind().name(), factor.get(),
					metric.get().measure(), name.campaign, name.metric, name.source, name.measure, period);
			forgetWarning(period, IssueCode.UNMAPPED_CAMPAIGN, name.campaign);
			forgetWarning(period, IssueCode.UNMAPPED_METRIC, name.metric);
			forgetWarning(period, IssueCode.UNMAPPED_SOURCE, name.source);
		}
		this.jdbc.update("UPDATE submission SET unmapped_facts = (SELECT COUNT(*) FROM fact f "
				+ "WHERE f.submission_id = submission.id AND NOT f.mapped) "
				+ "WHERE period = ? AND status = 'loaded' AND unmapped_facts > 0", period);
		String current = "SELECT id FROM submission WHERE period = ? AND status = 'loaded'";
		this.jdbc.update("DELETE FROM fact_total WHERE submission_id IN (" + current + ")", period);
		this.jdbc.update(
				"INSERT INTO fact_total (submission_id, campaign, metric, source, total_value, measure, approx, facts) "
						+ "SELECT submission_id, campaign, metric, source, SUM(fact_value), MIN(measure), "
						+ "MAX(CASE WHEN approx THEN 1 ELSE 0 END) = 1, COUNT(*) FROM fact WHERE mapped AND kind <> 'RATE' "
						+ "AND submission_id IN (" + current + ") GROUP BY submission_id, campaign, metric, source",
				period);
	}

	/** A name the catalog has learnt is no longer reported as unknown. */
	private void forgetWarning(String period, IssueCode code, String name) {
		if (!name.isBlank()) {
			this.jdbc.update(
					"DELETE FROM issue WHERE code = ? AND message = ? AND submission_id IN "
							+ "(SELECT id FROM submission WHERE period = ? AND status = 'loaded')",
					code.code(), code.message(name.strip()), period);
		}
	}

	private record Unmapped(String campaign, String metric, String source, String measure) {
	}

}
