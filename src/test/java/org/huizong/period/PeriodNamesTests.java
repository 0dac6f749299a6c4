package org.huizong.period;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodNamesTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			专项整治情况统计表（2017年5月）   | 2017-05
			2017年 6 月份城市家具整治情况     | 2017-06
			2017年第二季度专项整治情况       | 2017-Q2
			2017年二季度                    | 2017-Q2
			2017年第3季度                   | 2017-Q3
			2017年上半年工作总结             | 2017-H1
			2017年下半年                    | 2017-H2
			2017年1-6月累计                 | 2017-H1
			2017年4月—6月                   | 2017-Q2
			2017年1月至12月                 | 2017
			2017年度专项整治汇总             | 2017
			2017年1-5月累计                 | ''
			填报日期：2017年                 | ''
			""")
	void readsThePeriodATitleNames(String text, String period) {
		assertThat(PeriodNames.inText(text).map(Period::toString).orElse("")).isEqualTo(period);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			第三环卫所_2017-06     | 2017-06
			绿化管理站2017.06      | 2017-06
			米市巷街道201706       | 2017-06
			第三环卫所_2017-Q2     | 2017-Q2
			第三环卫所2017q3       | 2017-Q3
			第三环卫所_2017H1      | 2017-H1
			第三环卫所2017年第二季度 | 2017-Q2
			第三环卫所2017年上半年   | 2017-H1
			第三环卫所_报表         | ''
			""")
	void readsThePeriodAFileNameGives(String name, String period) {
		assertThat(PeriodNames.inFileName(name).map(Period::toString).orElse("")).isEqualTo(period);
	}

}
