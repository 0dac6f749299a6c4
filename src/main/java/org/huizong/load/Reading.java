package org.huizong.load;

import java.io.IOException;
import java.time.Duration;

import org.huizong.intake.SubmissionReader;
import org.huizong.normalize.Fact;
import org.huizong.intake.RejectionReason;
import org.huizong.validate.SubmissionPipeline;

/**
 * One file being loaded, on the caller's thread: its facts written as they come, then its
 * unit settled and its outcome noted.
 */
final class Reading {

	final FileWork work;

	private final long id;

	private final FactWriter facts;

	private final SubmissionLedger.Outcomes outcomes;

	String format = "";

	String encoding = "";

	int written;

	String resolvedUnit = "";

	private final Duration timePerFile;

	Reading(FileWork work, long id, FactWriter facts, SubmissionLedger.Outcomes outcomes, Duration timePerFile) {
		this.timePerFile = timePerFile;
		this.work = work;
		this.id = id;
		this.facts = facts;
		this.outcomes = outcomes;
	}

	void run() {
		try {
			try {
				this.work.pending.drainTo(this::write, this.timePerFile);
			}
			finally {
				SubmissionReader reader = this.work.pending.reader();
				if (reader != null) {
					this.format = reader.format().label();
					this.encoding = reader.encoding();
				}
			}
		}
		catch (IOException ex) {
			throw RejectionReason.unreadable(ex);
		}
		SubmissionPipeline pipeline = this.work.pipeline;
		this.resolvedUnit = SubmissionLoader.stored(pipeline.unit());
		this.outcomes.loaded(this.id, this.resolvedUnit, this.format, this.encoding, pipeline.rows(), this.written,
				pipeline.unmapped());
	}

	private void write(Fact fact) {
		this.facts.write(this.id, fact);
		this.written++;
	}

}
