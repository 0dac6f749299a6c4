package org.huizong.report;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.huizong.catalog.Catalog;
import org.huizong.load.Databases;
import org.huizong.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who sent what for a period: per unit of the roster (and any other unit that sent), its
 * current file for the period or each month of it, loaded or rejected, with its faults;
 * and which submissions count for the period, the figures of which the report traces.
 */
public final class Roster {

	/**
	 * A unit's file for the period, or one of its months; {@code file} empty when none.
	 */
	public record Entry(String unit, String period, String status, String file, Timestamp receivedAt, int errors,
			int warnings, String reason) {

		public boolean sent() {
			return "loaded".equals(this.status);
		}

		public String statusText() {
			return switch (this.status) {
				case "loaded" -> "已报送";
				case "rejected" -> "被拒收";
				default -> "未报送";
			};
		}

	}

	private final List<Entry> entries;

	private final List<Long> counted;

	private Roster(List<Entry> entries, List<Long> counted) {
		this.entries = entries;
		this.counted = counted;
	}

	/** Per unit (roster order, then others) the entries of the period. */
	public List<Entry> entries() {
		return this.entries;
	}

	/**
	 * The submissions whose figures make the period's: each unit's own for the period,
	 * else those of the shorter periods inside it, by the same rule.
	 */
	public List<Long> counted() {
		return this.counted;
	}

	public static Roster of(JdbcTemplate jdbc, Catalog catalog, Period period) {
		List<String> within = within(period);
		List<Object[]> rows = new ArrayList<>();
		jdbc.query("SELECT s.id, s.unit, s.period, s.status, s.file_name, s.received_at, s.reason, "
				+ "(SELECT COUNT(*) FROM issue i WHERE i.submission_id = s.id AND i.severity = 'error'), "
				+ "(SELECT COUNT(*) FROM issue i WHERE i.submission_id = s.id AND i.severity = 'warning') "
				+ "FROM submission s WHERE s.status IN ('loaded', 'rejected') AND s.period IN ("
				+ Databases.marks(within.size()) + ") ORDER BY s.id", (rs) -> {
					rows.add(new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getTimestamp(6), rs.getString(7), rs.getInt(8), rs.getInt(9) });
				}, within.toArray());
		Map<String, Map<String, Entry>> byUnit = new LinkedHashMap<>();
		catalog.roster().forEach((unit) -> byUnit.put(unit, new LinkedHashMap<>()));
		Map<String, Map<String, Long>> loaded = new HashMap<>();
		for (Object[] row : rows) {
			String unit = (String) row[1];
			String at = (String) row[2];
			Entry entry = new Entry(unit, at, (String) row[3], (String) row[4], (Timestamp) row[5], (Integer) row[7],
					(Integer) row[8], (String) row[6]);
			Map<String, Entry> periods = byUnit.computeIfAbsent(unit, (u) -> new LinkedHashMap<>());
			Entry before = periods.get(at);
			if (before == null || !before.sent() || entry.sent()) {
				periods.put(at, entry);
			}
			if (entry.sent()) {
				loaded.computeIfAbsent(at, (p) -> new HashMap<>()).put(unit, (Long) row[0]);
			}
		}
		List<Entry> entries = new ArrayList<>();
		List<String> shown = new ArrayList<>(period.isMonth() ? List.of(period.toString())
				: period.months().stream().map(Period::toString).toList());
		byUnit.forEach((unit, periods) -> {
			for (String at : shown) {
				entries.add(periods.getOrDefault(at, new Entry(unit, at, "", "", null, 0, 0, "")));
			}
			periods.forEach((at, entry) -> {
				if (!shown.contains(at)) {
					entries.add(entry);
				}
			});
		});
		return new Roster(entries,
				new ArrayList<>(counted(period, loaded).values().stream().flatMap(List::stream).toList()));
	}

	private static Map<String, List<Long>> counted(Period period, Map<String, Map<String, Long>> loaded) {
		Map<String, List<Long>> counted = new LinkedHashMap<>();
		loaded.getOrDefault(period.toString(), Map.of())
			.forEach((unit, id) -> counted.computeIfAbsent(unit, (u) -> new ArrayList<>()).add(id));
		Set<String> own = Set.copyOf(counted.keySet());
		for (Period part : period.parts()) {
			counted(part, loaded).forEach((unit, ids) -> {
				if (!own.contains(unit)) {
					counted.computeIfAbsent(unit, (u) -> new ArrayList<>()).addAll(ids);
				}
			});
		}
		return counted;
	}

	/** The period and every shorter period inside it. */
	static List<String> within(Period period) {
		List<String> all = new ArrayList<>();
		all.add(period.toString());
		for (Period part : period.parts()) {
			all.addAll(within(part));
		}
		return all;
	}

}
