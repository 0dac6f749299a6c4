package org.huizong.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.huizong.issue.Issue;
import org.huizong.issue.Severity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads a run's report back from the run history and the submissions ledger. */
public final class RunReports {

	private final JdbcTemplate jdbc;

	public RunReports(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public RunReport load(long runId) {
		record Head(String period, String status) {
		}
		Head head = this.jdbc.queryForObject("SELECT period, status FROM run WHERE id = ?",
				(rs, i) -> new Head(rs.getString(1), rs.getString(2)), runId);
		Map<Integer, List<Issue>> issues = issues(runId);
		List<FileReport> files = new ArrayList<>();
		this.jdbc.query("SELECT rf.name, rf.outcome, s.unit, s.facts, s.reason, s.reason_code, s.format, s.encoding, "
				+ "s.sha256, s.rows_read, rf.seq, r.file_name FROM run_file rf JOIN submission s ON s.id = rf.submission_id "
				+ "LEFT JOIN submission r ON r.id = s.replaced_by AND s.status = 'replaced' "
				+ "WHERE rf.run_id = ? ORDER BY rf.seq", (rs) -> {
					files.add(new FileReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
							rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
							rs.getInt(10), (rs.getString(12) != null) ? rs.getString(12) : "",
							issues.getOrDefault(rs.getInt(11), List.of())));
				}, runId);
		List<RunReport.Skipped> skipped = this.jdbc.query(
				"SELECT name, reason_code, reason FROM run_skipped WHERE run_id = ? ORDER BY name",
				(rs, i) -> new RunReport.Skipped(rs.getString(1), rs.getString(2), rs.getString(3)), runId);
		return new RunReport(runId, head.period(), head.status(), files, skipped);
	}

	/** The issues of every file of the run, by the file's place in it, in one query. */
	private Map<Integer, List<Issue>> issues(long runId) {
		Map<Integer, List<Issue>> issues = new HashMap<>();
		this.jdbc.query("SELECT rf.seq, i.severity, i.code, i.sheet, i.cell, i.message FROM run_file rf "
				+ "JOIN issue i ON i.submission_id = rf.submission_id WHERE rf.run_id = ? ORDER BY rf.seq, i.id",
				(rs) -> {
					issues.computeIfAbsent(rs.getInt(1), (seq) -> new ArrayList<>())
						.add(new Issue(Severity.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
								rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
				}, runId);
		return issues;
	}

}
