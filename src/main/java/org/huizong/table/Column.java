package org.huizong.table;

import java.util.Optional;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.HeaderRole;
import org.huizong.catalog.Names;

/**
 * What a header cell makes of its column: a role ({@code 专项名称}, {@code 数量}), a metric (a
 * wide table's {@code 发现问题(个)}), a row total to ignore, or an unknown name.
 *
 * @param index zero-based column index
 * @param header the header text, both rows joined where the header spans two
 * @param role the role, or empty where the column holds a metric or an unknown name
 * @param metric the metric header text where the column holds one metric's values, or
 * empty
 * @param measureHint a measure given in the header's brackets, or empty
 * @param rowTotal whether the column is a row total ({@code 合计}) that is not a figure of
 * its own
 * @param knownMetric whether {@code metric} is a metric of the catalog
 */
record Column(int index, String header, Optional<HeaderRole> role, String metric, String measureHint, boolean rowTotal,
		boolean knownMetric) {

	static Column of(int index, String header, Catalog catalog) {
		String text = header.strip();
		if (RowRole.isTotalLabel(text)) {
			return new Column(index, text, Optional.empty(), "", "", true, false);
		}
		Optional<HeaderRole> role = catalog.headerRole(text);
		if (role.isPresent()) {
			return new Column(index, text, role, "", Names.bracketedSuffix(text), false, false);
		}
		Optional<Catalog.MetricMatch> metric = catalog.metric(text);
		if (metric.isPresent()) {
			return new Column(index, text, Optional.empty(), text, metric.get().measureHint(), false, true);
		}
		return new Column(index, text, Optional.empty(), text, Names.bracketedSuffix(text), false, false);
	}

	boolean isRecognised() {
		return this.role.isPresent() || this.rowTotal;
	}

	boolean is(HeaderRole wanted) {
		return this.role.isPresent() && this.role.get() == wanted;
	}

}
