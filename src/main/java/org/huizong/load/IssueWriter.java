package org.huizong.load;

import java.util.ArrayList;
import java.util.List;

import org.huizong.issue.Issue;
import org.huizong.issue.Severity;

/**
 * Holds a submission's issues until the file is read, when they are handed to the batch
 * that writes them (its facts may be streaming into the database meanwhile). A file that
 * is wrong in every cell is told so without flooding the tables: past a bound, issues are
 * counted, not stored.
 */
final class IssueWriter {

	static final String COLUMNS = "submission_id, severity, code, sheet, cell, message";

	private final int maxStored;

	private final List<Issue> held = new ArrayList<>();

	private int count;

	private int errors;

	IssueWriter(int maxStored) {
		this.maxStored = maxStored;
	}

	void write(Issue issue) {
		this.count++;
		if (issue.severity() == Severity.ERROR) {
			this.errors++;
		}
		if (this.count <= this.maxStored) {
			this.held.add(issue);
		}
	}

	/**
	 * Hands the issues held over to {@code rows}, the values of {@link #COLUMNS}, as
	 * submission {@code submissionId}'s.
	 */
	/** An issue as a row of {@link #COLUMNS}. */
	static Object[] row(long submissionId, Issue issue) {
		return new Object[] { submissionId, issue.severity().label(), issue.code(), FactWriter.cut(issue.sheet(), 200),
				issue.cell(), FactWriter.cut(issue.message(), 2000) };
	}

	void flushTo(List<Object[]> rows, long submissionId) {
		for (Issue issue : this.held) {
			rows.add(row(submissionId, issue));
		}
		this.held.clear();
		if (this.count > this.maxStored) {
			int more = this.count - this.maxStored;
			rows.add(new Object[] { submissionId, this.errors > 0 ? "error" : "warning", "issues.truncated", "", "",
					"另有 " + more + " 个问题未逐一列出，请先改正以上问题后重新报送" });
			this.count = this.maxStored;
		}
	}

}
