package org.huizong.web;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.huizong.catalog.Catalog;
import org.huizong.period.Period;
import org.huizong.report.Roster;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the pages show, read from the tables. */
public final class Console {

	/** A period and how far its units are. */
	public record Progress(String period, int sent, int missing, int rejected, int openFaults, String due) {
	}

	/** A file a unit sent, with its faults. */
	public record Submission(long id, String period, String file, String status, Timestamp receivedAt, int facts,
			String reason, List<Fault> faults) {

		public String statusText() {
			return switch (this.status) {
				case "loaded" -> "已载入";
				case "rejected" -> "被拒收";
				case "replaced" -> "已被替换";
				default -> this.status;
			};
		}

	}

	/** A fault at its cell. */
	public record Fault(String severity, String sheet, String cell, String message) {

		/** {@code 工作表!D2}, {@code D2}, the sheet alone, or 文件 for the file as a whole. */
		public String place() {
			if (this.sheet.isEmpty()) {
				return this.cell.isEmpty() ? "文件" : this.cell;
			}
			return this.cell.isEmpty() ? this.sheet : this.sheet + "!" + this.cell;
		}

	}

	private final JdbcTemplate jdbc;

	private final Catalog catalog;

	private final int dueDay;

	Console(JdbcTemplate jdbc, Catalog catalog, int dueDay) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.dueDay = dueDay;
	}

	int dueDay() {
		return this.dueDay;
	}

	Catalog catalog() {
		return this.catalog;
	}

	/** The periods files were sent for, the latest first, at most twelve. */
	List<Progress> periods() {
		List<String> periods = this.jdbc.queryForList("SELECT DISTINCT period FROM submission ORDER BY period DESC",
				String.class);
		List<Progress> progress = new ArrayList<>();
		for (String period : periods.subList(0, Math.min(12, periods.size()))) {
			progress.add(progress(period));
		}
		return progress;
	}

	/** What a period's page shows, read once for each state of the tables. */
	public record PeriodView(Progress progress, String rosterRows, String figureRows) {
	}

	private record Cached(String version, PeriodView view) {
	}

	private final java.util.Map<String, Cached> views = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The period's page, from the tables as they are: read again whenever a run has
	 * started or ended since (in this process or any other), else as read last.
	 */
	PeriodView view(String period, org.huizong.report.CsvExport export) {
		String version = this.jdbc.queryForObject(
				"SELECT COUNT(*) || '/' || COALESCE(MAX(id), 0) || '/' || COUNT(finished_at) FROM run", String.class);
		Cached cached = this.views.get(period);
		if (cached != null && cached.version().equals(version)) {
			return cached.view();
		}
		Roster roster = roster(period);
		PeriodView view = new PeriodView(progress(period, roster), PeriodTables.roster(roster.entries()), PeriodTables
			.figures(period, export.records(period, org.huizong.report.CsvExport.Level.CAMPAIGN, true)));
		this.views.put(period, new Cached(version, view));
		return view;
	}

	Progress progress(String period) {
		return progress(period, roster(period));
	}

	private Progress progress(String period, Roster roster) {
		int sent = 0;
		int missing = 0;
		int rejected = 0;
		int faults = 0;
		for (Roster.Entry entry : roster.entries()) {
			if (entry.sent()) {
				sent++;
			}
			else if ("rejected".equals(entry.status())) {
				rejected++;
			}
			else {
				missing++;
			}
			faults += entry.errors();
		}
		return new Progress(period, sent, missing, rejected, faults, dueDate(period, this.dueDay));
	}

	Roster roster(String period) {
		return Roster.of(this.jdbc, this.catalog, Period.parse(period));
	}

	/** A unit's files, the latest first, with their faults. */
	List<Submission> submissions(String unit) {
		List<Submission> submissions = this.jdbc.query(
				"SELECT id, period, file_name, status, received_at, facts, reason FROM submission WHERE unit = ? "
						+ "ORDER BY received_at DESC, id DESC",
				(rs, i) -> new Submission(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5), rs.getInt(6), rs.getString(7), new ArrayList<>()),
				unit);
		List<Submission> latest = submissions.subList(0, Math.min(50, submissions.size()));
		for (Submission submission : latest) {
			submission.faults()
				.addAll(this.jdbc.query(
						"SELECT severity, sheet, cell, message FROM issue WHERE submission_id = ? ORDER BY id",
						(rs, i) -> new Fault(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
						submission.id()));
		}
		return latest;
	}

	/** A cell behind a figure: where a unit wrote it, and how. */
	public record Source(String unit, String file, String sheet, String cell, String raw, String value,
			String measure) {
	}

	/**
	 * The cells behind one of the period's figures: every fact of the submissions that
	 * make the period, of that campaign, metric and source.
	 */
	List<Source> sources(String period, String campaign, String metric, String source) {
		List<Source> sources = new ArrayList<>();
		org.huizong.load.Databases.inChunks(roster(period).counted(), 500, (ids) -> {
			List<Object> args = new ArrayList<>(ids);
			args.addAll(List.of(campaign, metric, source));
			sources.addAll(this.jdbc.query("SELECT s.unit, s.file_name, f.sheet, f.cell, f.raw_text, f.fact_value, "
					+ "f.measure FROM fact f JOIN submission s ON s.id = f.submission_id WHERE f.submission_id IN ("
					+ org.huizong.load.Databases.marks(ids.size())
					+ ") AND f.mapped AND f.campaign = ? AND f.metric = ? "
					+ "AND f.source = ? ORDER BY s.unit, f.sheet, f.cell",
					(rs, i) -> new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getBigDecimal(6).stripTrailingZeros().toPlainString(), rs.getString(7)),
					args.toArray()));
		});
		return sources;
	}

	/**
	 * When the period's files are due: {@code dueDay} of the month after it ends (0: no
	 * due date).
	 */
	static String dueDate(String period, int dueDay) {
		if (dueDay <= 0) {
			return "";
		}
		Period asked = Period.parse(period);
		java.time.YearMonth next = java.time.YearMonth.of(asked.year(), asked.lastMonth()).plusMonths(1);
		return next.atDay(Math.min(dueDay, next.lengthOfMonth())).toString();
	}

	/** Whether the unit is one the catalog or the ledger knows. */
	boolean knownUnit(String unit) {
		if (this.catalog.roster().contains(unit)) {
			return true;
		}
		Integer files = this.jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE unit = ?", Integer.class, unit);
		return files != null && files > 0;
	}

}
