package org.huizong.period;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a month {@code 2017-06}, a quarter {@code 2017-Q2}, a half-year
 * {@code 2017-H1} or a year {@code 2017}. A longer period is made of the periods one step
 * shorter: a year of its halves, a half of its quarters, a quarter of its months.
 */
public final class Period implements Comparable<Period> {

	private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?");

	/** How long a period is. */
	public enum Kind {

		MONTH(1, "月"), QUARTER(3, "季度"), HALF(6, "半年"), YEAR(12, "年");

		private final int months;

		private final String label;

		Kind(int months, String label) {
			this.months = months;
			this.label = label;
		}

		public int months() {
			return this.months;
		}

		/** The kind's Chinese name: 月, 季度, 半年, 年. */
		public String label() {
			return this.label;
		}

		private Kind shorter() {
			return switch (this) {
				case YEAR -> HALF;
				case HALF -> QUARTER;
				default -> MONTH;
			};
		}

		private Kind longer() {
			return switch (this) {
				case MONTH -> QUARTER;
				case QUARTER -> HALF;
				default -> YEAR;
			};
		}

	}

	private final int year;

	private final Kind kind;

	/* 1-based: the month for a month, the quarter, the half; 1 for a year. */
	private final int index;

	private Period(int year, Kind kind, int index) {
		this.year = year;
		this.kind = kind;
		this.index = index;
	}

	/**
	 * @param text {@code 2017-06}, {@code 2017-Q2}, {@code 2017-H1} or {@code 2017}
	 * @throws IllegalArgumentException with a message for the person who wrote it
	 */
	public static Period parse(String text) {
		Matcher m = FORM.matcher((text != null) ? text.strip() : "");
		if (!m.matches()) {
			throw new IllegalArgumentException("期间“" + text + "”无法识别：应为月份 2017-06、季度 2017-Q2、半年 2017-H1 或年度 2017");
		}
		int year = Integer.parseInt(m.group(1));
		if (m.group(2) != null) {
			return new Period(year, Kind.MONTH, Integer.parseInt(m.group(2)));
		}
		if (m.group(3) != null) {
			return new Period(year, Kind.QUARTER, Integer.parseInt(m.group(3)));
		}
		if (m.group(4) != null) {
			return new Period(year, Kind.HALF, Integer.parseInt(m.group(4)));
		}
		return new Period(year, Kind.YEAR, 1);
	}

	/** Whether the text is a period as {@link #parse(String)} takes it. */
	public static boolean isPeriod(String text) {
		return text != null && FORM.matcher(text.strip()).matches();
	}

	public static Period month(int year, int month) {
		return of(year, Kind.MONTH, month);
	}

	/** The period of this kind that holds the month (1–12) of the year. */
	public static Period of(int year, Kind kind, int month) {
		if (month < 1 || month > 12) {
			throw new IllegalArgumentException("月份应为 1 至 12：" + month);
		}
		return new Period(year, kind, (month - 1) / kind.months() + 1);
	}

	public int year() {
		return this.year;
	}

	public Kind kind() {
		return this.kind;
	}

	public boolean isMonth() {
		return this.kind == Kind.MONTH;
	}

	/** Its first month, 1–12. */
	public int firstMonth() {
		return (this.index - 1) * this.kind.months() + 1;
	}

	/** Its last month, 1–12. */
	public int lastMonth() {
		return this.index * this.kind.months();
	}

	/** The periods one step shorter that make it up, in order; none for a month. */
	public List<Period> parts() {
		if (isMonth()) {
			return List.of();
		}
		Kind shorter = this.kind.shorter();
		List<Period> parts = new ArrayList<>();
		for (int month = firstMonth(); month <= lastMonth(); month += shorter.months()) {
			parts.add(of(this.year, shorter, month));
		}
		return parts;
	}

	/** Its months, in order. */
	public List<Period> months() {
		List<Period> months = new ArrayList<>();
		for (int month = firstMonth(); month <= lastMonth(); month++) {
			months.add(month(this.year, month));
		}
		return months;
	}

	/** The period one step longer that holds it; none for a year. */
	public Optional<Period> enclosing() {
		return (this.kind == Kind.YEAR) ? Optional.empty()
				: Optional.of(of(this.year, this.kind.longer(), firstMonth()));
	}

	/** The longer periods that hold it, shortest first: its quarter, half and year. */
	public List<Period> enclosingAll() {
		List<Period> all = new ArrayList<>();
		for (Optional<Period> up = enclosing(); up.isPresent(); up = up.get().enclosing()) {
			all.add(up.get());
		}
		return all;
	}

	/**
	 * The period just before, of the same length: 2017-05 for 2017-06, 2016-Q4 for
	 * 2017-Q1.
	 */
	public Period previous() {
		int month = firstMonth() - this.kind.months();
		return (month >= 1) ? of(this.year, this.kind, month) : of(this.year - 1, this.kind, month + 12);
	}

	/** The period just after, of the same length. */
	public Period next() {
		int month = lastMonth() + 1;
		return (month <= 12) ? of(this.year, this.kind, month) : of(this.year + 1, this.kind, 1);
	}

	/** The same period a year earlier. */
	public Period lastYear() {
		return new Period(this.year - 1, this.kind, this.index);
	}

	/**
	 * January up to and including this period's last month, as the fewest whole periods:
	 * 2017-H1 for 2017-06, 2017-Q1 + 2017-04 + 2017-05 for 2017-05, the year for
	 * December.
	 */
	public List<Period> yearToDate() {
		List<Period> pieces = new ArrayList<>();
		int month = 1;
		int last = lastMonth();
		while (month <= last) {
			Kind kind = Kind.YEAR;
			while (kind != Kind.MONTH && ((month - 1) % kind.months() != 0 || month + kind.months() - 1 > last)) {
				kind = kind.shorter();
			}
			pieces.add(of(this.year, kind, month));
			month += kind.months();
		}
		return pieces;
	}

	/** Whether this period holds the other, or is it. */
	public boolean holds(Period other) {
		return this.year == other.year && firstMonth() <= other.firstMonth() && other.lastMonth() <= lastMonth();
	}

	/** How a person names it: 2017年6月, 2017年第二季度, 2017年上半年, 2017年. */
	public String chinese() {
		return switch (this.kind) {
			case MONTH -> this.year + "年" + this.index + "月";
			case QUARTER -> this.year + "年第" + "一二三四".charAt(this.index - 1) + "季度";
			case HALF -> this.year + "年" + ((this.index == 1) ? "上半年" : "下半年");
			case YEAR -> this.year + "年";
		};
	}

	@Override
	public int compareTo(Period other) {
		int order = Integer.compare(this.year, other.year);
		if (order == 0) {
			order = Integer.compare(firstMonth(), other.firstMonth());
		}
		return (order != 0) ? order : Integer.compare(this.kind.months(), other.kind.months());
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Period period && this.year == period.year && this.kind == period.kind
				&& this.index == period.index;
	}

	@Override
	public int hashCode() {
		return (this.year * 31 + this.kind.ordinal()) * 31 + this.index;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case MONTH -> String.format("%04d-%02d", this.year, this.index);
			case QUARTER -> this.year + "-Q" + this.index;
			case HALF -> this.year + "-H" + this.index;
			case YEAR -> String.format("%04d", this.year);
		};
	}

}
