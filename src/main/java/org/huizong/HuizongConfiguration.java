package org.huizong;

import java.time.Clock;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.CatalogLoader;
import org.huizong.intake.ReadLimits;
import org.huizong.job.RunProgress;
import org.huizong.load.Consolidator;
import org.huizong.load.OutputFiles;
import org.huizong.load.RunHistory;
import org.huizong.load.SubmissionLoader;
import org.huizong.report.CsvExport;
import org.huizong.report.Report;
import org.huizong.validate.HistoryChecks;
import org.huizong.report.Feedback;
import org.huizong.report.RunReports;
import org.huizong.report.RunStatus;
import org.huizong.issue.SeverityPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the plain stages into the application; none of them knows Spring. */
@Configuration(proxyBeanMethods = false)
class HuizongConfiguration {

	@Bean
	static DatabaseSettings databaseSettings(org.springframework.core.env.Environment environment) {
		return new DatabaseSettings(environment);
	}

	@Bean
	EmbeddedDatabase embeddedDatabase(javax.sql.DataSource dataSource, JdbcTemplate jdbc) throws java.sql.SQLException {
		return new EmbeddedDatabase(dataSource, jdbc, System.err);
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Bean
	Catalog catalog(HuizongProperties properties) {
		return CatalogLoader.load(properties.catalog());
	}

	@Bean
	SeverityPolicy severityPolicy(HuizongProperties properties) {
		return new SeverityPolicy(properties.severity());
	}

	@Bean
	ReadLimits readLimits(HuizongProperties properties) {
		return new ReadLimits(properties.maxRowsPerSheet(), properties.maxColumns(), properties.maxTextLength(),
				properties.timePerFile(), properties.zipMinInflateRatio(), properties.zipMaxEntrySize())
			.applyToPoi();
	}

	@Bean
	SubmissionLoader submissionLoader(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Catalog catalog,
			SeverityPolicy policy, ReadLimits limits, Clock clock, HuizongProperties properties) {
		return new SubmissionLoader(jdbc, transactionManager, catalog, policy, limits, clock,
				new HistoryChecks(policy, properties.jumpFactor(), properties.jumpFloor()));
	}

	@Bean
	Consolidator consolidator(JdbcTemplate jdbc, Catalog catalog) {
		return new Consolidator(jdbc, catalog);
	}

	@Bean
	RunHistory runHistory(JdbcTemplate jdbc) {
		return new RunHistory(jdbc);
	}

	@Bean
	OutputFiles outputFiles(JdbcTemplate jdbc) {
		return new OutputFiles(jdbc);
	}

	@Bean
	RunReports runReports(JdbcTemplate jdbc) {
		return new RunReports(jdbc);
	}

	@Bean
	Report report(javax.sql.DataSource dataSource, PlatformTransactionManager transactionManager, Catalog catalog,
			HuizongProperties properties) {
		return new Report(dataSource, transactionManager, catalog, properties.officeName(),
				properties.reportTemplates());
	}

	@Bean
	CsvExport csvExport(JdbcTemplate jdbc, Catalog catalog) {
		return new CsvExport(jdbc, catalog);
	}

	@Bean
	Feedback feedback(JdbcTemplate jdbc, ReadLimits limits) {
		return new Feedback(jdbc, limits);
	}

	@Bean
	RunStatus runStatus(javax.sql.DataSource dataSource, Catalog catalog) {
		return new RunStatus(dataSource, catalog);
	}

	@Bean
	RunProgress runProgress() {
		return new RunProgress(System.err, System.console() != null);
	}

}
