package org.huizong.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.huizong.normalize.Fact;
import org.huizong.validate.HistoryChecks;

/**
 * A submission's mapped figures summed per campaign, metric and source while it is read:
 * detail lines add up. Holds one sum a key, so memory grows with the names in a file, not
 * its rows.
 */
final class FactTotals {

	/*
	 * Written out: a record's generated equals and hashCode go through method handles,
	 * which cost on every fact of a run.
	 */
	private record Key(String campaign, String metric, String source) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && this.campaign.equals(key.campaign) && this.metric.equals(key.metric)
					&& this.source.equals(key.source);
		}

		@Override
		public int hashCode() {
			return (this.campaign.hashCode() * 31 + this.metric.hashCode()) * 31 + this.source.hashCode();
		}

	}

	private static final class Sum {

		BigDecimal value = BigDecimal.ZERO;

		String measure = "";

		boolean approx;

		int facts;

		String sheet;

		String cell;

	}

	private final Map<Key, Sum> sums = new LinkedHashMap<>();

	void add(Fact fact) {
		Sum sum = this.sums.computeIfAbsent(new Key(fact.campaign(), fact.metric(), fact.source()), (k) -> new Sum());
		if (sum.facts == 0) {
			sum.sheet = fact.origin().sheet();
			sum.cell = fact.origin().cell();
		}
		sum.value = sum.value.add(fact.value());
		sum.measure = fact.measure();
		sum.approx |= fact.approx();
		sum.facts++;
	}

	/** The sums as the checks against a unit's history take them. */
	List<HistoryChecks.Figure> figures() {
		List<HistoryChecks.Figure> figures = new ArrayList<>(this.sums.size());
		this.sums.forEach((key, sum) -> figures.add(new HistoryChecks.Figure(
				new HistoryChecks.Key(key.campaign(), key.metric(), key.source()), sum.value, sum.sheet, sum.cell)));
		return figures;
	}

	static final String COLUMNS = "submission_id, campaign, metric, source, total_value, measure, approx, facts";

	/** Adds the sums to {@code rows}, the values of {@link #COLUMNS}. */
	void addTo(List<Object[]> rows, long submissionId) {
		this.sums.forEach((key, sum) -> rows.add(new Object[] { submissionId, key.campaign(), key.metric(),
				key.source(), sum.value, sum.measure, sum.approx, sum.facts }));
	}

}
