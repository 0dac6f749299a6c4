package org.huizong.report;

import java.util.List;

/**
 * One run, file by file.
 *
 * @param runId the job execution's id
 * @param period the period consolidated
 * @param status {@code completed} or {@code failed}
 * @param files what became of each file, in the order read
 * @param skipped the files of the inbox not read as submissions, and why
 */
public record RunReport(long runId, String period, String status, List<FileReport> files, List<Skipped> skipped) {

	/**
	 * A file of the inbox that was not read as a submission.
	 *
	 * @param name the path relative to the inbox
	 * @param code the stable code of the reason
	 * @param reason why, in Chinese
	 */
	public record Skipped(String name, String code, String reason) {
	}

	/** The files that a newer file of the same unit replaced. */
	public List<FileReport> superseded() {
		return this.files.stream().filter((f) -> !f.supersededBy().isEmpty()).toList();
	}

	public long count(String fileStatus) {
		return this.files.stream().filter((f) -> f.status().equals(fileStatus)).count();
	}

	/**
	 * Figures loaded by this run: those of the files it loaded, not of unchanged ones.
	 */
	public long factsLoaded() {
		return this.files.stream().filter((f) -> f.status().equals("loaded")).mapToLong(FileReport::facts).sum();
	}

	public long errors() {
		return this.files.stream().mapToLong(FileReport::errors).sum();
	}

	public long warnings() {
		return this.files.stream().mapToLong(FileReport::warnings).sum();
	}

	/** Whether a file or a cell was rejected: the run's exit status is then 3. */
	public boolean anythingRejected() {
		return count("rejected") > 0 || errors() > 0;
	}

}
