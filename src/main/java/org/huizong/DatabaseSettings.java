package org.huizong;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * What a run needs of its database connections, whatever URL the office gives.
 * <ul>
 * <li>PostgreSQL: a server that stops answering ends the run after
 * {@code huizong.db-timeout} instead of hanging it (socket timeout); the server ends a
 * statement or an open transaction that waits that long on a silent client; a connection
 * attempt gives up after 30 seconds, or that timeout if shorter.</li>
 * <li>Embedded H2: shared by several processes ({@code AUTO_SERVER}); see
 * {@link EmbeddedDatabase} for what that takes at exit.</li>
 * </ul>
 */
public final class DatabaseSettings implements BeanPostProcessor {

	static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

	/**
	 * The schema version this build writes: the highest migration under
	 * {@code db/migration} (a test holds the two equal).
	 */
	public static final int SCHEMA_VERSION = 11;

	private final Environment environment;

	DatabaseSettings(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
			String url = hikari.getJdbcUrl();
			if (url.startsWith("jdbc:postgresql:")) {
				long seconds = Math.max(1, timeout(this.environment).toSeconds());
				hikari.addDataSourceProperty("socketTimeout", Long.toString(seconds));
				// the server's side of the same bound: a transaction whose client went
				// silent is ended, and its locks with it, so the next run is not held up
				hikari.addDataSourceProperty("options", "-c statement_timeout=" + seconds + "s"
						+ " -c idle_in_transaction_session_timeout=" + seconds + "s");
				// a new connection through a network that went silent fails as soon
				long connect = Math.min(30, seconds);
				hikari.addDataSourceProperty("connectTimeout", Long.toString(connect));
				hikari.addDataSourceProperty("loginTimeout", Long.toString(connect));
				hikari.setConnectionTimeout(Duration.ofSeconds(Math.max(1, connect)).toMillis());
				hikari.setValidationTimeout(
						Math.min(hikari.getValidationTimeout(), Duration.ofSeconds(connect).toMillis()));
			}
			else {
				hikari.setJdbcUrl(embedded(url));
			}
		}
		return bean;
	}

	/** How long the database may leave a statement unanswered. */
	static Duration timeout(Environment environment) {
		return Binder.get(environment).bind("huizong.db-timeout", Duration.class).orElse(DEFAULT_TIMEOUT);
	}

	/**
	 * A URL for a short look at the database without the application context: H2 as every
	 * process shares it, PostgreSQL with the default timeouts unless the URL has its own.
	 */
	public static String quick(String url) {
		if (!url.startsWith("jdbc:postgresql:")) {
			return embedded(url);
		}
		String seconds = Long.toString(DEFAULT_TIMEOUT.toSeconds());
		StringBuilder settings = new StringBuilder(url);
		if (!url.contains("socketTimeout=")) {
			settings.append(url.contains("?") ? '&' : '?').append("socketTimeout=").append(seconds);
		}
		if (!url.contains("connectTimeout=")) {
			settings.append("&connectTimeout=30");
		}
		return settings.toString();
	}

	/** An H2 file URL with the settings every process sharing it needs. */
	static String embedded(String url) {
		if (!url.startsWith("jdbc:h2:file:") && !url.startsWith("jdbc:h2:./") && !url.startsWith("jdbc:h2:/")
				&& !url.startsWith("jdbc:h2:~")) {
			return url;
		}
		String upper = url.toUpperCase(java.util.Locale.ROOT);
		StringBuilder settings = new StringBuilder(url);
		if (!upper.contains(";AUTO_SERVER=")) {
			settings.append(";AUTO_SERVER=TRUE");
		}
		return settings.toString();
	}

}
