package org.huizong.issue;

/**
 * How a fault weighs: an error keeps the cell out of the tables, a warning only reports
 * it, an info is a note for the run report (a skipped sheet).
 */
public enum Severity {

	ERROR, WARNING, INFO, IGNORE;

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
