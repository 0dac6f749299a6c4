package org.huizong.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.huizong.normalize.Fact;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a submission's facts in batches, so that memory holds one batch, not the file:
 * through PostgreSQL's COPY where the database is PostgreSQL, as batched inserts
 * elsewhere. Both write in the caller's transaction.
 */
abstract class FactWriter {

	static final String COLUMNS = "submission_id, sheet, cell, campaign, metric, source, campaign_raw, metric_raw, "
			+ "source_raw, kind, amount, measure_written, fact_value, measure, approx, mapped, raw_text";

	private int written;

	static FactWriter create(JdbcTemplate jdbc, boolean postgres, long submissionId, int batchSize) {
		return create(jdbc, postgres, submissionId, batchSize, "fact");
	}

	/**
	 * A writer into {@code table}, a table of the fact table's shape (the benchmark's
	 * copy of it).
	 */
	static FactWriter create(JdbcTemplate jdbc, boolean postgres, long submissionId, int batchSize, String table) {
		return postgres ? new Copy(jdbc, submissionId, table) : new Inserts(jdbc, submissionId, batchSize, table);
	}

	final void write(Fact fact) {
		add(fact);
		this.written++;
	}

	final int written() {
		return this.written;
	}

	abstract void add(Fact fact);

	/**
	 * Sends what is still held; the facts are then in the database (in the caller's
	 * transaction).
	 */
	abstract void finish();

	/** Gives up after a failure, leaving the connection usable for the rollback. */
	abstract void abort();

	static String cut(String text, int max) {
		return SubmissionLedger.truncate(text, max);
	}

	/** Batched {@code INSERT}s. */
	private static final class Inserts extends FactWriter {

		private final String insert;

		private final JdbcTemplate jdbc;

		private final long submissionId;

		private final List<Object[]> batch = new ArrayList<>();

		private final int batchSize;

		Inserts(JdbcTemplate jdbc, long submissionId, int batchSize, String table) {
			this.insert = "INSERT INTO " + table + " (" + COLUMNS
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
			this.jdbc = jdbc;
			this.submissionId = submissionId;
			this.batchSize = batchSize;
		}

		@Override
		void add(Fact fact) {
			this.batch.add(new Object[] { this.submissionId, cut(fact.origin().sheet(), 200), fact.origin().cell(),
					fact.campaign(), fact.metric(), fact.source(), cut(fact.origin().campaign(), 500),
					cut(fact.origin().metric(), 500), cut(fact.origin().source(), 500), fact.kind().name(),
					fact.amount(), cut(fact.measureWritten(), 100), fact.value(), cut(fact.measure(), 100),
					fact.approx(), fact.mapped(), cut(fact.origin().value().text(), 1000) });
			if (this.batch.size() >= this.batchSize) {
				send();
			}
		}

		private void send() {
			if (!this.batch.isEmpty()) {
				this.jdbc.batchUpdate(this.insert, this.batch);
				this.batch.clear();
			}
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
	 * facts come, so the database stores them while the file is still being read.
	 */
	private static final class Copy extends FactWriter {

		private final DataSource dataSource;

		private final String prefix;

		private static final int SEND_BYTES = 32 * 1024;

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(SEND_BYTES + 4096);

		private final StringBuilder line = new StringBuilder(256);

		private Connection connection;

		private CopyIn copy;

		private final String sql;

		Copy(JdbcTemplate jdbc, long submissionId, String table) {
			this.sql = "COPY " + table + " (" + COLUMNS + ") FROM STDIN";
			this.dataSource = jdbc.getDataSource();
			this.prefix = submissionId + "\t";
		}

		@Override
		void add(Fact fact) {
			StringBuilder l = this.line;
			l.setLength(0);
			l.append(this.prefix);
			field(l, cut(fact.origin().sheet(), 200));
			field(l, fact.origin().cell());
			field(l, fact.campaign());
			field(l, fact.metric());
			field(l, fact.source());
			field(l, cut(fact.origin().campaign(), 500));
			field(l, cut(fact.origin().metric(), 500));
			field(l, cut(fact.origin().source(), 500));
			field(l, fact.kind().name());
			l.append(fact.amount().toPlainString()).append('\t');
			field(l, cut(fact.measureWritten(), 100));
			l.append(fact.value().toPlainString()).append('\t');
			field(l, cut(fact.measure(), 100));
			l.append(fact.approx() ? 't' : 'f').append('\t');
			l.append(fact.mapped() ? 't' : 'f').append('\t');
			escape(l, cut(fact.origin().value().text(), 1000));
			l.append('\n');
			byte[] bytes = l.toString().getBytes(StandardCharsets.UTF_8);
			this.buffer.write(bytes, 0, bytes.length);
			if (this.buffer.size() >= SEND_BYTES) {
				send();
			}
		}

		private static void field(StringBuilder line, String value) {
			escape(line, value);
			line.append('\t');
		}

		private static void escape(StringBuilder line, String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '\\' -> line.append("\\\\");
					case '\t' -> line.append("\\t");
					case '\n' -> line.append("\\n");
					case '\r' -> line.append("\\r");
					default -> line.append(c);
				}
			}
		}

		private void send() {
			try {
				if (this.copy == null) {
					this.connection = DataSourceUtils.getConnection(this.dataSource);
					this.copy = this.connection.unwrap(PGConnection.class).getCopyAPI().copyIn(this.sql);
				}
				byte[] bytes = this.buffer.toByteArray();
				this.copy.writeToCopy(bytes, 0, bytes.length);
				this.buffer.reset();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("写入数据失败：" + ex.getMessage(), ex);
			}
		}

		@Override
		void finish() {
			if (this.buffer.size() > 0) {
				send();
			}
			if (this.copy != null) {
				try {
					this.copy.endCopy();
				}
				catch (SQLException ex) {
					throw new IllegalStateException("写入数据失败：" + ex.getMessage(), ex);
				}
				finally {
					release();
				}
			}
		}

		@Override
		void abort() {
			this.buffer.reset();
			if (this.copy != null) {
				try {
					if (this.copy.isActive()) {
						this.copy.cancelCopy();
					}
				}
				catch (SQLException ex) {
					// the copy failed on the server already; the rollback that follows
					// clears it
				}
				finally {
					release();
				}
			}
		}

		private void release() {
			DataSourceUtils.releaseConnection(this.connection, this.dataSource);
			this.copy = null;
			this.connection = null;
		}

	}

}
