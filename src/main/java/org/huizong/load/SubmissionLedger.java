package org.huizong.load;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The submissions ledger: every file received for a period, known by its name and sha256,
 * so that no file is ever loaded twice and a unit's newer file replaces its older one.
 */
public final class SubmissionLedger {

	static final String LOADED = "loaded";

	static final String REJECTED = "rejected";

	private final JdbcTemplate jdbc;

	public SubmissionLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The latest submission that came under one file name, whatever became of it.
	 */
	record Known(long id, String sha256, String status) {
	}

	/**
	 * A unit's current submission.
	 *
	 * @param modified when its file was last modified, for a file read in this run; -1
	 * for one read in an earlier run, which every file arriving now outranks
	 */
	record Current(long id, String fileName, String sha256, long modified) {
	}

	/**
	 * For each file name of the period, the latest submission under it: a file whose
	 * content differs from it has arrived anew, even if that content was seen before.
	 */
	Map<String, Known> byName(String period) {
		Map<String, Known> known = new HashMap<>();
		this.jdbc.query("SELECT file_name, sha256, id, status FROM submission WHERE period = ? ORDER BY id", (rs) -> {
			known.put(rs.getString(1), new Known(rs.getLong(3), rs.getString(2).trim(), rs.getString(4)));
		}, period);
		return known;
	}

	/** Each unit's current submission for the period. */
	Map<String, Current> currentByUnit(String period) {
		Map<String, Current> current = new HashMap<>();
		this.jdbc.query("SELECT unit, id, file_name, sha256 FROM submission WHERE period = ? AND status = 'loaded'",
				(rs) -> {
					current.put(rs.getString(1),
							new Current(rs.getLong(2), rs.getString(3), rs.getString(4).trim(), -1));
				}, period);
		return current;
	}

	/** A file about to be read for the first time. */
	record NewFile(String name, String sha256) {
	}

	/**
	 * Enters files about to be read, all in one batch, as {@code loading}.
	 * @return their ids, in the order given
	 */
	List<Long> open(String period, List<NewFile> files, Instant received) {
		if (files.isEmpty()) {
			return List.of();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		Timestamp at = Timestamp.from(received);
		this.jdbc.batchUpdate((connection) -> connection.prepareStatement("INSERT INTO submission (period, unit, "
				+ "file_name, sha256, status, reason_code, reason, format, encoding, rows_read, facts, received_at) "
				+ "VALUES (?, '', ?, ?, 'loading', '', '', '', '', 0, 0, ?)", new String[] { "id" }),
				new BatchPreparedStatementSetter() {
					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						ps.setString(1, period);
						ps.setString(2, truncate(files.get(i).name(), 1000));
						ps.setString(3, files.get(i).sha256());
						ps.setTimestamp(4, at);
					}

					@Override
					public int getBatchSize() {
						return files.size();
					}
				}, keys);
		List<Long> ids = new ArrayList<>(files.size());
		for (Map<String, Object> key : keys.getKeyList()) {
			Object id = key.containsKey("id") ? key.get("id") : key.get("ID");
			ids.add(((Number) id).longValue());
		}
		if (ids.size() != files.size()) {
			throw new IllegalStateException("submission ids: " + ids.size() + " for " + files.size() + " files");
		}
		return ids;
	}

	/**
	 * Known submissions read again: their figures and issues go, their places in the
	 * ledger stay.
	 * @param files each id with the file name it now has
	 */
	void reopen(Map<Long, String> files) {
		if (files.isEmpty()) {
			return;
		}
		List<Object[]> names = new ArrayList<>(files.size());
		List<Object[]> ids = new ArrayList<>(files.size());
		files.forEach((id, name) -> {
			names.add(new Object[] { truncate(name, 1000), id });
			ids.add(new Object[] { id });
		});
		this.jdbc.batchUpdate(CHANGED, ids);
		this.jdbc.batchUpdate("UPDATE submission SET file_name = ?, status = 'loading', reason_code = '', "
				+ "reason = '', replaced_by = NULL, unmapped_facts = 0 WHERE id = ?", names);
		this.jdbc.batchUpdate("DELETE FROM fact WHERE submission_id = ?", ids);
		this.jdbc.batchUpdate("DELETE FROM fact_total WHERE submission_id = ?", ids);
		this.jdbc.batchUpdate("DELETE FROM issue WHERE submission_id = ?", ids);
	}

	/**
	 * Notes the unit of a submission as changed for its period (before and after a
	 * change).
	 */
	static final String CHANGED = "INSERT INTO period_unit_changed (period, unit) SELECT period, unit FROM submission "
			+ "WHERE id = ?";

	/** Marks the period's consolidated tables as behind its submissions. */
	public void changed(String period) {
		if (this.jdbc.update("UPDATE period_state SET loaded_version = loaded_version + 1 WHERE period = ?",
				period) == 0) {
			this.jdbc.update("INSERT INTO period_state (period, loaded_version, consolidated_version) VALUES (?, 1, 0)",
					period);
		}
	}

	/**
	 * What became of the files read in one batch, held until their facts are written and
	 * then written together.
	 */
	final class Outcomes {

		private final List<Object[]> loaded = new ArrayList<>();

		private final List<Object[]> rejected = new ArrayList<>();

		private final List<Object[]> replaced = new ArrayList<>();

		private final List<Object[]> partial = new ArrayList<>();

		void loaded(long id, String unit, String format, String encoding, int rows, int facts, int unmapped) {
			this.loaded.add(new Object[] { truncate(unit, 200), format, encoding, rows, facts, unmapped, id });
		}

		/**
		 * @param partial whether some of its facts were written before it failed: they go
		 */
		void rejected(long id, String unit, String code, String reason, String format, String encoding,
				boolean partial) {
			this.rejected.add(new Object[] { truncate(unit, 200), code, truncate(reason, 2000), format, encoding, id });
			if (partial) {
				this.partial.add(new Object[] { id });
			}
		}

		void replace(long older, long newer) {
			this.replaced.add(new Object[] { newer, older });
		}

		/**
		 * Writes them: a submission replaced in the batch ends as replaced, even if it
		 * was loaded in the same batch.
		 */
		void write() {
			JdbcTemplate jdbc = SubmissionLedger.this.jdbc;
			if (!this.partial.isEmpty()) {
				jdbc.batchUpdate("DELETE FROM fact WHERE submission_id = ?", this.partial);
			}
			if (!this.loaded.isEmpty()) {
				jdbc.batchUpdate("UPDATE submission SET unit = ?, status = 'loaded', format = ?, encoding = ?, "
						+ "rows_read = ?, facts = ?, unmapped_facts = ? WHERE id = ?", this.loaded);
			}
			if (!this.rejected.isEmpty()) {
				jdbc.batchUpdate("UPDATE submission SET unit = ?, status = 'rejected', reason_code = ?, reason = ?, "
						+ "format = ?, encoding = ? WHERE id = ?", this.rejected);
			}
			if (!this.replaced.isEmpty()) {
				jdbc.batchUpdate("UPDATE submission SET status = 'replaced', replaced_by = ? WHERE id = ?",
						this.replaced);
			}
			List<Object[]> touched = new ArrayList<>();
			this.loaded.forEach((row) -> touched.add(new Object[] { row[row.length - 1] }));
			this.rejected.forEach((row) -> touched.add(new Object[] { row[row.length - 1] }));
			this.replaced.forEach((row) -> {
				touched.add(new Object[] { row[0] });
				touched.add(new Object[] { row[1] });
			});
			if (!touched.isEmpty()) {
				jdbc.batchUpdate(CHANGED, touched);
			}
		}

	}

	/**
	 * Text as a column of {@code max} characters holds it: cut with an ellipsis, and
	 * without NUL characters, which PostgreSQL cannot store.
	 */
	static String truncate(String text, int max) {
		String stored = (text.indexOf('\0') >= 0) ? text.replace("\0", "") : text;
		return (stored.length() <= max) ? stored : stored.substring(0, max - 1) + "…";
	}

}
