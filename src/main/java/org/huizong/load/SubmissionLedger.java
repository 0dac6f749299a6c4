package org.huizong.load;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The submissions ledger: every file received for a period, known by its sha256, so that
 * no file is ever loaded twice and a unit's newer file replaces its older one.
 */
public final class SubmissionLedger {

	static final String LOADED = "loaded";

	static final String REJECTED = "rejected";

	private final JdbcTemplate jdbc;

	public SubmissionLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A submission of this content for this period, whatever became of it. */
	record Known(long id, String status) {
	}

	/** Every submission of the period, by the digest of its content. */
	Map<String, Known> byDigest(String period) {
		Map<String, Known> known = new HashMap<>();
		this.jdbc.query("SELECT sha256, id, status FROM submission WHERE period = ?", (rs) -> {
			known.put(rs.getString(1).trim(), new Known(rs.getLong(2), rs.getString(3)));
		}, period);
		return known;
	}

	/** Each unit's current submission for the period, with its file name as status. */
	Map<String, Known> currentByUnit(String period) {
		Map<String, Known> current = new HashMap<>();
		this.jdbc.query("SELECT unit, id, file_name FROM submission WHERE period = ? AND status = 'loaded'", (rs) -> {
			current.put(rs.getString(1), new Known(rs.getLong(2), rs.getString(3)));
		}, period);
		return current;
	}

	long open(String period, String fileName, String sha256, Instant received) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var ps = connection.prepareStatement("INSERT INTO submission (period, unit, file_name, sha256, status, "
					+ "reason_code, reason, format, encoding, rows_read, facts, received_at) "
					+ "VALUES (?, '', ?, ?, 'loading', '', '', '', '', 0, 0, ?)", new String[] { "id" });
			ps.setString(1, period);
			ps.setString(2, fileName);
			ps.setString(3, sha256);
			ps.setTimestamp(4, Timestamp.from(received));
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	/**
	 * A known submission read again: its figures and issues go, its place in the ledger
	 * stays.
	 */
	long reopen(long id, String fileName) {
		this.jdbc.update("UPDATE submission SET file_name = ?, status = 'loading', reason_code = '', reason = '', "
				+ "replaced_by = NULL WHERE id = ?", fileName, id);
		return id;
	}

	void clear(long id) {
		this.jdbc.update("DELETE FROM fact WHERE submission_id = ?", id);
		this.jdbc.update("DELETE FROM fact_total WHERE submission_id = ?", id);
		this.jdbc.update("DELETE FROM issue WHERE submission_id = ?", id);
	}

	/** Marks the period's consolidated tables as behind its submissions. */
	public void changed(String period) {
		if (this.jdbc.update("UPDATE period_state SET loaded_version = loaded_version + 1 WHERE period = ?",
				period) == 0) {
			this.jdbc.update("INSERT INTO period_state (period, loaded_version, consolidated_version) VALUES (?, 1, 0)",
					period);
		}
	}

	void loaded(long id, String unit, String format, String encoding, int rows, int facts) {
		this.jdbc.update("UPDATE submission SET unit = ?, status = 'loaded', format = ?, encoding = ?, rows_read = ?, "
				+ "facts = ? WHERE id = ?", unit, format, encoding, rows, facts, id);
	}

	void rejected(long id, String unit, String code, String reason, String format, String encoding) {
		this.jdbc
			.update("UPDATE submission SET unit = ?, status = 'rejected', reason_code = ?, reason = ?, format = ?, "
					+ "encoding = ? WHERE id = ?", unit, code, truncate(reason, 2000), format, encoding, id);
	}

	void replace(long older, long newer) {
		this.jdbc.update("UPDATE submission SET status = 'replaced', replaced_by = ? WHERE id = ?", newer, older);
	}

	static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
