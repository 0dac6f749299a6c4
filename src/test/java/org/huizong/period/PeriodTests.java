package org.huizong.period;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			2017-06 | MONTH   | 2017-05 | 2016-06 | 2017-H1                 | 2017-Q2 2017-H1 2017 | 2017年6月
			2017-01 | MONTH   | 2016-12 | 2016-01 | 2017-01                 | 2017-Q1 2017-H1 2017 | 2017年1月
			2017-05 | MONTH   | 2017-04 | 2016-05 | 2017-Q1 2017-04 2017-05 | 2017-Q2 2017-H1 2017 | 2017年5月
			2017-11 | MONTH   | 2017-10 | 2016-11 | 2017-H1 2017-Q3 2017-10 2017-11 | 2017-Q4 2017-H2 2017 | 2017年11月
			2017-12 | MONTH   | 2017-11 | 2016-12 | 2017                    | 2017-Q4 2017-H2 2017 | 2017年12月
			2017-Q2 | QUARTER | 2017-Q1 | 2016-Q2 | 2017-H1                 | 2017-H1 2017         | 2017年第二季度
			2017-Q1 | QUARTER | 2016-Q4 | 2016-Q1 | 2017-Q1                 | 2017-H1 2017         | 2017年第一季度
			2017-Q3 | QUARTER | 2017-Q2 | 2016-Q3 | 2017-H1 2017-Q3         | 2017-H2 2017         | 2017年第三季度
			2017-H1 | HALF    | 2016-H2 | 2016-H1 | 2017-H1                 | 2017                 | 2017年上半年
			2017-H2 | HALF    | 2017-H1 | 2016-H2 | 2017                    | 2017                 | 2017年下半年
			2017    | YEAR    | 2016    | 2016    | 2017                    | ''                   | 2017年
			""")
	void knowsItsNeighbours(String text, Period.Kind kind, String previous, String lastYear, String ytd,
			String enclosing, String chinese) {
		Period period = Period.parse(text);
		assertThat(period.toString()).isEqualTo(text);
		assertThat(period.kind()).isEqualTo(kind);
		assertThat(period.previous()).hasToString(previous);
		assertThat(period.previous().next()).isEqualTo(period);
		assertThat(period.lastYear()).hasToString(lastYear);
		assertThat(period.yearToDate()).extracting(Period::toString).containsExactly(ytd.split(" "));
		assertThat(period.enclosingAll()).extracting(Period::toString)
			.containsExactlyElementsOf(enclosing.isEmpty() ? List.of() : List.of(enclosing.split(" ")));
		assertThat(period.chinese()).isEqualTo(chinese);
	}

	@Test
	void isMadeOfTheNextShorterPeriods() {
		assertThat(Period.parse("2017").parts()).extracting(Period::toString).containsExactly("2017-H1", "2017-H2");
		assertThat(Period.parse("2017-H2").parts()).extracting(Period::toString).containsExactly("2017-Q3", "2017-Q4");
		assertThat(Period.parse("2017-Q2").parts()).extracting(Period::toString)
			.containsExactly("2017-04", "2017-05", "2017-06");
		assertThat(Period.parse("2017-06").parts()).isEmpty();
		assertThat(Period.parse("2017-H1").months()).hasSize(6);
		assertThat(Period.parse("2017-H1").holds(Period.parse("2017-Q2"))).isTrue();
		assertThat(Period.parse("2017-H1").holds(Period.parse("2017-07"))).isFalse();
	}

	@Test
	void refusesWhatIsNoPeriod() {
		for (String text : List.of("2017-13", "2017-Q5", "2017-H3", "17-06", "2017/06", "")) {
			assertThat(Period.isPeriod(text)).as(text).isFalse();
			assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("应为月份 2017-06、季度 2017-Q2、半年 2017-H1 或年度 2017");
		}
	}

}
