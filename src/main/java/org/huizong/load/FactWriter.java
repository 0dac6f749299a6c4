package org.huizong.load;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.huizong.normalize.Fact;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the facts of a few submissions, so that memory holds one batch, not the files:
 * through one PostgreSQL COPY for the lot where the database is PostgreSQL, as batched
 * inserts elsewhere. Both write in the caller's transaction; a failure of the database is
 * raised as a {@link org.springframework.dao.DataAccessException}.
 */
abstract class FactWriter {

	static final String COLUMNS = "submission_id, sheet, cell, campaign, metric, source, campaign_raw, metric_raw, "
			+ "source_raw, kind, amount, measure_written, fact_value, measure, approx, mapped, raw_text";

	/* Widths of the fact table's text columns (V2). */
	private static final int NAME = 200;

	private static final int RAW_NAME = 500;

	private static final int MEASURE = 100;

	private static final int RAW_TEXT = 1000;

	static FactWriter create(JdbcTemplate jdbc, boolean postgres, int batchSize) {
		return create(jdbc, postgres, batchSize, "fact");
	}

	/**
	 * A writer into {@code table}, a table of the fact table's shape (the benchmark's
	 * copy of it).
	 */
	static FactWriter create(JdbcTemplate jdbc, boolean postgres, int batchSize, String table) {
		return postgres ? new Copy(jdbc, table) : new Inserts(jdbc, batchSize, table);
	}

	abstract void write(long submissionId, Fact fact);

	/**
	 * Sends what is still held; the facts are then in the database (in the caller's
	 * transaction). The connection is free for other statements again.
	 */
	abstract void finish();

	/** Gives up after a failure, leaving the connection usable for the rollback. */
	abstract void abort();

	static String cut(String text, int max) {
		return SubmissionLedger.truncate(text, max);
	}

	/** Batched {@code INSERT}s, each parameter set with its own type. */
	private static final class Inserts extends FactWriter {

		private record Row(long submissionId, Fact fact) {
		}

		private final String insert;

		private final JdbcTemplate jdbc;

		private final List<Row> batch = new ArrayList<>();

		private final int batchSize;

		Inserts(JdbcTemplate jdbc, int batchSize, String table) {
			this.insert = "INSERT INTO " + table + " (" + COLUMNS
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
			this.jdbc = jdbc;
			this.batchSize = batchSize;
		}

		@Override
		void write(long submissionId, Fact fact) {
			this.batch.add(new Row(submissionId, fact));
			if (this.batch.size() >= this.batchSize) {
				send();
			}
		}

		private void send() {
			if (!this.batch.isEmpty()) {
				this.jdbc.batchUpdate(this.insert, this.batch, this.batch.size(), Inserts::set);
				this.batch.clear();
			}
		}

		private static void set(PreparedStatement ps, Row row) throws SQLException {
			Fact fact = row.fact();
			ps.setLong(1, row.submissionId());
			ps.setString(2, cut(fact.origin().sheet(), NAME));
			ps.setString(3, fact.origin().cell());
			ps.setString(4, fact.campaign());
			ps.setString(5, fact.metric());
			ps.setString(6, fact.source());
			ps.setString(7, cut(fact.origin().campaign(), RAW_NAME));
			ps.setString(8, cut(fact.origin().metric(), RAW_NAME));
			ps.setString(9, cut(fact.origin().source(), RAW_NAME));
			ps.setString(10, fact.kind().name());
			ps.setBigDecimal(11, fact.amount());
			ps.setString(12, cut(fact.measureWritten(), MEASURE));
			ps.setBigDecimal(13, fact.value());
			ps.setString(14, cut(fact.measure(), MEASURE));
			ps.setBoolean(15, fact.approx());
			ps.setBoolean(16, fact.mapped());
			ps.setString(17, cut(fact.origin().value().text(), RAW_TEXT));
		}

		@Override
		void finish() {
			send();
		}

		@Override
		void abort() {
			this.batch.clear();
		}

	}

	/**
	 * PostgreSQL's COPY in text format on the transaction's connection, streamed as the
	 * facts come, so the database stores them while files are still being read.
	 */
	private static final class Copy extends FactWriter {

		private final CopyLines lines;

		Copy(JdbcTemplate jdbc, String table) {
			this.lines = new CopyLines(jdbc, table, COLUMNS, 10);
		}

		@Override
		void write(long submissionId, Fact fact) {
			CopyLines lines = this.lines;
			lines.number(submissionId);
			lines.name(0, fact.origin().sheet(), NAME);
			lines.text(fact.origin().cell(), 16);
			lines.name(1, fact.campaign(), NAME);
			lines.name(2, fact.metric(), NAME);
			lines.name(3, fact.source(), NAME);
			lines.name(4, fact.origin().campaign(), RAW_NAME);
			lines.name(5, fact.origin().metric(), RAW_NAME);
			lines.name(6, fact.origin().source(), RAW_NAME);
			lines.name(7, fact.kind().name(), 16);
			lines.decimal(fact.amount());
			lines.name(8, fact.measureWritten(), MEASURE);
			lines.decimal(fact.value());
			lines.name(9, fact.measure(), MEASURE);
			lines.bool(fact.approx());
			lines.bool(fact.mapped());
			lines.text(fact.origin().value().text(), RAW_TEXT);
			lines.endLine();
		}

		@Override
		void finish() {
			this.lines.finish();
		}

		@Override
		void abort() {
			this.lines.abort();
		}

	}

}
