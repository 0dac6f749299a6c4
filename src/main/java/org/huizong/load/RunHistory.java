package org.huizong.load;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/** What each run did with each file; the run's id is its job execution's. */
public final class RunHistory {

	private final JdbcTemplate jdbc;

	public RunHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void started(long runId, String period, String inbox, Instant at) {
		this.jdbc.update("INSERT INTO run (id, period, inbox, started_at, status) VALUES (?, ?, ?, ?, 'running')",
				runId, period, inbox, Timestamp.from(at));
	}

	public void finished(long runId, String status, Instant at) {
		this.jdbc.update("UPDATE run SET status = ?, finished_at = ? WHERE id = ?", status, Timestamp.from(at), runId);
	}

	/** A run whose process died: it will never finish by itself. */
	public void interrupted(long runId, Instant at) {
		this.jdbc.update("UPDATE run SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'",
				Timestamp.from(at), runId);
	}

	public int filesRecorded(long runId) {
		Integer max = this.jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM run_file WHERE run_id = ?",
				Integer.class, runId);
		return (max != null) ? max : 0;
	}

	/** Records what became of a chunk's files, numbered on from {@code after}. */
	public void files(long runId, int after, java.util.List<FileOutcome> outcomes) {
		java.util.List<Object[]> rows = new java.util.ArrayList<>(outcomes.size());
		int seq = after;
		for (FileOutcome outcome : outcomes) {
			rows.add(new Object[] { runId, ++seq, FactWriter.cut(outcome.name(), 1000), outcome.outcome().label(),
					outcome.submissionId() });
		}
		this.jdbc.batchUpdate("INSERT INTO run_file (run_id, seq, name, outcome, submission_id) VALUES (?, ?, ?, ?, ?)",
				rows);
	}

}
