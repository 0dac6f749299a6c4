package org.huizong.load;

import java.util.ArrayList;
import java.util.List;

import org.huizong.normalize.Fact;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes a submission's facts in batches, so that memory holds one batch, not the file. */
final class FactWriter {

	private static final String INSERT = "INSERT INTO fact (submission_id, sheet, cell, campaign, metric, source, "
			+ "campaign_raw, metric_raw, source_raw, kind, amount, measure_written, fact_value, measure, approx, mapped, "
			+ "raw_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final long submissionId;

	private final int batchSize;

	private final List<Object[]> batch;

	private int written;

	FactWriter(JdbcTemplate jdbc, long submissionId, int batchSize) {
		this.jdbc = jdbc;
		this.submissionId = submissionId;
		this.batchSize = batchSize;
		this.batch = new ArrayList<>(batchSize);
	}

	void write(Fact fact) {
		this.batch.add(new Object[] { this.submissionId, cut(fact.origin().sheet(), 200), fact.origin().cell(),
				fact.campaign(), fact.metric(), fact.source(), cut(fact.origin().campaign(), 500),
				cut(fact.origin().metric(), 500), cut(fact.origin().source(), 500), fact.kind().name(), fact.amount(),
				cut(fact.measureWritten(), 100), fact.value(), cut(fact.measure(), 100), fact.approx(), fact.mapped(),
				cut(fact.origin().value().text(), 1000) });
		this.written++;
		if (this.batch.size() >= this.batchSize) {
			flush();
		}
	}

	void flush() {
		if (!this.batch.isEmpty()) {
			this.jdbc.batchUpdate(INSERT, this.batch);
			this.batch.clear();
		}
	}

	int written() {
		return this.written;
	}

	static String cut(String text, int max) {
		return SubmissionLedger.truncate(text, max);
	}

}
