package org.huizong.report;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.huizong.catalog.Catalog;
import org.huizong.load.PeriodLock;
import org.huizong.load.Databases;
import org.huizong.period.Period;

/**
 * What the runs did, for a person or for monitoring: recent runs with outcome, duration
 * and files, and for a period which units have submitted. Healthy unless the latest run
 * failed, was stopped, or died (a run still marked running whose process no longer holds
 * the period's lock).
 */
public final class RunStatus {

	private static final int RECENT = 10;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final DataSource dataSource;

	private final Catalog catalog;

	/**
	 * Plain JDBC, without Spring's: {@code status} starts without the application
	 * context, and a JDBC template would start the logging it does not need.
	 */
	public RunStatus(DataSource dataSource, Catalog catalog) {
		this.dataSource = dataSource;
		this.catalog = catalog;
	}

	private record Run(long id, String period, Timestamp started, Timestamp finished, String status, int loaded,
			int unchanged, int rejected) {
	}

	/**
	 * @return whether the latest run (of the period, where one is given) is healthy
	 */
	public boolean print(String period, PrintStream out) throws SQLException, InterruptedException {
		List<String> within = (period != null) ? Roster.within(Period.parse(period)) : List.of();
		List<Run> runs = query("SELECT r.id, r.period, r.started_at, r.finished_at, r.status, "
				+ "SUM(CASE WHEN f.outcome = 'loaded' THEN 1 ELSE 0 END), SUM(CASE WHEN f.outcome = 'unchanged' THEN 1 ELSE 0 END), "
				+ "SUM(CASE WHEN f.outcome = 'rejected' THEN 1 ELSE 0 END) FROM run r LEFT JOIN run_file f ON f.run_id = r.id "
				+ ((period != null) ? "WHERE r.period IN (" + Databases.marks(within.size()) + ") " : "")
				+ "GROUP BY r.id, r.period, r.started_at, r.finished_at, r.status ORDER BY r.id DESC",
				(rs) -> new Run(rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4), rs.getString(5),
						rs.getInt(6), rs.getInt(7), rs.getInt(8)),
				within);
		boolean healthy = true;
		if (runs.isEmpty()) {
			out.println((period != null) ? "期间 " + period + " 还没有运行记录" : "还没有运行记录");
		}
		else {
			out.println("最近的运行：");
		}
		for (int i = 0; i < Math.min(RECENT, runs.size()); i++) {
			Run run = runs.get(i);
			String status = label(run);
			if (i == 0) {
				healthy = status.equals("完成") || status.equals("运行中");
			}
			String took = (run.finished() != null)
					? String.format("%.1f 秒",
							Duration.between(run.started().toInstant(), run.finished().toInstant()).toMillis() / 1000.0)
					: "—";
			out.printf("  #%-5d %s  %s  用时 %-8s %-4s 载入 %d，未变 %d，拒收 %d%n", run.id(), run.period(),
					run.started().toLocalDateTime().format(TIME), took, status, run.loaded(), run.unchanged(),
					run.rejected());
		}
		if (period != null) {
			Period asked = Period.parse(period);
			if (asked.isMonth()) {
				printUnits(period, out);
			}
			else {
				printMonths(asked, within, out);
			}
			printSentBeforeNotNow(asked, out);
		}
		return healthy;
	}

	/** Whether a run of the period is going on now. */
	public boolean isBusy(String period) throws SQLException, InterruptedException {
		return PeriodLock.isHeld(this.dataSource, period);
	}

	private String label(Run run) throws SQLException, InterruptedException {
		return switch (run.status()) {
			case "completed" -> "完成";
			case "stopped" -> "已停止";
			case "interrupted" -> "中断";
			case "running" -> isBusy(run.period()) ? "运行中" : "中断";
			default -> "失败";
		};
	}

	private void printUnits(String period, PrintStream out) throws SQLException {
		Set<String> submitted = new LinkedHashSet<>();
		List<String> lines = query("SELECT unit, file_name, received_at FROM submission "
				+ "WHERE period = ? AND status = 'loaded' ORDER BY unit", (rs) -> {
					submitted.add(rs.getString(1));
					return "  " + Printable.of(rs.getString(1)) + "：" + Printable.of(rs.getString(2)) + "（收到于 "
							+ rs.getTimestamp(3).toLocalDateTime().format(TIME) + "）";
				}, period);
		out.println("期间 " + period + " 已报送的单位（" + submitted.size() + " 个）：");
		lines.forEach(out::println);
		List<String> missing = this.catalog.roster().stream().filter((unit) -> !submitted.contains(unit)).toList();
		if (!missing.isEmpty()) {
			out.println("名册中尚未报送（" + missing.size() + " 个）：" + String.join("、", missing));
		}
	}

	/**
	 * A longer period: per unit, what it sent for each month, and any file of its own for
	 * the quarter, half-year or year.
	 */
	private void printMonths(Period period, List<String> within, PrintStream out) throws SQLException {
		Map<String, Map<String, String>> sent = new TreeMap<>();
		query("SELECT unit, period, status FROM submission WHERE period IN (" + Databases.marks(within.size()) + ")",
				(rs) -> {
					Map<String, String> byPeriod = sent.computeIfAbsent(rs.getString(1), (unit) -> new HashMap<>());
					if (!"已报送".equals(byPeriod.get(rs.getString(2)))) {
						byPeriod.put(rs.getString(2), "loaded".equals(rs.getString(3)) ? "已报送" : "被拒收");
					}
					return null;
				}, within);
		List<String> units = new ArrayList<>(this.catalog.roster());
		sent.keySet().stream().filter((unit) -> !units.contains(unit)).forEach(units::add);
		out.println("期间 " + period + " 各单位逐月报送情况：");
		for (String unit : units) {
			Map<String, String> byPeriod = sent.getOrDefault(unit, Map.of());
			StringBuilder line = new StringBuilder("  ").append(Printable.of(unit)).append("：");
			List<String> months = new ArrayList<>();
			for (Period month : period.months()) {
				months.add(month + " " + byPeriod.getOrDefault(month.toString(), "未报送"));
			}
			line.append(String.join("，", months));
			List<String> longer = within.stream()
				.filter((p) -> !Period.parse(p).isMonth() && byPeriod.containsKey(p))
				.map((p) -> p + " " + byPeriod.get(p))
				.toList();
			if (!longer.isEmpty()) {
				line.append("；整期报送：").append(String.join("，", longer));
			}
			out.println(line);
		}
	}

	/** The units that sent something for the period before and nothing for this one. */
	private void printSentBeforeNotNow(Period period, PrintStream out) throws SQLException {
		List<String> before = Roster.within(period.previous());
		List<String> now = Roster.within(period);
		List<String> args = new ArrayList<>(before);
		args.addAll(now);
		List<String> missing = query("SELECT DISTINCT unit FROM submission WHERE status = 'loaded' AND period IN ("
				+ Databases.marks(before.size())
				+ ") AND unit NOT IN (SELECT unit FROM submission WHERE status = 'loaded' " + "AND period IN ("
				+ Databases.marks(now.size()) + ")) ORDER BY unit", (rs) -> rs.getString(1), args);
		if (!missing.isEmpty()) {
			out.println("上期（" + period.previous() + "）报送、本期尚未报送（" + missing.size() + " 个）："
					+ String.join("、", missing.stream().map(Printable::of).toList()));
		}
	}

	private interface RowMapper<T> {

		T map(ResultSet rs) throws SQLException;

	}

	/** The rows of a query with one text parameter. */
	private <T> List<T> query(String sql, RowMapper<T> mapper, String parameter) throws SQLException {
		return query(sql, mapper, List.of(parameter));
	}

	/** The rows of a query with text parameters. */
	private <T> List<T> query(String sql, RowMapper<T> mapper, List<String> parameters) throws SQLException {
		List<T> rows = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.size(); i++) {
				statement.setString(i + 1, parameters.get(i));
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows.add(mapper.map(rs));
				}
			}
		}
		return rows;
	}

}
