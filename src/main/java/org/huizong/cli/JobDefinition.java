package org.huizong.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A scheduled job of {@code jobs/*.yml}: what runs, when, over which inbox.
 *
 * @param name the job's name, from its file
 * @param schedule when it runs (Spring cron: second minute hour day month weekday)
 * @param zone the time zone of the schedule and of "this month"
 * @param inbox the inbox, {@code {period}} standing for the period
 * ({@code /srv/inbox/{period}})
 * @param dueDay the previous month is consolidated again every night up to this day of
 * the month
 * @param db the database, or {@code null} for {@code HUIZONG_DB_URL} or the embedded one
 * @param reports the folder for run reports, or {@code null} for none
 */
record JobDefinition(String name, CronExpression schedule, ZoneId zone, String inbox, int dueDay, String db,
		Path reports) {

	/**
	 * The periods a run at {@code now} covers: this month, and the previous one until its
	 * due day.
	 */
	List<String> periods(ZonedDateTime now) {
		YearMonth current = YearMonth.from(now.withZoneSameInstant(this.zone));
		List<String> periods = new ArrayList<>();
		if (now.withZoneSameInstant(this.zone).getDayOfMonth() <= this.dueDay) {
			periods.add(current.minusMonths(1).toString());
		}
		periods.add(current.toString());
		return periods;
	}

	Path inboxFor(String period) {
		return Path.of(this.inbox.replace("{period}", period));
	}

	static List<JobDefinition> loadAll(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new UsageException("作业定义文件夹不存在：" + folder.toAbsolutePath());
		}
		List<JobDefinition> jobs = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((p) -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
				.sorted()
				.toList()) {
				jobs.add(load(file));
			}
		}
		return jobs;
	}

	static JobDefinition load(Path file) throws IOException {
		Map<String, Object> yaml;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		String where = file.getFileName().toString();
		if (yaml == null) {
			throw new UsageException(where + " 是空的");
		}
		String base = where.replaceFirst("\\.ya?ml$", "");
		String name = text(yaml, "name", base);
		try {
			CronExpression schedule = CronExpression.parse(required(yaml, "schedule", where));
			ZoneId zone = ZoneId.of(text(yaml, "zone", ZoneId.systemDefault().getId()));
			String inbox = required(yaml, "inbox", where);
			int dueDay = Integer.parseInt(text(yaml, "due-day", "0"));
			String db = text(yaml, "db", null);
			String reports = text(yaml, "reports", null);
			return new JobDefinition(name, schedule, zone, inbox, dueDay, db,
					(reports != null) ? Path.of(reports) : null);
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			throw new UsageException(where + " 中的设置有误：" + ex.getMessage());
		}
	}

	private static String required(Map<String, Object> yaml, String key, String where) {
		String value = text(yaml, key, null);
		if (value == null || value.isBlank()) {
			throw new UsageException(where + " 缺少 " + key);
		}
		return value;
	}

	private static String text(Map<String, Object> yaml, String key, String otherwise) {
		Object value = yaml.get(key);
		return (value != null) ? String.valueOf(value) : otherwise;
	}

}
