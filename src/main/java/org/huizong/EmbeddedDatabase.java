package org.huizong;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.huizong.load.Databases;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded H2 database shared by several processes. The first process to open it
 * serves it to the others ({@code AUTO_SERVER}); when that process ends, their
 * connections break mid-run. So the serving process does not let go of the database while
 * another process is connected: at its end it waits for them, saying so. And H2's own
 * shutdown hook, which would close the database under a run that SIGTERM asked to finish
 * its chunk first, is taken off: the run closes it when it is done.
 */
final class EmbeddedDatabase implements DisposableBean {

	private static final long POLL_MILLIS = 500;

	private final JdbcTemplate jdbc;

	private final PrintStream notes;

	private final boolean h2;

	private final DataSource dataSource;

	EmbeddedDatabase(DataSource dataSource, JdbcTemplate jdbc, PrintStream notes) throws SQLException {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.notes = notes;
		try (Connection connection = dataSource.getConnection()) {
			this.h2 = !Databases.isPostgres(connection) && connection.getMetaData().getURL().startsWith("jdbc:h2:");
		}
		if (this.h2) {
			keepH2FromClosingOnExit();
		}
	}

	/**
	 * H2 2.x registers one shutdown hook ({@code OnExitDatabaseCloser.INSTANCE}) that
	 * closes every open database; with {@code AUTO_SERVER} it cannot be turned off by a
	 * setting. Where its form has changed, the hook stays, as before.
	 */
	private static void keepH2FromClosingOnExit() {
		try {
			Field instance = Class.forName("org.h2.engine.OnExitDatabaseCloser").getDeclaredField("INSTANCE");
			instance.setAccessible(true);
			Runtime.getRuntime().removeShutdownHook((Thread) instance.get(null));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// not this H2: its hook stays
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		if (!this.h2 || !serving() || heldOpenBesides()) {
			return;
		}
		boolean told = false;
		while (others() > 0) {
			if (!told) {
				this.notes.println("另一个进程正在使用本机内嵌数据库，等它用完再退出（否则它的运行会中断）…");
				told = true;
			}
			Thread.sleep(POLL_MILLIS);
		}
	}

	/** Whether this process serves the database to others (its sessions are local). */
	private boolean serving() {
		String server = this.jdbc.queryForObject(
				"SELECT SERVER FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()", String.class);
		return server == null || server.isEmpty();
	}

	/**
	 * Whether something else in this process (not this context's pool) keeps the database
	 * open, so that closing the pool does not close it.
	 */
	private boolean heldOpenBesides() {
		if (!(this.dataSource instanceof HikariDataSource hikari) || hikari.getHikariPoolMXBean() == null) {
			return false;
		}
		Integer local = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SERVER IS NULL OR SERVER = ''", Integer.class);
		return local != null && local > hikari.getHikariPoolMXBean().getTotalConnections();
	}

	private int others() {
		try {
			Integer count = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SERVER IS NOT NULL AND SERVER <> ''",
					Integer.class);
			return (count != null) ? count : 0;
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

}
