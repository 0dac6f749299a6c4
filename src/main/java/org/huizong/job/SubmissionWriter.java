package org.huizong.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.huizong.load.FileOutcome;
import org.huizong.load.RunHistory;
import org.huizong.load.PeriodFiles;
import org.huizong.load.SubmissionLoader;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Loads each file of a chunk and records what became of it, in the chunk's transaction.
 */
class SubmissionWriter implements ItemWriter<InboxFile>, StepExecutionListener {

	private final SubmissionLoader loader;

	private final RunHistory history;

	private final String period;

	private final RunProgress progress;

	private final boolean force;

	private long runId;

	private int seq;

	private PeriodFiles files;

	private final InboxReader inbox;

	private final BooleanSupplier stopRequested;

	private StepExecution stepExecution;

	SubmissionWriter(SubmissionLoader loader, InboxReader inbox, RunHistory history, String period, boolean force,
			RunProgress progress, BooleanSupplier stopRequested) {
		this.loader = loader;
		this.inbox = inbox;
		this.stopRequested = stopRequested;
		this.history = history;
		this.period = period;
		this.force = force;
		this.progress = progress;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		stopIfAsked();
		this.runId = stepExecution.getJobExecution().getId();
		this.seq = this.history.filesRecorded(this.runId);
		this.files = this.loader.forPeriod(this.period, this.force);
	}

	@Override
	public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
		if (this.files != null) {
			this.files.close();
		}
		return null;
	}

	@Override
	public void write(Chunk<? extends InboxFile> chunk) {
		List<FileOutcome> outcomes;
		try {
			outcomes = this.files.load(incoming(chunk.getItems()),
					incoming(this.inbox.upcoming(SubmissionLoader.READ_AHEAD)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("文件无法读取：" + ex.getMessage(), ex);
		}
		if (outcomes.stream().anyMatch(FileOutcome::read)) {
			this.loader.changed(this.period);
		}
		this.history.files(this.runId, this.seq, outcomes);
		this.seq += outcomes.size();
		outcomes.forEach(this.progress::fileDone);
		stopIfAsked();
	}

	private static List<SubmissionLoader.Incoming> incoming(List<? extends InboxFile> files) {
		return files.stream()
			.map((file) -> new SubmissionLoader.Incoming(file.path(), file.name(), file.modified()))
			.toList();
	}

	/** The step stops before its next chunk once a stop is asked for (SIGTERM). */
	private void stopIfAsked() {
		if (this.stopRequested.getAsBoolean()) {
			this.stepExecution.setTerminateOnly();
		}
	}

}
