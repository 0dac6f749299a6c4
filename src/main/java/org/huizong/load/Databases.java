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

	/**
	 * The ids a few hundred at a time, in order: an {@code IN} list every database takes.
	 */
	public static void inChunks(java.util.List<Long> ids, int size,
			java.util.function.Consumer<java.util.List<Long>> chunk) {
		java.util.List<Long> sorted = new java.util.ArrayList<>(ids);
		java.util.Collections.sort(sorted);
		for (int from = 0; from < sorted.size(); from += size) {
			chunk.accept(sorted.subList(from, Math.min(sorted.size(), from + size)));
		}
	}

}
