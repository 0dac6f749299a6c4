package org.huizong.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.huizong.catalog.Catalog;
import org.huizong.intake.ReadLimits;
import org.huizong.intake.RejectedFileException;
import org.huizong.job.RunLauncher;
import org.huizong.period.Period;
import org.huizong.report.FileReport;
import org.huizong.report.RunReportJson;
import org.huizong.report.RunReports;
import org.huizong.issue.SeverityPolicy;
import org.huizong.validate.SubmissionPipeline;
import org.springframework.batch.core.job.JobExecution;

/**
 * A file sent through the console: checked first, where it is staged, then stored in the
 * period's inbox under a name huizong makes and loaded and consolidated at once, by the
 * same run as the command line's, under the period's lock. A unit's file that names
 * another unit is refused before anything is stored.
 */
public final class Uploads {

	private static final Set<String> EXTENSIONS = Set.of("xlsx", "xlsm", "xls", "et", "csv", "txt", "htm", "html");

	private static final Pattern UNSAFE = Pattern.compile("[\\\\/\\p{Cntrl}]|\\.\\.");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	/** Why a file was refused before it was stored: the answer is 400 or 403. */
	static final class Refused extends RuntimeException {

		private final boolean forbidden;

		Refused(String message, boolean forbidden) {
			super(message);
			this.forbidden = forbidden;
		}

		boolean forbidden() {
			return this.forbidden;
		}

	}

	private final Path inbox;

	private final Catalog catalog;

	private final SeverityPolicy policy;

	private final ReadLimits limits;

	private final RunLauncher launcher;

	private final RunReports reports;

	private final Clock clock;

	private final Duration wait;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	private final Map<String, java.util.concurrent.locks.ReentrantLock> locks = new java.util.concurrent.ConcurrentHashMap<>();

	public Uploads(Path inbox, Catalog catalog, SeverityPolicy policy, ReadLimits limits, RunLauncher launcher,
			RunReports reports, Clock clock, Duration wait, org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.catalog = catalog;
		this.policy = policy;
		this.limits = limits;
		this.launcher = launcher;
		this.reports = reports;
		this.clock = clock;
		this.wait = wait;
	}

	Path inbox() {
		return this.inbox;
	}

	/**
	 * Checks, stores and loads a file.
	 * @param ownUnit the account's unit, or {@code null} for the office
	 * @param clientName the name the browser gave, never used as a path
	 * @return the file's entry of the run report
	 * @throws Refused when the file is refused before it is stored
	 */
	Map<String, Object> accept(String periodText, String ownUnit, String clientName, InputStream content)
			throws Exception {
		Period period;
		try {
			period = Period.parse(periodText);
		}
		catch (IllegalArgumentException ex) {
			throw new Refused(ex.getMessage(), false);
		}
		String client = (clientName != null) ? clientName : "";
		if (UNSAFE.matcher(client).find()) {
			throw new Refused("文件名含有路径或控制字符，已拒收：" + client.replaceAll("\\p{Cntrl}", "?"), false);
		}
		String name = storedName(period, ownUnit, client);
		Path staging = Files.createDirectories(this.inbox.resolve(".staging"));
		Path staged = Files.createTempFile(staging, "upload-", ".part");
		try {
			Files.copy(content, staged, StandardCopyOption.REPLACE_EXISTING);
			if (ownUnit != null) {
				checkUnit(staged, name, period, ownUnit);
			}
			Path folder = Files.createDirectories(this.inbox.resolve(period.toString()));
			Files.move(staged, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
			return load(period.toString(), folder, name);
		}
		finally {
			Files.deleteIfExists(staged);
		}
	}

	/**
	 * Loads the stored file by a run of the period's folder, one at a time for each
	 * period: files that arrive while a run goes on wait, and the next run loads them all
	 * at once; a file an earlier run already read is answered from that run's report.
	 */
	private Map<String, Object> load(String period, Path folder, String name) throws Exception {
		java.util.concurrent.locks.ReentrantLock lock = this.locks.computeIfAbsent(period,
				(p) -> new java.util.concurrent.locks.ReentrantLock(true));
		lock.lockInterruptibly();
		try {
			Optional<Map<String, Object>> read = readBefore(period, name);
			if (read.isPresent()) {
				return read.get();
			}
			Optional<JobExecution> run = this.launcher.run(period, folder, false, this.wait, (note) -> {
			});
			if (run.isEmpty()) {
				throw new Busy("期间 " + period + " 另有一次汇总（命令行或夜间作业）仍在运行，文件已保存，将在下次运行时载入：" + name);
			}
			return readBefore(period, name).orElseThrow(() -> new IllegalStateException("运行报告中没有找到文件 " + name));
		}
		finally {
			lock.unlock();
		}
	}

	/** The file's entry in the report of the latest run that read it, if one did. */
	private Optional<Map<String, Object>> readBefore(String period, String name) {
		List<Long> runs = this.jdbc.queryForList(
				"SELECT rf.run_id FROM run_file rf JOIN submission s ON "
						+ "s.id = rf.submission_id WHERE s.period = ? AND s.file_name = ? ORDER BY rf.run_id DESC",
				Long.class, period, name);
		if (runs.isEmpty()) {
			return Optional.empty();
		}
		for (FileReport file : this.reports.load(runs.get(0)).files()) {
			if (file.name().equals(name)) {
				return Optional.of(RunReportJson.toMap(file));
			}
		}
		return Optional.empty();
	}

	/** Another process's run of the period held it longer than an upload waits: 503. */
	static final class Busy extends RuntimeException {

		Busy(String message) {
			super(message);
		}

	}

	/** A unit's file must be its own: read here, before it is stored. */
	private void checkUnit(Path staged, String name, Period period, String ownUnit) throws IOException {
		String unit;
		try {
			unit = SubmissionPipeline.read(staged, name, period.toString(), this.catalog, this.policy, this.limits)
				.unit();
		}
		catch (RejectedFileException ex) {
			if ("file.unit-conflict".equals(ex.code())) {
				throw new Refused("文件的填报单位不是本单位（" + ownUnit + "），已拒收：" + ex.reason(), true);
			}
			return;
		}
		if (!unit.isEmpty() && !unit.equals(ownUnit)) {
			throw new Refused("文件的填报单位是“" + unit + "”，不是本单位（" + ownUnit + "），已拒收，未作任何改动", true);
		}
	}

	/**
	 * {@code 单位_期间_时刻.扩展名} for a unit's file; the office's keeps the client's name (which
	 * may name the unit) after the moment.
	 */
	private String storedName(Period period, String ownUnit, String client) {
		String stamp = LocalDateTime.now(this.clock).format(STAMP);
		int dot = client.lastIndexOf('.');
		String extension = (dot >= 0) ? client.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
		String suffix = EXTENSIONS.contains(extension) ? "." + extension : "";
		if (ownUnit != null) {
			return safe(ownUnit) + "_" + period + "_" + stamp + suffix;
		}
		String base = (dot >= 0) ? client.substring(0, dot) : client;
		return stamp + "_" + (base.isBlank() ? "上传" : safe(base)) + suffix;
	}

	private static String safe(String text) {
		String safe = text.replaceAll("[^\\p{L}\\p{N}（）()_\\-]", "_");
		return (safe.length() > 80) ? safe.substring(0, 80) : safe;
	}

}
