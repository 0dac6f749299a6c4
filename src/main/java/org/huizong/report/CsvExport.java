package org.huizong.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.huizong.intake.Cell;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The consolidated tables as CSV for Excel on Chinese Windows: UTF-8 with a BOM, a header
 * row, RFC 4180 quoting, canonical names, plain decimals. Text that a spreadsheet would
 * take for a formula is neutralised.
 */
public final class CsvExport {

	public enum Level {

		UNIT("period,unit,campaign,metric,source,value,measure,approx"),
		CAMPAIGN("period,campaign,metric,source,value,measure,approx,units");

		private final String header;

		Level(String header) {
			this.header = header;
		}

		public static Level parse(String text) {
			return valueOf(text.toUpperCase(java.util.Locale.ROOT));
		}

	}

	private final JdbcTemplate jdbc;

	public CsvExport(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the export through a temporary file, so a reader never sees half of it. */
	public int write(String period, Level level, Path out) throws IOException {
		List<List<String>> rows = rows(period, level);
		AtomicFiles.write(out, (stream) -> {
			Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
			CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
			writer.write('\ufeff');
			printer.printRecord((Object[]) level.header.split(","));
			for (List<String> row : rows) {
				printer.printRecord(row);
			}
			printer.flush();
		});
		return rows.size();
	}

	List<List<String>> rows(String period, Level level) {
		List<List<String>> rows = new ArrayList<>();
		if (level == Level.UNIT) {
			this.jdbc.query("SELECT period, unit, campaign, metric, source, total_value, measure, approx "
					+ "FROM consolidated_unit WHERE period = ?", (rs) -> {
						rows.add(List.of(safe(rs.getString(1)), safe(rs.getString(2)), safe(rs.getString(3)),
								safe(rs.getString(4)), safe(rs.getString(5)), Cell.plainDecimal(rs.getBigDecimal(6)),
								safe(rs.getString(7)), String.valueOf(rs.getBoolean(8))));
					}, period);
		}
		else {
			this.jdbc.query("SELECT period, campaign, metric, source, total_value, measure, approx, units "
					+ "FROM consolidated_campaign WHERE period = ?", (rs) -> {
						rows.add(List.of(safe(rs.getString(1)), safe(rs.getString(2)), safe(rs.getString(3)),
								safe(rs.getString(4)), Cell.plainDecimal(rs.getBigDecimal(5)), safe(rs.getString(6)),
								String.valueOf(rs.getBoolean(7)), String.valueOf(rs.getInt(8))));
					}, period);
		}
		Comparator<List<String>> byNames = Comparator.comparing((List<String> r) -> r.get(1));
		for (int i = 2; i < 5; i++) {
			int column = i;
			byNames = byNames.thenComparing((List<String> r) -> r.get(column));
		}
		rows.sort(byNames);
		return rows;
	}

	/** Text that Excel would read as a formula gets a leading apostrophe. */
	public static String safe(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

}
