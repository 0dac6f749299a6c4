/**
 * A table's raw facts to facts in the metric's canonical measure, with approximation flag
 * and cell-level faults. Entry point: {@link org.huizong.normalize.FactNormalizer}, with
 * {@link org.huizong.normalize.MeasureConverter}.
 */
package org.huizong.normalize;
