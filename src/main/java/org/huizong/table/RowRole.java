package org.huizong.table;

/**
 * Whether a row's figures are details that add up, or totals that are checked against
 * them.
 */
public enum RowRole {

	DETAIL, SUBTOTAL, TOTAL

}
