package org.huizong.load;

import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.huizong.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database filled by an older huizong keeps its meaning after the schema is upgraded.
 */
class SchemaUpgradeTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void submissionsLoadedBeforeTheUpgradeCountTheirUnmappedFacts(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			migrate(db, kind, "6");
			db.query((jdbc) -> {
				jdbc.update("INSERT INTO submission (id, period, unit, file_name, sha256, status, reason_code, reason, "
						+ "format, encoding, rows_read, facts, received_at) VALUES "
						+ "(1, '2017-06', '第一环卫所', 'a.xlsx', REPEAT('a', 64), 'loaded', '', '', 'xlsx', '', 9, 3, "
						+ "CURRENT_TIMESTAMP), (2, '2017-06', '第二环卫所', 'b.xlsx', REPEAT('b', 64), 'rejected', "
						+ "'file.corrupt', '坏了', 'xlsx', '', 0, 0, CURRENT_TIMESTAMP)");
				for (boolean mapped : new boolean[] { true, false, false }) {
					jdbc.update("INSERT INTO fact (submission_id, sheet, cell, campaign, metric, source, campaign_raw, "
							+ "metric_raw, source_raw, kind, amount, measure_written, fact_value, measure, approx, mapped, "
							+ "raw_text) VALUES (1, 'Sheet1', 'C3', '', '', '', '某专项', '某指标', '', 'WORK', 1, '', 1, "
							+ "'', FALSE, ?, '1')", mapped);
				}
				return null;
			});

			migrate(db, kind, "latest");

			List<Integer> unmapped = db
				.query((jdbc) -> jdbc.queryForList("SELECT unmapped_facts FROM submission ORDER BY id", Integer.class));
			assertThat(unmapped).containsExactly(2, 0);
		}
	}

	private static void migrate(TestDatabase db, String kind, String target) {
		Flyway.configure()
			.dataSource(db.url(), null, null)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + kind)
			.target(target)
			.load()
			.migrate();
	}

}
