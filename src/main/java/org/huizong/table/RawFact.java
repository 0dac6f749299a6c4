package org.huizong.table;

import org.huizong.intake.Cell;

/**
 * One figure as the table gives it, before names and measures are normalised.
 *
 * @param sheet the sheet name, empty for CSV
 * @param cell the A1 address of the value cell
 * @param campaign the campaign as written (column, section, title or sheet name), or
 * empty
 * @param metric the metric as written (a column header or a cell), or empty
 * @param source the problem source as written, or empty
 * @param value the value cell
 * @param measure the measure written beside the value (a measure column or a header's
 * brackets), or empty
 * @param role detail, subtotal or total
 * @param totalsKey what a totals row is checked by: the table and the column or metric
 * @param rowLabel the row's label, for messages about totals
 * @param metricCell the A1 address of the cell that names the metric (its column header,
 * or its cell in the row), or empty where no cell names it
 */
public record RawFact(String sheet, String cell, String campaign, String metric, String source, Cell value,
		String measure, RowRole role, String totalsKey, String rowLabel, String metricCell) {
}
