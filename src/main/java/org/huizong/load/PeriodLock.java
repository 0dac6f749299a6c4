package org.huizong.load;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * Keeps two runs of one period from ever interleaving, across processes, with a lock in
 * the database itself: a PostgreSQL advisory lock, or on H2 a row lock on
 * {@code run_lock}. The lock lives on a connection of its own and dies with it, so a
 * killed process never leaves it behind.
 */
public final class PeriodLock implements AutoCloseable {

	private final Connection connection;

	private final boolean postgres;

	private final long key;

	private java.util.concurrent.ScheduledExecutorService heartbeat;

	private PeriodLock(Connection connection, boolean postgres, long key) {
		this.connection = connection;
		this.postgres = postgres;
		this.key = key;
	}

	/**
	 * Takes the period's lock, waiting up to {@code wait} for a run that holds it.
	 * @return the lock, or {@code null} when another run still held it after {@code wait}
	 */
	public static PeriodLock acquire(DataSource dataSource, String period, Duration wait, Consumer<String> notes)
			throws SQLException, InterruptedException {
		Connection connection = dataSource.getConnection();
		try {
			boolean postgres = Databases.isPostgres(connection);
			// advisory locks are the database's, not a schema's: two offices' schemas in
			// one database lock apart
			long key = postgres ? key(connection.getSchema() + "/" + period) : key(period);
			if (!postgres) {
				prepareRow(connection, period);
			}
			long deadline = System.nanoTime() + wait.toNanos();
			boolean told = false;
			while (true) {
				if (postgres ? tryAdvisory(connection, key) : tryRow(connection, period)) {
					return new PeriodLock(connection, postgres, key);
				}
				if (System.nanoTime() - deadline >= 0) {
					connection.close();
					return null;
				}
				if (!told) {
					notes.accept("期间 " + period + " 正有另一次汇总在运行，等待它结束（最多 " + wait.toSeconds() + " 秒）…");
					told = true;
				}
				Thread.sleep(500);
			}
		}
		catch (SQLException | InterruptedException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	/** Whether a run of the period holds the lock now, without taking it. */
	public static boolean isHeld(DataSource dataSource, String period) throws SQLException, InterruptedException {
		PeriodLock lock = acquire(dataSource, period, Duration.ZERO, (note) -> {
		});
		if (lock == null) {
			return true;
		}
		lock.close();
		return false;
	}

	/**
	 * Makes the lock die with a process that stops answering, not only with one that
	 * exits: on PostgreSQL the server ends the lock's session once it has been idle for
	 * {@code timeout}, and while the run is alive a heartbeat keeps it busy. A run cut
	 * off from its database (a network that stops passing packets) so leaves the period
	 * free for the next run after {@code timeout}, instead of holding it for ever.
	 */
	public void keepAlive(Duration timeout) throws SQLException {
		if (!this.postgres) {
			return;
		}
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("SET idle_session_timeout = " + Math.max(1000, timeout.toMillis()));
		}
		long every = Math.max(200, timeout.toMillis() / 4);
		this.heartbeat = java.util.concurrent.Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "huizong-lock-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		this.heartbeat.scheduleWithFixedDelay(this::beat, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
	}

	private void beat() {
		synchronized (this.connection) {
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("SELECT 1");
			}
			catch (SQLException ex) {
				// the connection is gone: the lock went with it, and the run's own
				// statements fail on their own
			}
		}
	}

	@Override
	public void close() throws SQLException {
		if (this.heartbeat != null) {
			this.heartbeat.shutdownNow();
		}
		synchronized (this.connection) {
			unlock();
		}
	}

	private void unlock() throws SQLException {
		try {
			if (this.postgres) {
				if (this.heartbeat != null) {
					try (Statement statement = this.connection.createStatement()) {
						statement.execute("RESET idle_session_timeout");
					}
				}
				try (PreparedStatement unlock = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
					unlock.setLong(1, this.key);
					unlock.execute();
				}
			}
			else {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
			}
		}
		finally {
			this.connection.close();
		}
	}

	private static boolean tryAdvisory(Connection connection, long key) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, key);
			try (ResultSet rs = lock.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private static void prepareRow(Connection connection, String period) throws SQLException {
		connection.setAutoCommit(true);
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO run_lock (period) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM run_lock WHERE period = ?)")) {
			insert.setString(1, period);
			insert.setString(2, period);
			insert.executeUpdate();
		}
		catch (SQLException ex) {
			// another process inserted the row at the same moment; it is there either way
		}
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LOCK_TIMEOUT 200");
		}
	}

	private static boolean tryRow(Connection connection, String period) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT period FROM run_lock WHERE period = ? FOR UPDATE")) {
			select.setString(1, period);
			select.executeQuery().close();
			return true;
		}
		catch (SQLException ex) {
			connection.rollback();
			if (ex.getErrorCode() == 50200 || String.valueOf(ex.getSQLState()).startsWith("HYT")) {
				return false;
			}
			throw ex;
		}
	}

	static long key(String period) {
		long hash = 1125899906842597L;
		for (byte b : ("huizong/" + period).getBytes(StandardCharsets.UTF_8)) {
			hash = 31 * hash + b;
		}
		return hash;
	}

}
