package org.huizong.catalog;

import java.math.BigDecimal;

/**
 * One way of writing a measure: {@code 公斤} is {@code 吨} times 0.001.
 *
 * @param written the spelling as folded
 * @param measure the canonical measure it stands for
 * @param factor what a value in this spelling is multiplied by to be in {@code measure}
 */
public record MeasureAlias(String written, String measure, BigDecimal factor) {
}
