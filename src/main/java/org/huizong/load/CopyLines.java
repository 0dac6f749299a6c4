package org.huizong.load;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Lines of a PostgreSQL COPY in text format on the transaction's connection, each field
 * encoded straight into the send buffer as UTF-8 and sent as the buffer fills, so the
 * database stores them while the caller still makes them. A failure of the database is
 * raised as a {@link org.springframework.dao.DataAccessException}.
 */
final class CopyLines {

	private static final int SEND_BYTES = 64 * 1024;

	/* Characters of a text encoded between checks for room: the buffer holds them. */
	private static final int SEGMENT = 4 * 1024;

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final String sql;

	private final byte[] buffer = new byte[SEND_BYTES + 16 * 1024];

	/* The names of the line before and their encoding, a slot for each name column. */
	private final String[] names;

	private final byte[][] encodedNames;

	private int size;

	private boolean lineStarted;

	private Connection connection;

	private CopyIn copy;

	/**
	 * Lines for {@code columns} of {@code table}, with {@code nameSlots} columns written
	 * through {@link #name}.
	 */
	CopyLines(JdbcTemplate jdbc, String table, String columns, int nameSlots) {
		this.jdbc = jdbc;
		this.dataSource = jdbc.getDataSource();
		this.sql = "COPY " + table + " (" + columns + ") FROM STDIN";
		this.names = new String[nameSlots];
		this.encodedNames = new byte[nameSlots][];
	}

	/**
	 * Copies rows of parameters, as a batch of inserts would take them: numbers, text,
	 * {@link BigDecimal}s and booleans; {@code null} is SQL's NULL.
	 */
	static void copy(JdbcTemplate jdbc, String table, String columns, List<Object[]> rows) {
		CopyLines lines = new CopyLines(jdbc, table, columns, 0);
		try {
			for (Object[] row : rows) {
				for (Object value : row) {
					lines.value(value);
				}
				lines.endLine();
			}
			lines.finish();
		}
		catch (RuntimeException | Error ex) {
			lines.abort();
			throw ex;
		}
	}

	private void value(Object value) {
		if (value == null) {
			separate();
			ascii("\\N");
		}
		else if (value instanceof Long || value instanceof Integer) {
			number(((Number) value).longValue());
		}
		else if (value instanceof BigDecimal decimal) {
			decimal(decimal);
		}
		else if (value instanceof Boolean bool) {
			bool(bool);
		}
		else if (value instanceof String text) {
			text(text, Integer.MAX_VALUE);
		}
		else {
			throw new IllegalArgumentException("COPY 不支持的值类型：" + value.getClass().getName());
		}
	}

	void number(long value) {
		separate();
		ascii(Long.toString(value));
	}

	void decimal(BigDecimal value) {
		if (value.scale() == 0 && value.precision() < 19) {
			number(value.longValue());
		}
		else {
			separate();
			ascii(value.toPlainString());
		}
	}

	void bool(boolean value) {
		separate();
		put(value ? (byte) 't' : (byte) 'f');
	}

	/**
	 * A field that mostly repeats the line before's, such as a campaign: encoded once
	 * while it stays the same.
	 */
	void name(int slot, String value, int max) {
		separate();
		String previous = this.names[slot];
		/*
		 * The same name as the line before, mostly the same string or an empty one; told
		 * without a call where it can be, this running for every column of every fact.
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
			ensure(3 * Math.min(value.length(), max) + 1);
			int start = this.size;
			encode(value, max);
			this.names[slot] = value;
			this.encodedNames[slot] = Arrays.copyOfRange(this.buffer, start, this.size);
		}
	}

	/**
	 * A text field, cut to {@code max} characters, escaped for COPY's text format. A NUL,
	 * which PostgreSQL text cannot hold, is left out.
	 */
	void text(String value, int max) {
		separate();
		encode(value, max);
	}

	/** Ends the line; the buffer goes out once it is full enough. */
	void endLine() {
		put((byte) '\n');
		this.lineStarted = false;
		if (this.size >= SEND_BYTES) {
			send();
		}
	}

	/* A tab before every field but a line's first. */
	private void separate() {
		if (this.lineStarted) {
			put((byte) '\t');
		}
		this.lineStarted = true;
	}

	private void ascii(String value) {
		ensure(value.length());
		for (int i = 0; i < value.length(); i++) {
			this.buffer[this.size++] = (byte) value.charAt(i);
		}
	}

	private void encode(String value, int max) {
		String cut = (value.length() <= max) ? value : SubmissionLedger.truncate(value, max);
		int i = 0;
		while (i < cut.length()) {
			int end = Math.min(cut.length(), i + SEGMENT);
			/*
			 * At most three bytes a character: an escape is two, a surrogate pair four,
			 * one more than three if its second half is past the segment.
			 */
			ensure(3 * (end - i) + 1);
			for (; i < end; i++) {
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

	/**
	 * Sends what is still held; the lines are then in the database (in the caller's
	 * transaction), and the connection is free for other statements again.
	 */
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

	/** Gives up after a failure, leaving the connection usable for the rollback. */
	void abort() {
		this.size = 0;
		if (this.copy != null) {
			try {
				if (this.copy.isActive()) {
					this.copy.cancelCopy();
				}
			}
			catch (SQLException ex) {
				// the copy failed on the server already; the rollback that follows clears
				// it
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
