package org.huizong.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.huizong.catalog.Catalog;
import org.huizong.intake.Cell;
import org.huizong.period.Period;
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

	private static final String COMPARE_HEADER = ",previous,last_year,ytd";

	private final JdbcTemplate jdbc;

	private final Catalog catalog;

	public CsvExport(JdbcTemplate jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * Writes the export through a temporary file, so a reader never sees half of it.
	 * @param compare whether to add the figures of the period before, of the same period
	 * a year earlier and of the year to date
	 */
	public int write(String period, Level level, boolean compare, Path out) throws IOException {
		List<List<String>> rows = rows(period, level, compare);
		String header = level.header + (compare ? COMPARE_HEADER : "");
		AtomicFiles.write(out, (stream) -> {
			Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
			CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
			writer.write('\ufeff');
			printer.printRecord((Object[]) header.split(","));
			for (List<String> row : rows) {
				printer.printRecord(row);
			}
			printer.flush();
		});
		return rows.size();
	}

	/** The export's rows, each by the names of its header: for the web API. */
	public List<Map<String, String>> records(String period, Level level, boolean compare) {
		String[] names = (level.header + (compare ? COMPARE_HEADER : "")).split(",");
		List<Map<String, String>> records = new ArrayList<>();
		for (List<String> row : rows(period, level, compare)) {
			Map<String, String> record = new java.util.LinkedHashMap<>();
			for (int i = 0; i < names.length; i++) {
				record.put(names[i], row.get(i));
			}
			records.add(record);
		}
		return records;
	}

	List<List<String>> rows(String period, Level level, boolean compare) {
		List<List<String>> rows = new ArrayList<>();
		PeriodFigures figures = new PeriodFigures(this.jdbc, this.catalog);
		Period asked = Period.parse(period);
		boolean unit = level == Level.UNIT;
		for (PeriodFigures.Figure figure : unit ? figures.ofUnits(asked, compare)
				: figures.ofCampaigns(asked, compare)) {
			List<String> row = new ArrayList<>();
			row.add(safe(period));
			if (unit) {
				row.add(safe(figure.unit()));
			}
			row.addAll(List.of(safe(figure.campaign()), safe(figure.metric()), safe(figure.source()),
					Cell.plainDecimal(figure.value()), safe(figure.measure()), String.valueOf(figure.approx())));
			if (!unit) {
				row.add(String.valueOf(figure.units()));
			}
			if (compare) {
				for (java.math.BigDecimal value : new java.math.BigDecimal[] { figure.previous(), figure.lastYear(),
						figure.ytd() }) {
					row.add((value != null) ? Cell.plainDecimal(value) : "");
				}
			}
			rows.add(row);
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
