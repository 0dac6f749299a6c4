package org.huizong.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;
import org.huizong.catalog.CatalogLoader;
import org.huizong.cli.Cli;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The consolidated tables: details add up per unit, then per campaign; rates never. */
class ConsolidatorTests {

	private static final String HEAD = "\ufeff亮灯设施专项整治情况（2017年6月）\r\n问题来源,发现问题(件),整改问题(件),整改率\r\n";

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void addsUnitsUpAndLeavesRatesToBeDerived(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = Files.createDirectories(this.dir.resolve("inbox"));
			Files.writeString(inbox.resolve("第一环卫所_2017-06.csv"), HEAD + "自查,10,8,80%\r\n督查,约6,6,100%\r\n");
			Files.writeString(inbox.resolve("第二环卫所_2017-06.csv"), HEAD + "自查,5,5,100%\r\n");
			new Cli(System.out, System.err).execute("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db",
					db.url());

			List<String> campaign = db.query((jdbc) -> jdbc.queryForList(
					"SELECT metric || '/' || source || '=' || CAST(CAST(total_value AS INTEGER) AS VARCHAR(20)) || '/' "
							+ "|| CAST(units AS VARCHAR(5)) || '/' || CASE WHEN approx THEN 'approx' ELSE 'exact' END "
							+ "FROM consolidated_campaign WHERE period = '2017-06' ORDER BY metric, source",
					String.class));

			assertThat(campaign).containsExactly("发现问题/督查=6/1/approx", "发现问题/自查=15/2/exact", "整改问题/督查=6/1/exact",
					"整改问题/自查=13/2/exact");
			Integer rates = db.query((jdbc) -> jdbc
				.queryForObject("SELECT COUNT(*) FROM consolidated_unit WHERE metric = '整改率'", Integer.class));
			assertThat(rates).isZero();

			boolean rebuilt = db.query((jdbc) -> consolidator(jdbc).consolidate("2017-06"));
			assertThat(rebuilt).as("nothing changed since").isFalse();
			db.query((jdbc) -> jdbc.update("UPDATE period_state SET loaded_version = loaded_version + 1"));
			boolean behind = db.query((jdbc) -> consolidator(jdbc).consolidate("2017-06"));
			assertThat(behind).isTrue();
		}
	}

	private static Consolidator consolidator(JdbcTemplate jdbc) {
		return new Consolidator(jdbc, CatalogLoader.load(Path.of("data/catalog")));
	}

}
