package org.huizong.normalize;

import java.math.BigDecimal;

import org.huizong.catalog.MetricKind;
import org.huizong.table.RawFact;
import org.huizong.table.RowRole;

/**
 * A figure with canonical names and its value in the metric's canonical measure,
 * traceable to its cell. A name the catalog does not know stays as written, with an empty
 * canonical name.
 *
 * @param origin the figure as the table gave it
 * @param campaign the canonical campaign, or empty when unmapped
 * @param metric the canonical metric, or empty when unmapped
 * @param source the canonical problem source, empty where the figure has none or it is
 * unmapped
 * @param kind the metric's kind, {@link MetricKind#WORK} where the metric is unmapped
 * @param amount the number as written, {@code 万} applied
 * @param measureWritten the measure as written, folded, or empty
 * @param value the value in the canonical measure (the amount where the metric is
 * unmapped)
 * @param measure the canonical measure (the written one where the metric is unmapped)
 * @param approx whether it was written as approximate
 */
public record Fact(RawFact origin, String campaign, String metric, String source, MetricKind kind, BigDecimal amount,
		String measureWritten, BigDecimal value, String measure, boolean approx) {

	/**
	 * Whether every name is canonical, so the figure can go into the consolidated tables.
	 */
	public boolean mapped() {
		return !this.campaign.isEmpty() && !this.metric.isEmpty()
				&& (this.origin.source().isBlank() || !this.source.isEmpty());
	}

	public boolean isDetail() {
		return this.origin.role() == RowRole.DETAIL;
	}

}
