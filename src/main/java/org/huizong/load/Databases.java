package org.huizong.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Where PostgreSQL and H2 differ: loading by COPY, locking by advisory lock. */
public final class Databases {

	private Databases() {
	}

	public static boolean isPostgres(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
	}

	/**
	 * {@code ?, ?, ?}: the placeholders of an {@code IN} list of {@code count} values.
	 */
	public static String marks(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "?"));
	}

}
