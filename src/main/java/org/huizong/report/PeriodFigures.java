package org.huizong.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.huizong.catalog.Catalog;
import org.huizong.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A period's consolidated figures with the period before, a year ago and the year to
 * date, as numbers: what the report and the narrative are written from.
 */
final class PeriodFigures {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/* The three compared figures' columns, left empty, and the table they would join. */
	private static final String WITHOUT_COMPARISONS = ", NULL, NULL, NULL FROM ";

	/**
	 * One figure: of a unit, or of all units (unit empty, {@code units} how many
	 * contributed). A comparison is {@code null} where nothing was sent.
	 */
	record Figure(String unit, String campaign, String metric, String source, BigDecimal value, String measure,
			boolean approx, int units, BigDecimal previous, BigDecimal lastYear, BigDecimal ytd) {

		/** The change against the period before, in percent, or {@code null}. */
		BigDecimal changeOnPrevious() {
			return change(this.value, this.previous);
		}

		/** The change against a year ago, in percent, or {@code null}. */
		BigDecimal changeOnLastYear() {
			return change(this.value, this.lastYear);
		}

	}

	private final JdbcTemplate jdbc;

	private final Catalog catalog;

	PeriodFigures(JdbcTemplate jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/** The figures of all units, per campaign, metric and source. */
	List<Figure> ofCampaigns(Period period) {
		return ofCampaigns(period, true);
	}

	/**
	 * @param compare whether to read the comparisons too; without them they are
	 * {@code null}
	 */
	List<Figure> ofCampaigns(Period period, boolean compare) {
		Comparisons comparisons = new Comparisons(period, this.catalog.stockMetrics());
		List<Figure> figures = new ArrayList<>();
		this.jdbc.query("SELECT c.campaign, c.metric, c.source, c.total_value, c.measure, c.approx, c.units"
				+ (compare ? comparisons.campaignColumns() : WITHOUT_COMPARISONS + "consolidated_campaign c")
				+ " WHERE c.period = ?", (rs) -> {
					figures.add(new Figure("", rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
							rs.getString(5), rs.getBoolean(6), rs.getInt(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
							rs.getBigDecimal(10)));
				}, compare ? comparisons.campaignArguments(period.toString()) : new Object[] { period.toString() });
		return figures;
	}

	/** The figures of each unit. */
	List<Figure> ofUnits(Period period) {
		return ofUnits(period, true);
	}

	List<Figure> ofUnits(Period period, boolean compare) {
		Comparisons comparisons = new Comparisons(period, this.catalog.stockMetrics());
		List<Figure> figures = new ArrayList<>();
		this.jdbc.query("SELECT c.unit, c.campaign, c.metric, c.source, c.total_value, c.measure, c.approx"
				+ (compare ? comparisons.unitColumns() : WITHOUT_COMPARISONS + "consolidated_unit c")
				+ " WHERE c.period = ?", (rs) -> {
					figures.add(new Figure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getBigDecimal(5), rs.getString(6), rs.getBoolean(7), 1, rs.getBigDecimal(8),
							rs.getBigDecimal(9), rs.getBigDecimal(10)));
				}, compare ? comparisons.unitArguments(period.toString()) : new Object[] { period.toString() });
		return figures;
	}

	/** A campaign's figure of one month. */
	record MonthFigure(String month, String campaign, String metric, String source, BigDecimal value, String measure) {
	}

	/** The twelve months up to the period's last, oldest first. */
	static List<Period> twelveMonths(Period period) {
		List<Period> months = new ArrayList<>();
		Period month = Period.month(period.year(), period.lastMonth());
		for (int i = 0; i < 12; i++) {
			months.add(0, month);
			month = month.previous();
		}
		return months;
	}

	/** Every campaign figure of the twelve months up to the period's last. */
	List<MonthFigure> lastTwelveMonths(Period period) {
		List<String> months = twelveMonths(period).stream().map(Period::toString).toList();
		List<MonthFigure> figures = new ArrayList<>();
		this.jdbc.query("SELECT period, campaign, metric, source, total_value, measure FROM consolidated_campaign "
				+ "WHERE period IN (" + org.huizong.load.Databases.marks(months.size()) + ")", (rs) -> {
					figures.add(new MonthFigure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getBigDecimal(5), rs.getString(6)));
				}, months.toArray());
		return figures;
	}

	/**
	 * {@code (value − base) ÷ base} in percent, one decimal; {@code null} without a base.
	 */
	static BigDecimal change(BigDecimal value, BigDecimal base) {
		if (value == null || base == null || base.signum() == 0) {
			return null;
		}
		return value.subtract(base)
			.multiply(HUNDRED)
			.divide(base, MathContext.DECIMAL64)
			.setScale(1, RoundingMode.HALF_UP);
	}

	/** {@code part ÷ whole} in percent, one decimal; {@code null} without a whole. */
	static BigDecimal rate(BigDecimal part, BigDecimal whole) {
		if (part == null || whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
	}

}
