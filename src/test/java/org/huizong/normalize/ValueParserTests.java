package org.huizong.normalize;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValueParserTests {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvFileSource(resources = "values.csv", numLinesToSkip = 1, ignoreLeadingAndTrailingWhitespace = false)
	void readsNumbersAsUnitsWriteThem(String id, String raw, String amount, boolean approx, String measure) {
		ParsedValue value = ValueParser.parse(raw).orElseThrow(() -> new AssertionError(id + " not parsed"));
		assertThat(value.amount()).isEqualByComparingTo(new BigDecimal(amount));
		assertThat(value.approx()).isEqualTo(approx);
		assertThat(value.measure()).isEqualTo((measure != null) ? measure : "");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "—", "——", "/", "无", "-", "－", "／" })
	void blanksDashesAndWuAreMissingNotZero(String raw) {
		assertThat(ValueParser.isMissing(raw)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "正在统计", "2017-06-01", "见附件", "12ab34", "1.2.3" })
	void textThatIsNotANumberIsNotParsed(String raw) {
		assertThat(ValueParser.isMissing(raw)).isFalse();
		assertThat(ValueParser.parse(raw)).isEmpty();
	}

}
