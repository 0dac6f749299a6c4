package org.huizong.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import org.huizong.DatabaseSettings;
import org.huizong.catalog.CatalogLoader;
import org.huizong.report.RunStatus;

/**
 * {@code status} without the application context: a query or two need no job, no reading
 * threads and no schema check, and monitoring calls it often. The database and the
 * catalog are found as the context would find them (the {@code --db} option,
 * {@code SPRING_DATASOURCE_URL}, {@code config/application.properties},
 * {@code HUIZONG_DB_URL}, the embedded default; {@code huizong.catalog} likewise). A
 * database without huizong's tables yet, or anything unexpected, is left to the full
 * start, which creates or upgrades the schema first.
 */
final class QuickStatus {

	private static final String DEFAULT_DB = "jdbc:h2:file:./var/huizong";

	private QuickStatus() {
	}

	/**
	 * Tells the status. @return whether the latest run is healthy, or empty when the full
	 * start must tell it
	 */
	static Optional<Boolean> print(String db, String period, PrintStream out) {
		Properties config = config();
		String url = setting(db, "SPRING_DATASOURCE_URL", config, "spring.datasource.url", "HUIZONG_DB_URL",
				DEFAULT_DB);
		if (url.contains("${")) {
			return Optional.empty();
		}
		String catalog = setting(null, "HUIZONG_CATALOG", config, "huizong.catalog", null, "data/catalog");
		try (Connections dataSource = new Connections(DatabaseSettings.quick(url))) {
			if (!migrated(dataSource)) {
				return Optional.empty();
			}
			RunStatus status = new RunStatus(dataSource, CatalogLoader.load(Path.of(catalog)));
			java.io.ByteArrayOutputStream told = new java.io.ByteArrayOutputStream();
			boolean healthy = status.print(period,
					new PrintStream(told, true, java.nio.charset.StandardCharsets.UTF_8));
			out.print(told.toString(java.nio.charset.StandardCharsets.UTF_8));
			return Optional.of(healthy);
		}
		catch (SQLException | RuntimeException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** Whether the database has huizong's tables at the version this build writes. */
	private static boolean migrated(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT MAX(CAST(\"version\" AS INTEGER)) FROM \"flyway_schema_history\"")) {
			return rs.next() && rs.getInt(1) >= DatabaseSettings.SCHEMA_VERSION;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String setting(String given, String environment, Properties config, String key,
			String fallbackEnvironment, String otherwise) {
		if (given != null) {
			return given;
		}
		if (System.getenv(environment) != null) {
			return System.getenv(environment);
		}
		if (config.getProperty(key) != null) {
			return config.getProperty(key).strip();
		}
		if (fallbackEnvironment != null && System.getenv(fallbackEnvironment) != null) {
			return System.getenv(fallbackEnvironment);
		}
		return otherwise;
	}

	/** The office's settings files of the working directory, the nearer one first. */
	private static Properties config() {
		Properties config = new Properties();
		for (String file : new String[] { "application.properties", "config/application.properties" }) {
			Path path = Path.of(file);
			if (Files.isRegularFile(path)) {
				try (InputStream in = Files.newInputStream(path)) {
					config.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					// the full start reads it again and says what is wrong
				}
			}
		}
		return config;
	}

	/**
	 * One connection straight from the driver, lent out again and again and closed at the
	 * end: Spring's data sources would start the logging a status does not need, and the
	 * embedded database would be opened anew for every connection.
	 */
	private static final class Connections implements DataSource, AutoCloseable {

		private final String url;

		private Connection connection;

		Connections(String url) {
			this.url = url;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.connection == null) {
				this.connection = java.sql.DriverManager.getConnection(this.url);
			}
			Connection shared = this.connection;
			return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("close")) {
							return null;
						}
						try {
							return method.invoke(shared, args);
						}
						catch (java.lang.reflect.InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public java.io.PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(java.io.PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public java.util.logging.Logger getParentLogger() {
			return java.util.logging.Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

		@Override
		public void close() throws SQLException {
			if (this.connection != null) {
				this.connection.close();
			}
		}

	}

}
