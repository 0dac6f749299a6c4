package org.huizong.load;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL's COPY text format, as huizong encodes it: every value arrives as given. */
class CopyLinesTests {

	@TempDir
	Path dir;

	static Stream<String> postgres() {
		return TestDatabase.kinds().stream().filter("postgresql"::equals);
	}

	@ParameterizedTest(allowZeroInvocations = true)
	@MethodSource("postgres")
	void copiesTextNumbersAndNullsAsWritten(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.url(), true);
			try {
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);
				jdbc.execute("CREATE TABLE copied (n BIGINT, t VARCHAR(200), d NUMERIC(30, 8), b BOOLEAN)");
				List<String> texts = List.of("制表\t符", "反斜杠\\N 与 \\\\", "换\n行", "回\r车", "罕见字𠀋𪚥", "", "=1+2",
						"x".repeat(150));
				List<Object[]> rows = new java.util.ArrayList<>();
				for (int i = 0; i < texts.size(); i++) {
					rows.add(new Object[] { (long) i, texts.get(i), new BigDecimal("-12.50").add(BigDecimal.valueOf(i)),
							i % 2 == 0 });
				}
				rows.add(new Object[] { 99L, null, null, null });

				CopyLines.copy(jdbc, "copied", "n, t, d, b", rows);

				List<Map<String, Object>> back = jdbc.queryForList("SELECT n, t, d, b FROM copied ORDER BY n");
				assertThat(back).hasSize(texts.size() + 1);
				for (int i = 0; i < texts.size(); i++) {
					assertThat(back.get(i).get("t")).isEqualTo(texts.get(i));
					assertThat((BigDecimal) back.get(i).get("d"))
						.isEqualByComparingTo(new BigDecimal("-12.5").add(BigDecimal.valueOf(i)));
					assertThat(back.get(i).get("b")).isEqualTo(i % 2 == 0);
				}
				assertThat(back.get(texts.size())).containsEntry("t", null)
					.containsEntry("d", null)
					.containsEntry("b", null);
			}
			finally {
				dataSource.destroy();
			}
		}
	}

}
