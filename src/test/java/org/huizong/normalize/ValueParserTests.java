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

	@ParameterizedTest(name = "{0} -> {1}")
	@org.junit.jupiter.params.provider.CsvSource({ "'1,808', 1808", "'12,345,678.50', 12345678.50", "'0,123', 123",
			"007, 7", "1808.5, 1808.5", "3, 3", "12., 12", ".5, 0.5", "'1,808.0', 1808.0" })
	void readsPlainDigitsWithTheirScale(String raw, String amount) {
		ParsedValue value = ValueParser.parse(raw).orElseThrow();
		assertThat(value.amount()).isEqualTo(new BigDecimal(amount));
		assertThat(value.approx()).isFalse();
		assertThat(value.measure()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1,8080", "1,80", ",123", "1,,808", "1.2.3", "1.808,5" })
	void separatorsOutOfPlaceAreNotANumber(String raw) {
		assertThat(ValueParser.parse(raw)).isEmpty();
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
