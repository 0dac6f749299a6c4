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
 * {@code huizong.db-timeout} instead of hanging it (socket timeout), and a connection
 * attempt gives up after 30 seconds.</li>
 * <li>Embedded H2: shared by several processes ({@code AUTO_SERVER}); see
 * {@link EmbeddedDatabase} for what that takes at exit.</li>
 * </ul>
 */
final class DatabaseSettings implements BeanPostProcessor {

	static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

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
				hikari.addDataSourceProperty("connectTimeout", "30");
				hikari.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
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
