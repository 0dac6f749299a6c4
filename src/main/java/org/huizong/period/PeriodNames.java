package org.huizong.period;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a title or a file name speaks of, as people write it: {@code 2017年5月},
 * {@code 2017年第二季度}, {@code 2017年上半年}, {@code 2017年1-6月}, {@code 2017年度}; in file names
 * also {@code 2017-06}, {@code 201706}, {@code 2017-Q2}, {@code 2017H1}.
 */
public final class PeriodNames {

	private static final String YEAR = "(20\\d{2})\\s*年?\\s*";

	private static final Pattern QUARTER = Pattern
		.compile(YEAR + "(?:第\\s*)?([一二三四1-4])\\s*季度|(20\\d{2})\\s*[-_.]?\\s*[Qq]([1-4])(?!\\d)");

	private static final Pattern HALF = Pattern
		.compile(YEAR + "([上下])\\s*半\\s*年|(20\\d{2})\\s*[-_.]?\\s*[Hh]([12])(?!\\d)");

	private static final Pattern RANGE = Pattern
		.compile(YEAR + "(\\d{1,2})\\s*(?:月份?)?\\s*(?:[-－—–~～至到]+)\\s*(\\d{1,2})\\s*月");

	private static final Pattern WHOLE_YEAR = Pattern.compile("(20\\d{2})\\s*(?:年度|年全年|全年)");

	private static final Pattern MONTH_CN = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月");

	private static final Pattern MONTH_NAME = Pattern
		.compile("(20\\d{2})\\s*[-_.年/]?\\s*(0?[1-9]|1[0-2])(?!\\d)\\s*(?:月份?)?");

	private PeriodNames() {
	}

	/** The period a title or a cell of metadata names, if any. */
	public static Optional<Period> inText(String text) {
		if (text.indexOf('年') < 0) {
			return Optional.empty();
		}
		Optional<Period> longer = longer(text);
		if (longer.isPresent()) {
			return longer;
		}
		Matcher month = MONTH_CN.matcher(text);
		return month.find() ? month(month.group(1), month.group(2)) : Optional.empty();
	}

	/** The period a file's name gives, if any. */
	public static Optional<Period> inFileName(String name) {
		Optional<Period> longer = longer(name);
		if (longer.isPresent()) {
			return longer;
		}
		Matcher month = MONTH_NAME.matcher(name);
		return month.find() ? month(month.group(1), month.group(2)) : Optional.empty();
	}

	private static Optional<Period> longer(String text) {
		Matcher quarter = QUARTER.matcher(text);
		if (quarter.find()) {
			String year = (quarter.group(1) != null) ? quarter.group(1) : quarter.group(3);
			String which = (quarter.group(2) != null) ? quarter.group(2) : quarter.group(4);
			int index = "一二三四".indexOf(which) + 1;
			return Optional.of(Period.parse(year + "-Q" + ((index > 0) ? index : Integer.parseInt(which))));
		}
		Matcher half = HALF.matcher(text);
		if (half.find()) {
			String year = (half.group(1) != null) ? half.group(1) : half.group(3);
			String which = (half.group(2) != null) ? ("上".equals(half.group(2)) ? "1" : "2") : half.group(4);
			return Optional.of(Period.parse(year + "-H" + which));
		}
		Matcher range = RANGE.matcher(text);
		if (range.find()) {
			int from = Integer.parseInt(range.group(2));
			int to = Integer.parseInt(range.group(3));
			return spanned(Integer.parseInt(range.group(1)), from, to);
		}
		Matcher whole = WHOLE_YEAR.matcher(text);
		return whole.find() ? Optional.of(Period.parse(whole.group(1))) : Optional.empty();
	}

	/** The period that is exactly these months, if one is: 1–6 is H1, 4–6 is Q2. */
	private static Optional<Period> spanned(int year, int from, int to) {
		if (from < 1 || to > 12 || from > to) {
			return Optional.empty();
		}
		for (Period.Kind kind : Period.Kind.values()) {
			if (to - from + 1 == kind.months()) {
				Period period = Period.of(year, kind, from);
				if (period.firstMonth() == from) {
					return Optional.of(period);
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<Period> month(String year, String month) {
		int number = Integer.parseInt(month);
		return (number >= 1 && number <= 12) ? Optional.of(Period.month(Integer.parseInt(year), number))
				: Optional.empty();
	}

}
