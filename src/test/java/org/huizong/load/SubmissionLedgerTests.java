package org.huizong.load;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;
import org.huizong.catalog.CatalogLoader;
import org.huizong.cli.Cli;
import org.huizong.intake.ReadLimits;
import org.huizong.issue.SeverityPolicy;
import org.huizong.normalize.Fact;
import org.huizong.validate.SubmissionPipeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger of arrivals, and the facts written for them, on both databases. */
class SubmissionLedgerTests {

	private static final String A = "a".repeat(64);

	private static final String B = "b".repeat(64);

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void knowsWhatEachNameHeldLastAndEachUnitsCurrentSubmission(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			new Cli(System.out, System.err).execute("status", "--db", db.url());
			db.query((jdbc) -> {
				SubmissionLedger ledger = new SubmissionLedger(jdbc);
				List<Long> first = ledger.open("2017-06", List.of(new SubmissionLedger.NewFile("小河街道.csv", A),
						new SubmissionLedger.NewFile("大关街道.csv", A)), Instant.now());
				SubmissionLedger.Outcomes outcomes = ledger.new Outcomes();
				outcomes.loaded(first.get(0), "小河街道", "csv", "UTF-8", 2, 1, 0);
				outcomes.loaded(first.get(1), "大关街道", "csv", "UTF-8", 2, 1, 0);
				outcomes.write();
				long second = ledger
					.open("2017-06", List.of(new SubmissionLedger.NewFile("小河街道.csv", B)), Instant.now())
					.get(0);
				SubmissionLedger.Outcomes later = ledger.new Outcomes();
				later.loaded(second, "小河街道", "csv", "UTF-8", 2, 1, 0);
				later.replace(first.get(0), second);
				later.write();

				Map<String, SubmissionLedger.Known> byName = ledger.byName("2017-06");
				assertThat(byName.get("小河街道.csv")).isEqualTo(new SubmissionLedger.Known(second, B, "loaded"));
				assertThat(byName.get("大关街道.csv").sha256()).isEqualTo(A);
				assertThat(ledger.currentByUnit("2017-06")).containsOnlyKeys("小河街道", "大关街道")
					.hasEntrySatisfying("小河街道", (current) -> assertThat(current.id()).isEqualTo(second));
				assertThat(jdbc.queryForObject("SELECT replaced_by FROM submission WHERE id = ?", Long.class,
						first.get(0)))
					.isEqualTo(second);
				assertThat(ledger.byName("2017-07")).isEmpty();
				return null;
			});
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void writesEveryFactOfAFileInBatchesAndTakesThemBackWhenReopened(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			new Cli(System.out, System.err).execute("status", "--db", db.url());
			List<Fact> facts = SubmissionPipeline
				.read(Path.of("data/sample-inbox/2017-06/第一环卫所_2017-06.csv"), "第一环卫所_2017-06.csv", "2017-06",
						CatalogLoader.load(Path.of("data/catalog")), new SeverityPolicy(Map.of()),
						ReadLimits.defaults())
				.facts();
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.url(), true);
			try {
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);
				SubmissionLedger ledger = new SubmissionLedger(jdbc);
				long id = new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute((status) -> {
					long opened = ledger
						.open("2017-06", List.of(new SubmissionLedger.NewFile("x.csv", A)), Instant.now())
						.get(0);
					FactWriter writer = FactWriter.create(jdbc, kind.equals("postgresql"), 2);
					facts.forEach((fact) -> writer.write(opened, fact));
					writer.finish();
					return opened;
				});

				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fact WHERE submission_id = ?", Integer.class, id))
					.isEqualTo(facts.size())
					.isEqualTo(6);
				BigDecimal written = facts.stream().map(Fact::value).reduce(BigDecimal.ZERO, BigDecimal::add);
				assertThat(jdbc.queryForObject("SELECT SUM(fact_value) FROM fact WHERE submission_id = ?",
						BigDecimal.class, id))
					.isEqualByComparingTo(written);
				assertThat(jdbc.queryForList("SELECT raw_text FROM fact WHERE submission_id = ? ORDER BY cell",
						String.class, id))
					.containsExactlyInAnyOrder("280", "120", "1,356", "2000余", "288,000", "3500余处");

				ledger.reopen(Map.of(id, "x.csv"));
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fact WHERE submission_id = ?", Integer.class, id))
					.isZero();
				assertThat(jdbc.queryForObject("SELECT status FROM submission WHERE id = ?", String.class, id))
					.isEqualTo("loading");
			}
			finally {
				dataSource.destroy();
			}
		}
	}

}
