package org.huizong.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.huizong.TestDatabase;

/**
 * The data tables as a list of sorted, id-free lines, so that two databases filled in
 * different ways (one run, or a killed run and its recovery) can be compared row for row.
 */
final class TableSnapshot {

	private static final List<String> QUERIES = List.of(
			"SELECT period, unit, file_name, sha256, status, reason_code, reason, format, encoding, rows_read, facts, "
					+ "(SELECT r.file_name FROM submission r WHERE r.id = s.replaced_by) AS replaced_by FROM submission s",
			"SELECT s.file_name, f.sheet, f.cell, f.campaign, f.metric, f.source, f.campaign_raw, f.metric_raw, f.source_raw, "
					+ "f.kind, f.amount, f.measure_written, f.fact_value, f.measure, f.approx, f.mapped, f.raw_text "
					+ "FROM fact f JOIN submission s ON s.id = f.submission_id",
			"SELECT s.file_name, i.severity, i.code, i.sheet, i.cell, i.message FROM issue i JOIN submission s ON s.id = i.submission_id",
			"SELECT * FROM unmapped_name", "SELECT * FROM consolidated_unit", "SELECT * FROM consolidated_campaign");

	private TableSnapshot() {
	}

	static List<List<String>> of(TestDatabase db) {
		return db.query((jdbc) -> {
			List<List<String>> tables = new ArrayList<>();
			for (String sql : QUERIES) {
				List<String> lines = new ArrayList<>();
				for (Map<String, Object> row : jdbc.queryForList(sql)) {
					Map<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
					row.forEach((column, value) -> sorted.put(column.toLowerCase(), text(value)));
					lines.add(sorted.toString());
				}
				lines.sort(null);
				tables.add(lines);
			}
			return tables;
		});
	}

	private static String text(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		return String.valueOf(value);
	}

}
