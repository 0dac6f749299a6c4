package org.huizong.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.huizong.HuizongApplication;
import org.huizong.generate.InboxGenerator;
import org.huizong.job.ConsolidateJobConfiguration;
import org.huizong.report.CsvExport;
import org.huizong.report.Feedback;
import org.huizong.report.RunReport;
import org.huizong.report.RunReportJson;
import org.huizong.report.RunReports;
import org.huizong.report.RunSummary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line: {@code run} consolidates a period, {@code export} writes the consolidated
 * tables as CSV. Exit statuses: 0 all clean, 3 completed with files or cells rejected, 1 failed,
 * 2 a wrong command line.
 */
public final class Cli {

	public static final int OK = 0;

	public static final int FAILED = 1;

	public static final int USAGE = 2;

	public static final int REJECTIONS = 3;

	private static final Map<String, Set<String>> COMMANDS = Map.of("run",
			Set.of("period", "inbox", "db", "report", "catalog", "severity"), "export", Set.of("period", "level", "out", "db"),
			"generate", Set.of("period", "units", "rows", "formats", "out", "seed"), "feedback",
			Set.of("period", "out", "inbox", "db"));

	private static final String USAGE_TEXT = """
			用法：
			  java -jar huizong.jar run --period 2017-06 --inbox DIR [--db JDBC_URL] [--report FILE] [--catalog DIR]
			      [--severity total.mismatch=error,rate.mismatch=ignore]
			  java -jar huizong.jar export --period 2017-06 --level unit|campaign --out FILE [--db JDBC_URL]
			  java -jar huizong.jar feedback --period 2017-06 --out DIR [--inbox DIR] [--db JDBC_URL]
			  java -jar huizong.jar generate --out DIR [--period 2017-06] [--units 8] [--rows 50] [--formats xlsx,xls,csv] [--seed 1]
			""";

	private final PrintStream out;

	private final PrintStream err;

	public Cli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public int execute(String... args) {
		Arguments arguments;
		try {
			if (args.length > 0 && (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h"))) {
				this.out.print(USAGE_TEXT);
				return OK;
			}
			arguments = Arguments.parse(args, COMMANDS);
			return switch (arguments.command()) {
				case "run" -> run(arguments);
				case "export" -> export(arguments);
				case "generate" -> generate(arguments);
				case "feedback" -> feedback(arguments);
				default -> throw new UsageException("未知命令：" + arguments.command());
			};
		}
		catch (UsageException ex) {
			this.err.println("命令行错误：" + ex.getMessage());
			this.err.print(USAGE_TEXT);
			return USAGE;
		}
		catch (Exception ex) {
			this.err.println("运行失败：" + describe(ex));
			return FAILED;
		}
	}

	private int run(Arguments arguments) throws Exception {
		String period = arguments.period();
		Path inbox = Path.of(arguments.required("inbox")).toAbsolutePath().normalize();
		if (!Files.isDirectory(inbox)) {
			throw new UsageException("收件箱不存在或不是文件夹：" + inbox);
		}
		String reportOption = arguments.optional("report");
		Map<String, Object> properties = databaseProperties(arguments.optional("db"));
		if (arguments.optional("catalog") != null) {
			properties.put("huizong.catalog", arguments.optional("catalog"));
		}
		properties.putAll(arguments.severities());
		try (ConfigurableApplicationContext context = start(properties)) {
			JobParameters parameters = new JobParametersBuilder()
				.addString(ConsolidateJobConfiguration.PERIOD, period)
				.addString(ConsolidateJobConfiguration.INBOX, inbox.toString())
				.addLocalDateTime(ConsolidateJobConfiguration.RUN_AT, LocalDateTime.now())
				.toJobParameters();
			JobExecution execution = context.getBean(JobOperator.class)
				.start(context.getBean(ConsolidateJobConfiguration.JOB_NAME + "Job", Job.class), parameters);
			RunReport report = context.getBean(RunReports.class).load(execution.getId());
			if (reportOption != null) {
				RunReportJson.write(report, Path.of(reportOption));
			}
			RunSummary.print(report, this.out);
			if (execution.getStatus() != BatchStatus.COMPLETED) {
				execution.getAllFailureExceptions()
					.forEach((ex) -> this.err.println("运行失败：" + describe(ex)));
				return FAILED;
			}
			return report.anythingRejected() ? REJECTIONS : OK;
		}
	}

	private int export(Arguments arguments) throws IOException {
		String period = arguments.period();
		CsvExport.Level level;
		try {
			level = CsvExport.Level.parse(arguments.required("level"));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--level 只能是 unit 或 campaign");
		}
		Path out = Path.of(arguments.required("out"));
		try (ConfigurableApplicationContext context = start(databaseProperties(arguments.optional("db")))) {
			int rows = context.getBean(CsvExport.class).write(period, level, out);
			this.err.println("已导出 " + rows + " 行到 " + out);
			return OK;
		}
	}

	private int feedback(Arguments arguments) throws IOException {
		String period = arguments.period();
		Path out = Path.of(arguments.required("out"));
		Path inbox = (arguments.optional("inbox") != null) ? Path.of(arguments.optional("inbox")) : null;
		try (ConfigurableApplicationContext context = start(databaseProperties(arguments.optional("db")))) {
			java.util.List<Path> files = context.getBean(Feedback.class).write(period, inbox, out, this.err::println);
			files.forEach((file) -> this.out.println(file));
			this.err.println("已写出 " + files.size() + " 份问题反馈到 " + out);
			return OK;
		}
	}

	private int generate(Arguments arguments) throws IOException {
		String period = (arguments.optional("period") != null) ? arguments.period() : "2017-06";
		int units = arguments.positive("units", 8);
		int rows = arguments.positive("rows", 50);
		long seed = arguments.positive("seed", 1);
		java.util.List<InboxGenerator.Format> formats = new java.util.ArrayList<>();
		String list = (arguments.optional("formats") != null) ? arguments.optional("formats") : "xlsx,xls,csv";
		for (String name : list.split(",")) {
			try {
				formats.add(InboxGenerator.Format.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new UsageException("--formats 只能取 xlsx、xls、csv：" + name);
			}
		}
		Path out = Path.of(arguments.required("out"));
		java.util.List<Path> files = new InboxGenerator(seed).write(out, period, units, rows, formats);
		this.err.println("已生成 " + files.size() + " 个文件到 " + out);
		return OK;
	}

	private static Map<String, Object> databaseProperties(String db) throws IOException {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (db != null) {
			properties.put("spring.datasource.url", db);
		}
		else if (System.getenv("HUIZONG_DB_URL") == null) {
			Files.createDirectories(Path.of("var"));
		}
		return properties;
	}

	/** Options given on the command line outrank every other source of settings. */
	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		String[] args = properties.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(HuizongApplication.class).run(args);
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return (root == ex) ? message : ex.getMessage() + "（" + message + "）";
	}

}
