package org.huizong.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.huizong.issue.Issue;
import org.huizong.issue.SeverityPolicy;
import org.huizong.period.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A unit's figure of 2017-06 against its own 2017-05 (before) and 2017-07 (after); a case
 * a line: before, now, after, what is told.
 */
class HistoryChecksTests {

	private static final HistoryChecks.Key BINS = new HistoryChecks.Key("城市家具专项整治", "修理果壳箱", "");

	private final List<Issue> issues = new ArrayList<>();

	@ParameterizedTest(name = "{0} → {1} → {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			1356  | 13560 | -     | 修理果壳箱 填报 13560，是上期（2017-05）1356 的 10 倍，请核实
			1356  | 6780  | -     | 修理果壳箱 填报 6780，是上期（2017-05）1356 的 5 倍，请核实
			1356  | 6779  | -     | ''
			13560 | 1356  | -     | 修理果壳箱 填报 1356，仅为上期（2017-05）13560 的 10%，请核实
			100   | 130   | -     | ''
			100   | 70    | -     | ''
			-     | 13560 | -     | ''
			9     | 900   | -     | ''
			100   | 9     | -     | ''
			-     | 135   | 1356  | 修理果壳箱 填报 135，仅为下期（2017-07）1356 的 10%，请核实
			-     | 13560 | 1356  | 修理果壳箱 填报 13560，是下期（2017-07）1356 的 10 倍，请核实
			""")
	void tellsAFigureOutOfLineWithTheUnitsOwn(BigDecimal before, BigDecimal now, BigDecimal after, String told) {
		check(new HistoryChecks(SeverityPolicy.defaults(), HistoryChecks.DEFAULT_FACTOR, HistoryChecks.DEFAULT_FLOOR),
				before, now, after);
		assertThat(this.issues).extracting((issue) -> issue.cell() + " " + issue.code() + " " + issue.message())
			.containsExactlyElementsOf(told.isEmpty() ? List.of() : List.of("E7 value.jump " + told));
	}

	@Test
	void takesTheOfficesThresholds() {
		HistoryChecks strict = new HistoryChecks(SeverityPolicy.defaults(), new BigDecimal("1.5"), BigDecimal.ONE);
		check(strict, BigDecimal.valueOf(4), BigDecimal.valueOf(6), null);
		assertThat(this.issues).extracting(Issue::message).containsExactly("修理果壳箱 填报 6，是上期（2017-05）4 的 1.5 倍，请核实");
		this.issues.clear();
		check(new HistoryChecks(new SeverityPolicy(Map.of("value.jump", "ignore")), HistoryChecks.DEFAULT_FACTOR,
				HistoryChecks.DEFAULT_FLOOR), BigDecimal.valueOf(1356), BigDecimal.valueOf(13560), null);
		assertThat(this.issues).isEmpty();
		assertThatThrownBy(() -> new HistoryChecks(SeverityPolicy.defaults(), BigDecimal.ONE, BigDecimal.TEN))
			.hasMessage("huizong.jump-factor 应大于 1，设置的是 1");
	}

	private void check(HistoryChecks checks, BigDecimal before, BigDecimal now, BigDecimal after) {
		Period june = Period.parse("2017-06");
		checks.check(june, "第一环卫所", List.of(new HistoryChecks.Figure(BINS, now, "工作量", "E7")), (unit, period) -> {
			BigDecimal figure = period.equals(june.previous()) ? before : period.equals(june.next()) ? after : null;
			return (figure != null) ? Map.of(BINS, figure) : Map.of();
		}, this.issues::add);
	}

}
