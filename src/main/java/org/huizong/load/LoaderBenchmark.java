package org.huizong.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.huizong.catalog.MetricKind;
import org.huizong.intake.Cell;
import org.huizong.normalize.Fact;
import org.huizong.table.RawFact;
import org.huizong.table.RowRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loader's writing alone, for the benchmark: facts dumped from a run (COPY text
 * format, the columns of {@link FactWriter#COLUMNS}) go back through {@link FactWriter}
 * into a table of the fact table's shape, one file's worth at a time in a savepoint of
 * one transaction, as a run writes them. Nothing is read or parsed but the dump.
 */
public final class LoaderBenchmark {

	private LoaderBenchmark() {
	}

	/**
	 * @return the facts written
	 */
	public static long write(DataSource dataSource, Path dump, String table, int factsPerFile) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		TransactionTemplate outer = new TransactionTemplate(transactions);
		TransactionTemplate savepoint = new TransactionTemplate(transactions);
		savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		Long written = outer.execute((status) -> {
			long count = 0;
			try (BufferedReader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
				String line = in.readLine();
				while (line != null) {
					String[] first = { line };
					long[] inFile = { 0 };
					savepoint.executeWithoutResult((file) -> {
						FactWriter writer = FactWriter.create(jdbc, true, Long.parseLong(first[0].split("\t", 2)[0]),
								1000, table);
						String next = first[0];
						try {
							while (next != null && inFile[0] < factsPerFile) {
								writer.write(fact(next));
								inFile[0]++;
								next = in.readLine();
							}
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
						writer.finish();
						first[0] = next;
					});
					count += inFile[0];
					line = first[0];
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return count;
		});
		return (written != null) ? written : 0;
	}

	private static Fact fact(String line) {
		String[] f = line.split("\t", -1);
		RawFact raw = new RawFact(f[1], f[2], f[6], f[7], f[8], Cell.text(0, f[16]), f[11], RowRole.DETAIL, "", "");
		return new Fact(raw, f[3], f[4], f[5], MetricKind.valueOf(f[9]), new BigDecimal(f[10]), f[11],
				new BigDecimal(f[12]), f[13], f[14].equals("t"));
	}

}
