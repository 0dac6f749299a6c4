package org.huizong.table;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.HeaderRole;
import org.huizong.intake.Cell;
import org.huizong.intake.CellKind;
import org.huizong.intake.Row;
import org.huizong.intake.ValueParser;

/**
 * Tells a table's header row: one that names at least two known columns or metrics, one
 * of them a value or a metric, and holds no number; and the second header row under group
 * cells that fills in names the first lacks.
 */
final class HeaderLocator {

	private final Catalog catalog;

	HeaderLocator(Catalog catalog) {
		this.catalog = catalog;
	}

	boolean looksLikeHeader(Row row) {
		for (int c = 0; c < row.cells().size(); c++) {
			Cell cell = row.cells().get(c);
			// a number written as text rules a header out, as below; this one is quick to
			// tell
			if (cell.kind() != CellKind.TEXT || ValueParser.isPlainNumber(cell.text())) {
				return false;
			}
		}
		int known = 0;
		boolean valueOrMetric = false;
		for (int c = 0; c < row.cells().size(); c++) {
			Cell cell = row.cells().get(c);
			Optional<HeaderRole> role = this.catalog.headerRole(cell.text());
			if (role.isPresent()) {
				known++;
				valueOrMetric |= role.get() == HeaderRole.VALUE;
			}
			else if (this.catalog.metric(cell.text()).isPresent()) {
				known++;
				valueOrMetric = true;
			}
		}
		if (known < 2 || !valueOrMetric) {
			return false;
		}
		for (int c = 0; c < row.cells().size(); c++) {
			Cell cell = row.cells().get(c);
			if (isNumberText(cell.text())) {
				return false;
			}
		}
		return true;
	}

	boolean isContinuation(Row upper, Row lower) {
		boolean fillsGap = false;
		for (Cell cell : lower.cells()) {
			if (cell.kind() != CellKind.TEXT || isNumberText(cell.text())) {
				return false;
			}
			boolean known = known(cell.text());
			String above = upper.text(cell.column());
			boolean aboveKnown = !above.isEmpty()
					&& (this.catalog.headerRole(above).isPresent() || this.catalog.metric(above).isPresent());
			if (known && !aboveKnown) {
				fillsGap = true;
			}
		}
		return fillsGap;
	}

	Map<Integer, String> texts(Row row) {
		Map<Integer, String> texts = new TreeMap<>();
		row.cells().forEach((cell) -> texts.put(cell.column(), cell.text().strip()));
		return texts;
	}

	Map<Integer, String> merge(Row upper, Row lower) {
		Map<Integer, String> texts = texts(upper);
		for (Cell cell : lower.cells()) {
			String below = cell.text().strip();
			String above = texts.getOrDefault(cell.column(), "");
			boolean belowKnown = this.catalog.headerRole(below).isPresent() || this.catalog.metric(below).isPresent();
			boolean aboveKnown = !above.isEmpty()
					&& (this.catalog.headerRole(above).isPresent() || this.catalog.metric(above).isPresent());
			if (belowKnown || above.isEmpty()) {
				texts.put(cell.column(), below);
			}
			else if (!aboveKnown) {
				texts.put(cell.column(), above + below);
			}
		}
		return texts;
	}

	static boolean isNumberText(String text) {
		return ValueParser.parse(text).isPresent();
	}

	private boolean known(String text) {
		return this.catalog.headerRole(text).isPresent() || this.catalog.metric(text).isPresent();
	}

}
