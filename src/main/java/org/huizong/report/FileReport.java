package org.huizong.report;

import java.util.List;

import org.huizong.issue.Issue;

/**
 * What a run did with one file, for the run report.
 *
 * @param name the path relative to the inbox
 * @param status {@code loaded}, {@code unchanged} or {@code rejected}
 * @param unit the unit it was taken for
 * @param facts how many figures it holds in the tables
 * @param reason why it was rejected, or empty
 * @param reasonCode the stable code of the rejection, or empty
 * @param format the real format, by content
 * @param encoding the text encoding where the format has one
 * @param sha256 the content's digest
 * @param rows rows read
 * @param supersededBy the file of the same unit that replaced it, or empty while it
 * counts
 * @param issues its faults, each at its cell
 */
public record FileReport(String name, String status, String unit, int facts, String reason, String reasonCode,
		String format, String encoding, String sha256, int rows, String supersededBy, List<Issue> issues) {

	public long errors() {
		return this.issues.stream().filter((i) -> i.severity() == org.huizong.issue.Severity.ERROR).count();
	}

	public long warnings() {
		return this.issues.stream().filter((i) -> i.severity() == org.huizong.issue.Severity.WARNING).count();
	}

}
