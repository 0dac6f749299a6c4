package org.huizong.catalog;

import java.util.Set;

/**
 * A metric of the catalog.
 *
 * @param name the canonical name
 * @param measure the canonical measure its values are kept in
 * @param accepted counting words that mean the same count as the canonical measure
 * @param kind what it counts
 * @param additive whether its figures add up over time: a count of work or problems does;
 * a stock (bins in use) does not, and a longer period takes its latest month
 */
public record Metric(String name, String measure, Set<String> accepted, MetricKind kind, boolean additive) {

	public boolean isRate() {
		return this.kind == MetricKind.RATE;
	}

}
