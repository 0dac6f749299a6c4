package org.huizong.intake;

import java.util.List;
import java.util.Optional;

/**
 * The non-blank cells of one row, in column order.
 *
 * @param number the one-based row number, as a spreadsheet shows it
 * @param cells the non-blank cells
 */
public record Row(int number, List<Cell> cells) {

	public Optional<Cell> cell(int column) {
		for (Cell cell : this.cells) {
			if (cell.column() == column) {
				return Optional.of(cell);
			}
			if (cell.column() > column) {
				break;
			}
		}
		return Optional.empty();
	}

	public String text(int column) {
		for (Cell cell : this.cells) {
			if (cell.column() == column) {
				return cell.text();
			}
			if (cell.column() > column) {
				break;
			}
		}
		return "";
	}

	public boolean isBlank() {
		return this.cells.isEmpty();
	}

}
