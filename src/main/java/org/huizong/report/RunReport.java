package org.huizong.report;

import java.util.List;

/**
 * One run, file by file.
 *
 * @param runId the job execution's id
 * @param period the period consolidated
 * @param status {@code completed} or {@code failed}
 * @param files what became of each file, in the order read
 */
public record RunReport(long runId, String period, String status, List<FileReport> files) {

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
