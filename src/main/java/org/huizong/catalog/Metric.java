package org.huizong.catalog;

import java.util.Set;

/**
 * A metric of the catalog.
 *
 * @param name the canonical name
 * @param measure the canonical measure its values are kept in
 * @param accepted counting words that mean the same count as the canonical measure
 * @param kind what it counts
 */
public record Metric(String name, String measure, Set<String> accepted, MetricKind kind) {

	public boolean isRate() {
		return this.kind == MetricKind.RATE;
	}

}
