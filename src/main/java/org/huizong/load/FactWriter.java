package org.huizong.load;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
	 * facts come, so the database stores them while files are still being read. Each line
	 * is encoded straight into the send buffer as UTF-8.
	 */
	private static final class Copy extends FactWriter {

		private static final int SEND_BYTES = 64 * 1024;

		private final JdbcTemplate jdbc;

		private final DataSource dataSource;

		private final String sql;

		private final byte[] buffer = new byte[SEND_BYTES + 16 * 1024];

		/*
		 * The names of the line before and their encoding, a slot for each name column.
		 */
		private final String[] names = new String[10];

		private final byte[][] encodedNames = new byte[10][];

		private int size;

		private Connection connection;

		private CopyIn copy;

		Copy(JdbcTemplate jdbc, String table) {
			this.jdbc = jdbc;
			this.sql = "COPY " + table + " (" + COLUMNS + ") FROM STDIN";
			this.dataSource = jdbc.getDataSource();
		}

		@Override
		void write(long submissionId, Fact fact) {
			number(submissionId);
			name(0, fact.origin().sheet(), NAME);
			field(fact.origin().cell(), 16);
			name(1, fact.campaign(), NAME);
			name(2, fact.metric(), NAME);
			name(3, fact.source(), NAME);
			name(4, fact.origin().campaign(), RAW_NAME);
			name(5, fact.origin().metric(), RAW_NAME);
			name(6, fact.origin().source(), RAW_NAME);
			name(7, fact.kind().name(), 16);
			decimal(fact.amount());
			name(8, fact.measureWritten(), MEASURE);
			decimal(fact.value());
			name(9, fact.measure(), MEASURE);
			ascii(fact.approx() ? "t\t" : "f\t");
			ascii(fact.mapped() ? "t\t" : "f\t");
			text(fact.origin().value().text(), RAW_TEXT);
			put((byte) '\n');
			if (this.size >= SEND_BYTES) {
				send();
			}
		}

		private void number(long value) {
			ascii(Long.toString(value));
			put((byte) '\t');
		}

		private void decimal(BigDecimal value) {
			if (value.scale() == 0 && value.precision() < 19) {
				number(value.longValue());
			}
			else {
				ascii(value.toPlainString());
				put((byte) '\t');
			}
		}

		private void field(String value, int max) {
			text(value, max);
			put((byte) '\t');
		}

		/**
		 * A field that mostly repeats the line before's, such as a campaign: encoded once
		 * while it stays the same.
		 */
		private void name(int slot, String value, int max) {
			String previous = this.names[slot];
			/*
			 * The same name as the line before, mostly the same string or an empty one;
			 * told without a call where it can be, this running for every column of every
			 * fact.
			 */
			if (previous != null && (value == previous
					|| (value.length() == previous.length() && (value.isEmpty() || value.equals(previous))))) {
				byte[] encoded = this.encodedNames[slot];
				ensure(encoded.length);
				System.arraycopy(encoded, 0, this.buffer, this.size, encoded.length);
				this.size += encoded.length;
			}
			else {
				/* Room first, so that the encoding stays in the buffer to be kept. */
				ensure(3 * Math.min(value.length(), max));
				int start = this.size;
				text(value, max);
				this.names[slot] = value;
				this.encodedNames[slot] = java.util.Arrays.copyOfRange(this.buffer, start, this.size);
			}
			put((byte) '\t');
		}

		private void ascii(String value) {
			ensure(value.length());
			for (int i = 0; i < value.length(); i++) {
				this.buffer[this.size++] = (byte) value.charAt(i);
			}
		}

		/**
		 * A text field, cut to {@code max} characters, escaped for COPY's text format and
		 * encoded as UTF-8. A NUL, which PostgreSQL text cannot hold, is left out.
		 */
		private void text(String value, int max) {
			String cut = (value.length() <= max) ? value : cut(value, max);
			/*
			 * At most three bytes a character: an escape is two, a surrogate pair four.
			 */
			ensure(3 * cut.length());
			for (int i = 0; i < cut.length(); i++) {
				char c = cut.charAt(i);
				if (c < 0x80) {
					switch (c) {
						case '\\' -> escaped('\\');
						case '\t' -> escaped('t');
						case '\n' -> escaped('n');
						case '\r' -> escaped('r');
						case '\0' -> {
						}
						default -> this.buffer[this.size++] = (byte) c;
					}
				}
				else if (c < 0x800) {
					this.buffer[this.size++] = (byte) (0xC0 | (c >> 6));
					this.buffer[this.size++] = (byte) (0x80 | (c & 0x3F));
				}
				else if (Character.isHighSurrogate(c) && i + 1 < cut.length()
						&& Character.isLowSurrogate(cut.charAt(i + 1))) {
					int cp = Character.toCodePoint(c, cut.charAt(++i));
					this.buffer[this.size++] = (byte) (0xF0 | (cp >> 18));
					this.buffer[this.size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
					this.buffer[this.size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
					this.buffer[this.size++] = (byte) (0x80 | (cp & 0x3F));
				}
				else if (Character.isSurrogate(c)) {
					this.buffer[this.size++] = (byte) '?';
				}
				else {
					this.buffer[this.size++] = (byte) (0xE0 | (c >> 12));
					this.buffer[this.size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
					this.buffer[this.size++] = (byte) (0x80 | (c & 0x3F));
				}
			}
		}

		private void escaped(char c) {
			this.buffer[this.size++] = '\\';
			this.buffer[this.size++] = (byte) c;
		}

		private void put(byte b) {
			ensure(1);
			this.buffer[this.size++] = b;
		}

		private void ensure(int bytes) {
			if (this.size + bytes > this.buffer.length) {
				send();
			}
		}

		private void send() {
			try {
				if (this.copy == null) {
					this.connection = DataSourceUtils.getConnection(this.dataSource);
					this.copy = this.connection.unwrap(PGConnection.class).getCopyAPI().copyIn(this.sql);
				}
				this.copy.writeToCopy(this.buffer, 0, this.size);
				this.size = 0;
			}
			catch (SQLException ex) {
				throw translate(ex);
			}
		}

		private RuntimeException translate(SQLException ex) {
			RuntimeException translated = this.jdbc.getExceptionTranslator().translate("COPY", this.sql, ex);
			return (translated != null) ? translated
					: new org.springframework.jdbc.UncategorizedSQLException("COPY", this.sql, ex);
		}

		@Override
		void finish() {
			if (this.size > 0) {
				send();
			}
			if (this.copy != null) {
				try {
					this.copy.endCopy();
				}
				catch (SQLException ex) {
					throw translate(ex);
				}
				finally {
					release();
				}
			}
		}

		@Override
		void abort() {
			this.size = 0;
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
