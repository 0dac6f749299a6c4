package org.huizong.load;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.Metric;
import org.huizong.normalize.MeasureConverter;
import org.huizong.validate.IssueCode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds a period's consolidated tables from the current submissions, in the caller's
 * transaction: facts whose names the catalog has learnt since they were loaded are mapped first;
 * detail lines add up per unit, then per campaign; rates are never summed.
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

	public void consolidate(String period) {
		mapLearntNames(period);
		this.jdbc.update("DELETE FROM unmapped_name WHERE period = ?", period);
		for (String[] kind : List.of(new String[] { "campaign", "f.campaign = ''", "CASE WHEN f.campaign_raw = '' THEN '（无专项名称）' ELSE f.campaign_raw END" },
				new String[] { "metric", "f.metric = ''", "f.metric_raw" },
				new String[] { "source", "f.source = '' AND f.source_raw <> ''", "f.source_raw" })) {
			this.jdbc.update("INSERT INTO unmapped_name (period, unit, kind, name, file_name, first_cell, occurrences) "
					+ "SELECT s.period, s.unit, '" + kind[0] + "', " + kind[2] + ", MIN(s.file_name), "
					+ "MIN(CASE WHEN f.sheet = '' THEN f.cell ELSE f.sheet || '!' || f.cell END), COUNT(*) "
					+ "FROM fact f JOIN submission s ON s.id = f.submission_id "
					+ "WHERE s.period = ? AND s.status = 'loaded' AND " + kind[1] + " GROUP BY s.period, s.unit, "
					+ kind[2], period);
		}
		this.jdbc.update("DELETE FROM consolidated_campaign WHERE period = ?", period);
		this.jdbc.update("DELETE FROM consolidated_unit WHERE period = ?", period);
		this.jdbc.update("INSERT INTO consolidated_unit (period, unit, campaign, metric, source, total_value, measure, "
				+ "approx, facts) SELECT s.period, s.unit, f.campaign, f.metric, f.source, SUM(f.fact_value), MIN(f.measure), "
				+ "MAX(CASE WHEN f.approx THEN 1 ELSE 0 END) = 1, COUNT(*) FROM fact f JOIN submission s ON s.id = f.submission_id "
				+ "WHERE s.period = ? AND s.status = 'loaded' AND f.mapped AND f.kind <> 'RATE' "
				+ "GROUP BY s.period, s.unit, f.campaign, f.metric, f.source", period);
		this.jdbc.update("INSERT INTO consolidated_campaign (period, campaign, metric, source, total_value, measure, approx, "
				+ "units) SELECT period, campaign, metric, source, SUM(total_value), MIN(measure), "
				+ "MAX(CASE WHEN approx THEN 1 ELSE 0 END) = 1, COUNT(DISTINCT unit) FROM consolidated_unit "
				+ "WHERE period = ? GROUP BY period, campaign, metric, source", period);
	}

	/** Facts kept as unmapped whose names the catalog now knows are mapped, once. */
	private void mapLearntNames(String period) {
		List<Unmapped> names = this.jdbc.query("SELECT DISTINCT f.campaign_raw, f.metric_raw, f.source_raw, "
				+ "f.measure_written FROM fact f JOIN submission s ON s.id = f.submission_id "
				+ "WHERE s.period = ? AND s.status = 'loaded' AND NOT f.mapped",
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
	}

	/** A name the catalog has learnt is no longer reported as unknown. */
	private void forgetWarning(String period, IssueCode code, String name) {
		if (!name.isBlank()) {
			this.jdbc.update("DELETE FROM issue WHERE code = ? AND message = ? AND submission_id IN "
					+ "(SELECT id FROM submission WHERE period = ? AND status = 'loaded')", code.code(),
					code.message(name.strip()), period);
		}
	}

	private record Unmapped(String campaign, String metric, String source, String measure) {
	}

}
