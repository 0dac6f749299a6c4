package org.huizong.report;

import java.util.ArrayList;
import java.util.List;

import org.huizong.validate.Issue;
import org.huizong.validate.Severity;
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
		List<FileReport> files = new ArrayList<>();
		this.jdbc.query("SELECT rf.name, rf.outcome, s.unit, s.facts, s.reason, s.reason_code, s.format, s.encoding, "
				+ "s.sha256, s.rows_read, s.id FROM run_file rf JOIN submission s ON s.id = rf.submission_id "
				+ "WHERE rf.run_id = ? ORDER BY rf.seq", (rs) -> {
					files.add(new FileReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
							rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
							rs.getInt(10), issues(rs.getLong(11))));
				}, runId);
		return new RunReport(runId, head.period(), head.status(), files);
	}

	private List<Issue> issues(long submissionId) {
		return this.jdbc.query(
				"SELECT severity, code, sheet, cell, message FROM issue WHERE submission_id = ? ORDER BY id",
				(rs, i) -> new Issue(Severity.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
						rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
				submissionId);
	}

}
