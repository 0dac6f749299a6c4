package org.huizong.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.huizong.validate.HistoryChecks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionLoaderTests {

	@TempDir
	Path dir;

	/**
	 * A file that cannot be read when its turn comes (no permission, or taken away since
	 * the inbox was listed) is rejected by name, and the other files of its chunk load.
	 */
	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void aFileThatCannotBeReadIsRejectedByNameAndTheChunkGoesOn(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			new Cli(System.out, System.err).execute("status", "--db", db.url());
			Path good = Files.writeString(this.dir.resolve("第一环卫所_2017-06.csv"),
					"\ufeff专项名称,工作内容,数量,单位\r\n城市家具专项整治,修理果壳箱,12,只\r\n");
			Path gone = this.dir.resolve("第二环卫所_2017-06.csv");
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.url(), true);
			try {
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);
				DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
				SubmissionLoader loader = new SubmissionLoader(jdbc, transactions,
						CatalogLoader.load(Path.of("data/catalog")), new SeverityPolicy(Map.of()),
						ReadLimits.defaults(), Clock.systemDefaultZone(),
						new HistoryChecks(new SeverityPolicy(Map.of()), HistoryChecks.DEFAULT_FACTOR,
								HistoryChecks.DEFAULT_FLOOR));

				List<FileOutcome> outcomes = new TransactionTemplate(transactions).execute((status) -> {
					try (PeriodFiles files = loader.forPeriod("2017-06", false)) {
						return files.load(
								List.of(new SubmissionLoader.Incoming(gone, gone.getFileName().toString(), 0),
										new SubmissionLoader.Incoming(good, good.getFileName().toString(), 0)),
								List.of());
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				});

				assertThat(outcomes).extracting(FileOutcome::outcome).containsExactly(Outcome.REJECTED, Outcome.LOADED);
				assertThat(jdbc.queryForList("SELECT file_name, reason_code, reason FROM submission ORDER BY id"))
					.extracting((row) -> row.get("FILE_NAME") + " " + row.get("REASON_CODE") + " " + row.get("REASON"))
					.containsExactly("第二环卫所_2017-06.csv file.unreadable 文件无法读取（读取前已被移走或删除），请检查文件后重新放入收件箱",
							"第一环卫所_2017-06.csv  ");
			}
			finally {
				dataSource.destroy();
			}
		}
	}

}
