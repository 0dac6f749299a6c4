package org.huizong.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.huizong.catalog.Catalog;
import org.huizong.intake.ReadLimits;
import org.huizong.job.RunLauncher;
import org.huizong.report.RunReports;
import org.huizong.issue.SeverityPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/** The console's own beans, beside the pipeline's. */
@Configuration(proxyBeanMethods = false)
@Profile("web")
class WebConfiguration {

	@Bean
	Accounts accounts(JdbcTemplate jdbc, Clock clock) {
		return new Accounts(jdbc, clock);
	}

	@Bean
	Audit audit(JdbcTemplate jdbc, Clock clock) {
		return new Audit(jdbc, clock);
	}

	@Bean
	Console console(JdbcTemplate jdbc, Catalog catalog, @Value("${huizong.due-day:10}") int dueDay) {
		return new Console(jdbc, catalog, dueDay);
	}

	@Bean
	Uploads uploads(@Value("${huizong.web.inbox:inbox}") String inbox, Catalog catalog, SeverityPolicy policy,
			ReadLimits limits, RunLauncher launcher, RunReports reports, Clock clock, JdbcTemplate jdbc) {
		return new Uploads(Path.of(inbox).toAbsolutePath().normalize(), catalog, policy, limits, launcher, reports,
				clock, Duration.ofMinutes(2), jdbc);
	}

}
