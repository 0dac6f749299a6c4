package org.huizong.intake;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.huizong.catalog.Names;
import org.junit.jupiter.api.Test;

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

	/*
	 * The parts of a number are read without a pattern; this is how they were read with
	 * one.
	 */
	private static final Pattern NUMBER = Pattern
		.compile("^(约|大约|近|约计)?([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(万|千|百|亿)?(余|多)?(.*?)(余|多|左右|以上)?$");

	private static Optional<ParsedValue> byPattern(String raw) {
		if (raw.length() > 64) {
			return Optional.empty();
		}
		if (ValueParser.isPlainNumber(raw)) {
			return Optional.of(new ParsedValue(new BigDecimal(raw.replace(",", "")), false, ""));
		}
		Matcher m = NUMBER.matcher(Names.foldOnce(raw).replaceAll("(?<=\\d),(?=\\d{3}(?!\\d))", ""));
		if (!m.matches()) {
			return Optional.empty();
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(m.group(2));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		if (m.group(3) != null) {
			amount = amount.multiply(BigDecimal.valueOf(switch (m.group(3)) {
				case "万" -> 10_000;
				case "千" -> 1_000;
				case "百" -> 100;
				default -> 100_000_000;
			}));
		}
		else {
			amount = amount.multiply(BigDecimal.ONE);
		}
		String measure = m.group(5);
		if (measure.startsWith("万") && measure.length() > 1) {
			amount = amount.multiply(BigDecimal.valueOf(10_000));
			measure = measure.substring(1);
		}
		if (measure.matches("\\(.*\\)")) {
			measure = measure.substring(1, measure.length() - 1);
		}
		if (ValueParser.hasDigit(measure) && !measure.matches("[a-z]+2")) {
			return Optional.empty();
		}
		boolean approx = m.group(1) != null || m.group(4) != null || m.group(6) != null;
		return Optional.of(new ParsedValue(amount, approx, measure.replace("(", "").replace(")", "")));
	}

	@Test
	void readsNumbersAsThePatternDid() {
		String[] pieces = { "0", "1", "7", "9", ".", "+", "-", ",", "约", "大约", "近", "约计", "计", "万", "千", "百", "亿", "余",
				"多", "左右", "以上", "左", "上", "米", "平方米", "条", "㎡", "m", "2", "(", ")", "（", "）", "\n", "\r", "\u0085",
				"\u2028", " ", "３", "%", "个" };
		Random random = new Random(20170601);
		int numbers = 0;
		for (int n = 0; n < 200_000; n++) {
			StringBuilder text = new StringBuilder();
			int length = 1 + random.nextInt(7);
			for (int i = 0; i < length; i++) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			String raw = text.toString();
			Optional<ParsedValue> value = ValueParser.parse(raw);
			assertThat(value).as(raw).isEqualTo(byPattern(raw));
			numbers += value.isPresent() ? 1 : 0;
		}
		assertThat(numbers).isGreaterThan(20_000);
	}

}
