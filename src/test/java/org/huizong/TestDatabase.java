package org.huizong;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh database for one test: an H2 file always, and a PostgreSQL schema of its own
 * when {@code HUIZONG_TEST_PG_URL} is set. There a PostgreSQL that cannot be reached
 * fails the test.
 */
public final class TestDatabase implements AutoCloseable {

	public static final String PG_ENV = "HUIZONG_TEST_PG_URL";

	private final String name;

	private final String url;

	private final Runnable cleanup;

	private TestDatabase(String name, String url, Runnable cleanup) {
		this.name = name;
		this.url = url;
		this.cleanup = cleanup;
	}

	/** The kinds of database every database test runs against. */
	public static List<String> kinds() {
		List<String> kinds = new ArrayList<>(List.of("h2"));
		if (System.getenv(PG_ENV) != null && !System.getenv(PG_ENV).isBlank()) {
			kinds.add("postgresql");
		}
		return kinds;
	}

	public static TestDatabase create(String kind, Path dir) throws IOException, SQLException {
		if (kind.equals("h2")) {
			Path file = Files.createDirectories(dir.resolve("db")).resolve("huizong");
			String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE";
			// Held open for the test's lifetime: this process stays the H2 server that
			// runs in other
			// processes connect to, so no two processes race to open the file.
			Connection anchor = DriverManager.getConnection(url);
			return new TestDatabase(kind, url, () -> {
				try {
					anchor.close();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		String base = System.getenv(PG_ENV);
		String schema = "hz_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(base);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		return new TestDatabase(kind, url, () -> {
			try (Connection connection = DriverManager.getConnection(base);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA " + schema + " CASCADE");
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	public String url() {
		return this.url;
	}

	/** A JDBC template over one connection, for looking at the tables a run left. */
	public <T> T query(java.util.function.Function<JdbcTemplate, T> work) {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(this.url, true);
		try {
			return work.apply(new JdbcTemplate(dataSource));
		}
		finally {
			dataSource.destroy();
		}
	}

	@Override
	public void close() {
		this.cleanup.run();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
