package org.huizong.intake;

/** The real format of a file, known by its content. */
public enum SubmissionFormat {

	CSV("csv"), XLSX("xlsx"), XLS("xls"), HTML("html");

	private final String label;

	SubmissionFormat(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
