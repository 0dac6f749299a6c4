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
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

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

	/**
	 * The job definitions of a folder, and what is wrong with those that cannot be used:
	 * one bad file costs that job only.
	 *
	 * @param jobs the definitions that can be run
	 * @param problems one line for each file that cannot, naming file and setting
	 */
	record Loaded(List<JobDefinition> jobs, List<String> problems) {
	}

	static Loaded loadAll(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new UsageException("作业定义文件夹不存在：" + folder.toAbsolutePath());
		}
		List<JobDefinition> jobs = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((p) -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
				.sorted()
				.toList()) {
				try {
					jobs.add(load(file));
				}
				catch (UsageException | IOException ex) {
					problems.add(ex.getMessage());
				}
			}
		}
		return new Loaded(jobs, problems);
	}

	static JobDefinition load(Path file) throws IOException {
		String where = file.getFileName().toString();
		Object loaded;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		catch (YAMLException ex) {
			String place = (ex instanceof MarkedYAMLException marked && marked.getProblemMark() != null)
					? "第 " + (marked.getProblemMark().getLine() + 1) + " 行：" + marked.getProblem() : ex.getMessage();
			throw new UsageException(where + " 不是有效的 YAML（" + place + "）");
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw new UsageException(where + " 不是 UTF-8 文本");
		}
		if (loaded == null) {
			throw new UsageException(where + " 是空的");
		}
		if (!(loaded instanceof Map<?, ?> map)) {
			throw new UsageException(where + " 应为“设置名: 值”的一组设置（schedule、inbox …），而不是列表或单个值");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> yaml = (Map<String, Object>) map;
		String base = where.replaceFirst("\\.ya?ml$", "");
		String name = text(yaml, "name", base);
		CronExpression schedule;
		try {
			schedule = CronExpression.parse(required(yaml, "schedule", where));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(where + " 中的设置有误：schedule " + ex.getMessage());
		}
		ZoneId zone;
		try {
			zone = ZoneId.of(text(yaml, "zone", ZoneId.systemDefault().getId()));
		}
		catch (DateTimeException ex) {
			throw new UsageException(where + " 中的设置有误：zone 不是时区名（如 Asia/Shanghai）：" + text(yaml, "zone", ""));
		}
		if (schedule.next(ZonedDateTime.now(zone)) == null) {
			throw new UsageException(
					where + " 中的设置有误：schedule “" + text(yaml, "schedule", "") + "”永远不会到时间（如 2 月 30 日）");
		}
		String inbox = required(yaml, "inbox", where);
		if (!inbox.contains("{period}")) {
			throw new UsageException(where + " 中的设置有误：inbox 必须含有 {period}（如 /srv/huizong/inbox/{period}），"
					+ "否则同一个收件箱的文件会载入到每个期间：" + inbox);
		}
		int dueDay;
		try {
			dueDay = Integer.parseInt(text(yaml, "due-day", "0").strip());
		}
		catch (NumberFormatException ex) {
			dueDay = -1;
		}
		if (dueDay < 0 || dueDay > 28) {
			throw new UsageException(where + " 中的设置有误：due-day 应为 0 到 28 的整数：" + text(yaml, "due-day", ""));
		}
		String db = text(yaml, "db", null);
		if (db != null && !db.startsWith("jdbc:")) {
			throw new UsageException(where + " 中的设置有误：db 应为 JDBC 地址（如 jdbc:postgresql://…）：" + db);
		}
		String reports = text(yaml, "reports", null);
		return new JobDefinition(name, schedule, zone, inbox, dueDay, db, (reports != null) ? Path.of(reports) : null);
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
