/**
 * Raw cell text to a value in the metric's canonical measure, with its approximation
 * flag. Entry point: {@link org.huizong.normalize.ValueParser}, then
 * {@link org.huizong.normalize.MeasureConverter}.
 */
package org.huizong.normalize;
