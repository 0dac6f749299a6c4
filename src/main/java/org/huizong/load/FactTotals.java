package org.huizong.load;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.huizong.normalize.Fact;

/**
 * A submission's mapped figures summed per campaign, metric and source while it is read:
 * detail lines add up. Holds one sum a key, so memory grows with the names in a file, not
 * its rows.
 */
final class FactTotals {

	private record Key(String campaign, String metric, String source) {
	}

	private static final class Sum {

		BigDecimal value = BigDecimal.ZERO;

		String measure = "";

		boolean approx;

		int facts;

	}

	private final Map<Key, Sum> sums = new LinkedHashMap<>();

	void add(Fact fact) {
		Sum sum = this.sums.computeIfAbsent(new Key(fact.campaign(), fact.metric(), fact.source()), (k) -> new Sum());
		sum.value = sum.value.add(fact.value());
		sum.measure = fact.measure();
		sum.approx |= fact.approx();
		sum.facts++;
	}

	static final String INSERT = "INSERT INTO fact_total (submission_id, campaign, metric, source, total_value, "
			+ "measure, approx, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	/** Adds the sums to {@code rows}, the parameters of {@link #INSERT}. */
	void addTo(List<Object[]> rows, long submissionId) {
		this.sums.forEach((key, sum) -> rows.add(new Object[] { submissionId, key.campaign(), key.metric(),
				key.source(), sum.value, sum.measure, sum.approx, sum.facts }));
	}

}
