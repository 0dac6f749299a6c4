package org.huizong.intake;

import java.math.BigDecimal;

/**
 * What a cell says, before its measure is converted.
 *
 * @param amount the number, {@code 万} already applied
 * @param approx whether the unit wrote it as approximate ({@code 余}, {@code 约},
 * {@code 多})
 * @param measure the measure written into the cell, folded, or empty
 */
public record ParsedValue(BigDecimal amount, boolean approx, String measure) {
}
