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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.huizong.catalog.Catalog;
import org.huizong.load.PeriodLock;

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
		List<Run> runs = query("SELECT r.id, r.period, r.started_at, r.finished_at, r.status, "
				+ "SUM(CASE WHEN f.outcome = 'loaded' THEN 1 ELSE 0 END), SUM(CASE WHEN f.outcome = 'unchanged' THEN 1 ELSE 0 END), "
				+ "SUM(CASE WHEN f.outcome = 'rejected' THEN 1 ELSE 0 END) FROM run r LEFT JOIN run_file f ON f.run_id = r.id "
				+ ((period != null) ? "WHERE r.period = ? " : "")
				+ "GROUP BY r.id, r.period, r.started_at, r.finished_at, r.status ORDER BY r.id DESC",
				(rs) -> new Run(rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4), rs.getString(5),
						rs.getInt(6), rs.getInt(7), rs.getInt(8)),
				period);
		if (runs.isEmpty()) {
			out.println((period != null) ? "期间 " + period + " 还没有运行记录" : "还没有运行记录");
			return true;
		}
		out.println("最近的运行：");
		boolean healthy = true;
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
			printUnits(period, out);
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

	private interface RowMapper<T> {

		T map(ResultSet rs) throws SQLException;

	}

	/** The rows of a query with at most one text parameter ({@code null} for none). */
	private <T> List<T> query(String sql, RowMapper<T> mapper, String parameter) throws SQLException {
		List<T> rows = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setString(1, parameter);
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
