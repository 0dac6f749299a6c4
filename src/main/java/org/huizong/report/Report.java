package org.huizong.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.huizong.catalog.Catalog;
import org.huizong.load.Databases;
import org.huizong.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code report}: the report workbook and the narrative draft of a period, written from
 * the consolidated tables into a folder, each file whole or not at all.
 */
public final class Report {

	private static final int IDS_A_QUERY = 500;

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final Catalog catalog;

	private final String office;

	private final Path templates;

	/**
	 * @param office the office's name, in titles and page headers (may be empty)
	 * @param templates the folder of the narrative's template, or {@code null} for the
	 * copy in the jar
	 */
	public Report(DataSource dataSource, PlatformTransactionManager transactions, Catalog catalog, String office,
			Path templates) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(5000);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.catalog = catalog;
		this.office = office;
		this.templates = templates;
	}

	/** What was written, and the placeholders of the city's template that had no data. */
	public record Written(List<Path> files, java.util.Set<String> withoutData) {
	}

	/**
	 * @param template the city's workbook to fill in, or {@code null}
	 * @throws IllegalArgumentException where the template names something unknown:
	 * nothing is written then
	 */
	public Written write(String periodText, Path folder, Path template) throws IOException {
		Period period = Period.parse(periodText);
		Narrative narrative = Narrative.load(this.templates, this.office);
		PeriodFigures figures = new PeriodFigures(this.jdbc, this.catalog);
		List<PeriodFigures.Figure> campaigns = figures.ofCampaigns(period);
		List<PeriodFigures.Figure> units = figures.ofUnits(period);
		TemplateFiller filler = new TemplateFiller(this.catalog, period, campaigns, units);
		byte[] filled = (template != null) ? filler.fill(template) : null;
		Files.createDirectories(folder);
		Roster roster = Roster.of(this.jdbc, this.catalog, period);
		List<PeriodFigures.MonthFigure> history = figures.lastTwelveMonths(period);
		ReportWorkbook workbook = new ReportWorkbook(this.catalog, this.office);
		Path xlsx = folder.resolve("汇总表_" + period + ".xlsx");
		long sourceFigures = count(roster.counted());
		try (SourceReader sources = new SourceReader(
				(rows) -> this.readOnly.executeWithoutResult((status) -> sources(roster.counted(), rows)))) {
			AtomicFiles.write(xlsx, (out) -> workbook.write(
					new ReportWorkbook.Content(period, campaigns, units, roster, history, sourceFigures, sources),
					out));
		}
		Path docx = folder.resolve("工作总结_" + period + ".docx");
		Map<String, List<PeriodFigures.Figure>> byCampaign = workbook.byCampaign(campaigns);
		AtomicFiles.write(docx, (out) -> narrative.write(new Narrative.Content(period, roster, byCampaign), out));
		List<Path> written = new ArrayList<>(List.of(xlsx, docx));
		if (filled != null) {
			Path city = folder.resolve(template.getFileName().toString());
			AtomicFiles.write(city, (out) -> out.write(filled));
			written.add(city);
		}
		return new Written(written, filler.withoutData());
	}

	/**
	 * How many figures the submissions hold: how many sheets 数据来源 takes. What the ledger
	 * says they loaded is enough where that fits one sheet; only a period beyond one
	 * counts its figures.
	 */
	private long count(List<Long> submissions) {
		long[] count = { 0, 0 };
		inChunks(submissions, (ids) -> {
			Long loaded = this.jdbc.queryForObject(
					"SELECT SUM(facts) FROM submission WHERE id IN (" + Databases.marks(ids.size()) + ")", Long.class,
					ids.toArray());
			count[0] += (loaded != null) ? loaded : 0;
		});
		if (count[0] <= SourceSheet.MAX_ROWS) {
			return count[0];
		}
		inChunks(submissions, (ids) -> {
			Long some = this.jdbc.queryForObject("SELECT COUNT(*) FROM fact WHERE mapped AND kind <> 'RATE' AND "
					+ "submission_id IN (" + Databases.marks(ids.size()) + ")", Long.class, ids.toArray());
			count[1] += (some != null) ? some : 0;
		});
		return count[1];
	}

	private static void inChunks(List<Long> submissions, java.util.function.Consumer<List<Long>> chunk) {
		Databases.inChunks(submissions, IDS_A_QUERY, chunk);
	}

	/**
	 * The figures of the submissions, a few hundred submissions a query; each
	 * submission's unit, period and file read once, not with each of its figures.
	 */
	private void sources(List<Long> submissions, java.util.function.Consumer<String[]> rows) {
		inChunks(submissions, (ids) -> {
			Map<Long, String[]> about = new java.util.HashMap<>();
			this.jdbc.query("SELECT id, unit, period, file_name FROM submission WHERE id IN ("
					+ Databases.marks(ids.size()) + ")", (rs) -> {
						about.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3), rs.getString(4) });
					}, ids.toArray());
			this.streaming
				.query("SELECT submission_id, campaign, metric, source, fact_value, measure, raw_text, sheet, "
						+ "cell FROM fact WHERE mapped AND kind <> 'RATE' AND submission_id IN ("
						+ Databases.marks(ids.size()) + ") ORDER BY submission_id", (rs) -> {
							String[] submission = about.get(rs.getLong(1));
							rows.accept(new String[] { submission[0], submission[1], rs.getString(2), rs.getString(3),
									rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), submission[2],
									rs.getString(8), rs.getString(9) });
						}, ids.toArray());
		});
	}

}
