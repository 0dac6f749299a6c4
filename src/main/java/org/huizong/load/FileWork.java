package org.huizong.load;

import java.util.function.Consumer;

import org.huizong.catalog.Catalog;
import org.huizong.intake.ReadAhead;
import org.huizong.issue.Issue;
import org.huizong.issue.SeverityPolicy;
import org.huizong.normalize.Fact;
import org.huizong.validate.SubmissionPipeline;

/**
 * One file on the thread that reads it: the plain {@link SubmissionPipeline}, whose
 * detail facts are handed over to be written and summed into the file's totals, and whose
 * issues are kept until the file is done.
 */
final class FileWork implements ReadAhead.Stage<Fact> {

	/* What the file counts against the bytes read ahead. */
	final long bytes;

	final FactTotals totals = new FactTotals();

	final IssueWriter issues = new IssueWriter(SubmissionLoader.MAX_ISSUES_STORED);

	final SubmissionPipeline pipeline;

	ReadAhead.Pending<Fact> pending;

	private Consumer<Fact> handOver;

	FileWork(String name, String period, long bytes, Catalog catalog, SeverityPolicy policy) {
		this.bytes = bytes;
		this.pipeline = new SubmissionPipeline(name, period, catalog, policy, this::detail, this.issues::write);
	}

	@Override
	public ReadAhead.Pipeline start(Consumer<Fact> handOver) {
		this.handOver = handOver;
		return this.pipeline;
	}

	private void detail(Fact fact) {
		if (fact.mapped() && fact.kind() != org.huizong.catalog.MetricKind.RATE) {
			this.totals.add(fact);
		}
		this.handOver.accept(fact);
	}

	void issue(Issue issue) {
		this.pipeline.issue(issue);
	}

	/** The unit as far as it is known, for a rejection. */
	String unitOrFileName() {
		return SubmissionLoader.stored(this.pipeline.unitOrFileName());
	}

}
