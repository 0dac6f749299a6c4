package org.huizong.table;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.huizong.intake.Cell;
import org.huizong.intake.CellKind;
import org.huizong.intake.Row;
import org.huizong.period.PeriodNames;

/**
 * The lines above and beside a table that say whose figures they are and for when:
 * {@code 填报单位：第一环卫所}, {@code 2017年第二季度}.
 */
final class Metadata {

	static final Pattern UNIT_LABEL = Pattern
		.compile("(填报单位|报送单位|单位名称|填报部门|报送部门)\\s*(?:[（(]\\s*盖章\\s*[)）])?\\s*[:：]\\s*([^\\s:：]*)");

	private Metadata() {
	}

	/*
	 * The loops over a row's cells that run for every row count by index: a for-each
	 * makes an iterator each time, which code compiled for a quick start keeps making.
	 */
	static void scan(Row row, String sheet, boolean beforeTable, SheetFacts out) {
		for (int c = 0; c < row.cells().size(); c++) {
			Cell cell = row.cells().get(c);
			if (cell.kind() != CellKind.TEXT) {
				continue;
			}
			String text = cell.text();
			Matcher unit = (text.indexOf('单') >= 0 || text.indexOf('部') >= 0) ? UNIT_LABEL.matcher(text) : null;
			if (unit != null && unit.find()) {
				String name = unit.group(2);
				if (name.isEmpty()) {
					name = nextText(row, cell.column());
				}
				if (!name.isEmpty()) {
					out.unitNamed(name, sheet, Cell.address(cell.column(), row.number()));
				}
			}
			if (beforeTable) {
				int column = cell.column();
				PeriodNames.inText(text)
					.ifPresent(
							(period) -> out.periodNamed(period.toString(), sheet, Cell.address(column, row.number())));
			}
		}
	}

	private static String nextText(Row row, int column) {
		for (int c = 0; c < row.cells().size(); c++) {
			Cell cell = row.cells().get(c);
			if (cell.column() > column && !cell.text().isBlank()) {
				return cell.text().strip();
			}
		}
		return "";
	}

}
