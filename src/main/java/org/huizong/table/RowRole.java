package org.huizong.table;

import org.huizong.catalog.Names;

/**
 * Whether a row's figures are details that add up, or totals that are checked against
 * them.
 */
public enum RowRole {

	DETAIL, SUBTOTAL, TOTAL;

	/** Whether a label names a totals row: 合计, 小计, 总计 and the like. */
	static boolean isTotalLabel(String text) {
		if (text.indexOf('计') < 0) {
			return false;
		}
		String folded = Names.fold(text);
		return folded.equals("合计") || folded.equals("小计") || folded.equals("总计") || folded.equals("共计")
				|| folded.equals("全区合计") || folded.equals("总合计");
	}

	/** The role a totals label gives its row. */
	static RowRole ofLabel(String text) {
		return Names.fold(text).equals("小计") ? SUBTOTAL : TOTAL;
	}

}
