package org.huizong.job;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.huizong.load.FileOutcome;
import org.huizong.load.RunHistory;
import org.huizong.load.SubmissionLoader;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Loads each file of a chunk and records what became of it, in the chunk's transaction. */
class SubmissionWriter implements ItemWriter<InboxFile>, StepExecutionListener {

	private final SubmissionLoader loader;

	private final RunHistory history;

	private final String period;

	private final RunProgress progress;

	private final boolean force;

	private long runId;

	private int seq;

	SubmissionWriter(SubmissionLoader loader, RunHistory history, String period, boolean force, RunProgress progress) {
		this.loader = loader;
		this.history = history;
		this.period = period;
		this.force = force;
		this.progress = progress;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.runId = stepExecution.getJobExecution().getId();
		this.seq = this.history.filesRecorded(this.runId);
	}

	@Override
	public void write(Chunk<? extends InboxFile> chunk) {
		for (InboxFile file : chunk) {
			FileOutcome outcome;
			try {
				outcome = this.loader.load(file.path(), file.name(), this.period, this.force);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("文件无法读取：" + file.name(), ex);
			}
			this.history.file(this.runId, ++this.seq, outcome);
			this.progress.fileDone(outcome);
		}
	}

}
