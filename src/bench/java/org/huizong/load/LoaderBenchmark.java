package org.huizong.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.huizong.catalog.MetricKind;
import org.huizong.intake.Cell;
import org.huizong.normalize.Fact;
import org.huizong.table.RawFact;
import org.huizong.table.RowRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loader's writing alone, for the benchmark: facts dumped from a run (COPY text
 * format, the columns of {@link FactWriter#COLUMNS}) go back through {@link FactWriter}
 * into a table of the fact table's shape, a run's batch of files at a time, each batch in
 * a transaction of its own, as a run writes them. Only the writing is timed: each batch's
 * facts are rebuilt from the dump before the clock starts.
 */
public final class LoaderBenchmark {

	/** The columns of a dump, in the order {@link #write} reads them. */
	public static final String COLUMNS = FactWriter.COLUMNS;

	private LoaderBenchmark() {
	}

	/**
	 * What was written and how long it took.
	 *
	 * @param facts the facts written
	 * @param nanos the time spent writing them
	 */
	public record Written(long facts, long nanos) {
	}

	/**
	 * @param factsPerBatch the facts a run writes in one batch of files
	 */
	public static Written write(DataSource dataSource, Path dump, String table, int factsPerBatch) throws IOException {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		long count = 0;
		long nanos = 0;
		long[] ids = new long[factsPerBatch];
		List<Fact> facts = new ArrayList<>(factsPerBatch);
		try (BufferedReader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
			String line = in.readLine();
			while (line != null) {
				facts.clear();
				while (line != null && facts.size() < factsPerBatch) {
					String[] fields = line.split("\t", -1);
					ids[facts.size()] = Long.parseLong(fields[0]);
					facts.add(fact(fields));
					line = in.readLine();
				}
				long start = System.nanoTime();
				transaction.executeWithoutResult((status) -> {
					FactWriter writer = FactWriter.create(jdbc, true, 1000, table);
					for (int i = 0; i < facts.size(); i++) {
						writer.write(ids[i], facts.get(i));
					}
					writer.finish();
				});
				nanos += System.nanoTime() - start;
				count += facts.size();
			}
		}
		return new Written(count, nanos);
	}

	private static Fact fact(String[] f) {
		RawFact raw = new RawFact(f[1], f[2], f[6], f[7], f[8], Cell.text(0, f[16]), f[11], RowRole.DETAIL, "", "", "");
		return new Fact(raw, f[3], f[4], f[5], MetricKind.valueOf(f[9]), new BigDecimal(f[10]), f[11],
				new BigDecimal(f[12]), f[13], f[14].equals("t"));
	}

}
