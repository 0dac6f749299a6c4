package org.huizong.catalog;

/** What a metric counts, which decides how it consolidates. */
public enum MetricKind {

	/** Problems found, rectified or otherwise disposed of. */
	PROBLEM,
	/** A rate the unit computed itself; derived, never summed. */
	RATE,
	/** A quantity of work done. */
	WORK;

	static MetricKind parse(String text) {
		return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
	}

}
