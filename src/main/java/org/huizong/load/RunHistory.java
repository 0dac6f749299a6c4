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

	/**
	 * The files that the earlier executions of a run (a run restarted) went through.
	 */
	public java.util.Set<String> filesDoneBefore(long jobInstanceId, long runId) {
		return new java.util.HashSet<>(
				this.jdbc.queryForList(
						"SELECT rf.name FROM run_file rf JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = rf.run_id "
								+ "WHERE e.JOB_INSTANCE_ID = ? AND rf.run_id <> ?",
						String.class, jobInstanceId, runId));
	}

	/**
	 * Records the files of the inbox the run did not read, each as name, reason code and
	 * reason.
	 */
	public void skipped(long runId, java.util.List<String[]> files) {
		this.jdbc.update("DELETE FROM run_skipped WHERE run_id = ?", runId);
		this.jdbc.batchUpdate("INSERT INTO run_skipped (run_id, name, reason_code, reason) VALUES (?, ?, ?, ?)",
				files.stream()
					.map((f) -> new Object[] { runId, FactWriter.cut(f[0], 1000), f[1], FactWriter.cut(f[2], 2000) })
					.toList());
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
