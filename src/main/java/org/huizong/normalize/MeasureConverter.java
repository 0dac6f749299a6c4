package org.huizong.normalize;

import java.math.BigDecimal;
import java.util.Optional;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.MeasureAlias;
import org.huizong.catalog.Metric;
import org.huizong.catalog.Names;

/**
 * Brings a value into its metric's canonical measure: {@code 公斤} to {@code 吨}, {@code 平米}
 * to {@code ㎡}, and the counting words a metric accepts ({@code 个} for {@code 只}) as they
 * are.
 */
public final class MeasureConverter {

	private final Catalog catalog;

	public MeasureConverter(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * The factor that brings a value written in {@code written} into {@code metric}'s
	 * measure.
	 * @return the factor, or empty when the measure cannot become the metric's
	 */
	public Optional<BigDecimal> factor(Metric metric, String written) {
		String folded = Names.fold(written);
		if (folded.isEmpty() || folded.equals(Names.fold(metric.measure()))) {
			return Optional.of(BigDecimal.ONE);
		}
		if (metric.accepted().contains(folded)) {
			return Optional.of(BigDecimal.ONE);
		}
		Optional<MeasureAlias> alias = this.catalog.measure(folded);
		if (alias.isEmpty()) {
			return Optional.empty();
		}
		String measure = alias.get().measure();
		if (measure.equals(metric.measure())) {
			return Optional.of(alias.get().factor());
		}
		if (metric.accepted().contains(Names.fold(measure))) {
			return Optional.of(BigDecimal.ONE);
		}
		return Optional.empty();
	}

}
