package org.huizong.issue;

/**
 * One fault at one place.
 *
 * @param severity how it weighs
 * @param code the stable code, e.g. {@code measure.incompatible}
 * @param sheet the sheet name, empty for CSV
 * @param cell the A1 address, empty where the fault is the whole file's or sheet's
 * @param message the message in Chinese, without the place
 */
public record Issue(Severity severity, String code, String sheet, String cell, String message) {

	/** The message with its place, as a clerk reads it: {@code 文件 / 工作表 / E6：…}. */
	public String located(String file) {
		StringBuilder place = new StringBuilder(file);
		if (!this.sheet.isEmpty()) {
			place.append(" / ").append(this.sheet);
		}
		if (!this.cell.isEmpty()) {
			place.append(" / ").append(this.cell);
		}
		return place.append('：').append(this.message).toString();
	}

}
