package org.huizong.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.huizong.HuizongApplication;
import org.huizong.generate.InboxGenerator;
import org.huizong.job.RunLauncher;
import org.huizong.load.OutputFiles;
import org.huizong.report.AtomicFiles;
import org.huizong.report.CsvExport;
import org.huizong.report.Report;
import org.huizong.report.Feedback;
import org.huizong.report.RunReport;
import org.huizong.report.RunReportJson;
import org.huizong.report.RunReports;
import org.huizong.report.RunStatus;
import org.huizong.report.RunSummary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line. {@code run} consolidates a period, {@code restart} finishes an
 * interrupted run, {@code status} tells what the runs did, {@code serve} runs the jobs of
 * {@code jobs/} on their schedule, {@code export} writes the consolidated tables as CSV,
 * {@code feedback} the corrections for units, {@code generate} a realistic inbox. Exit
 * statuses: 0 all clean, 3 completed with files or cells rejected, 1 failed, 2 a wrong
 * command line, 4 another run of the period was still going.
 */
public final class Cli {

	public static final int OK = 0;

	public static final int FAILED = 1;

	public static final int USAGE = 2;

	public static final int REJECTIONS = 3;

	public static final int BUSY = 4;

	private static final Map<String, Set<String>> COMMANDS = Map.of("run",
			Set.of("period", "inbox", "db", "report", "catalog", "severity", "force", "wait"), "restart",
			Set.of("period", "db", "report", "wait"), "status", Set.of("period", "db"), "serve",
			Set.of("jobs", "port", "bind", "db", "inbox"), "export", Set.of("period", "level", "out", "db", "compare"),
			"report", Set.of("period", "out", "db", "template"), "generate",
			Set.of("period", "units", "rows", "formats", "out", "seed"), "feedback",
			Set.of("period", "out", "inbox", "db"));

	private static final String USAGE_TEXT = """
			用法：
			  java -jar huizong.jar run --period 2017-06 --inbox DIR [--db JDBC_URL] [--report FILE] [--catalog DIR]
			      [--severity total.mismatch=error,rate.mismatch=ignore] [--force] [--wait 10m]
			  java -jar huizong.jar restart --period 2017-06 [--db JDBC_URL] [--report FILE] [--wait 10m]
			  java -jar huizong.jar status [--period 2017-06] [--db JDBC_URL]
			  java -jar huizong.jar serve [--jobs DIR] [--port 8080 [--bind 127.0.0.1] [--inbox DIR] [--db JDBC_URL]]
			  java -jar huizong.jar user add NAME --role office|unit [--unit UNIT] [--db JDBC_URL]   （密码：标准输入第一行）
			  java -jar huizong.jar user passwd NAME | user disable NAME [--db JDBC_URL]
			  java -jar huizong.jar export --period 2017-06 --level unit|campaign --out FILE [--compare] [--db JDBC_URL]
			  java -jar huizong.jar report --period 2017-06 --out DIR [--template FILE.xlsx] [--db JDBC_URL]
			  java -jar huizong.jar feedback --period 2017-06 --out DIR [--inbox DIR] [--db JDBC_URL]
			  java -jar huizong.jar generate --out DIR [--period 2017-06] [--units 8] [--rows 50] [--formats xlsx,xls,csv] [--seed 1]
			期间可以是月份 2017-06、季度 2017-Q2、半年 2017-H1 或年度 2017。
			""";

	private static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);

	private final PrintStream out;

	private final PrintStream err;

	public Cli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/**
	 * Ends the process with {@code status}. After a stop signal the JVM is already
	 * shutting down and would end with 143 whatever the command said: it is halted with
	 * the command's status instead.
	 */
	public static void exit(int status) {
		if (Stopper.signalled()) {
			System.out.flush();
			System.err.flush();
			Runtime.getRuntime().halt(status);
		}
		System.exit(status);
	}

	public int execute(String... args) {
		try {
			if (args.length > 0 && (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h"))) {
				this.out.print(USAGE_TEXT);
				return OK;
			}
			if (args.length > 0 && args[0].equals("user")) {
				return ConsoleCommands.user(args, System.in, this.out, databaseProperties(userDb(args)), Cli::start);
			}
			Arguments arguments = Arguments.parse(args, COMMANDS);
			return switch (arguments.command()) {
				case "run" -> run(arguments);
				case "restart" -> restart(arguments);
				case "status" -> status(arguments);
				case "serve" -> serve(arguments);
				case "export" -> export(arguments);
				case "report" -> report(arguments);
				case "generate" -> generate(arguments);
				case "feedback" -> feedback(arguments);
				default -> throw new UsageException("未知命令：" + arguments.command());
			};
		}
		catch (org.springframework.boot.SpringApplication.AbandonedRunException ex) {
			// the build's ahead-of-time processing stopping the start on purpose
			// (pom.xml)
			throw ex;
		}
		catch (UsageException ex) {
			this.err.println("命令行错误：" + ex.getMessage());
			this.err.print(USAGE_TEXT);
			return USAGE;
		}
		catch (Exception ex) {
			this.err.println("运行失败：" + DatabaseTrouble.explain(ex).orElseGet(() -> describe(ex)));
			return FAILED;
		}
	}

	/**
	 * What one run is asked to do; {@code serve} builds these from its job definitions.
	 */
	record RunRequest(String period, Path inbox, String db, Path report, Map<String, Object> settings, boolean force,
			Duration waitForOtherRun) {
	}

	private int run(Arguments arguments) throws Exception {
		Path inbox = Path.of(arguments.required("inbox")).toAbsolutePath().normalize();
		if (!Files.isDirectory(inbox)) {
			throw new UsageException("收件箱不存在或不是文件夹：" + inbox);
		}
		Map<String, Object> settings = new LinkedHashMap<>(arguments.severities());
		if (arguments.optional("catalog") != null) {
			settings.put("huizong.catalog", arguments.optional("catalog"));
		}
		RunRequest request = new RunRequest(arguments.period(), inbox, arguments.optional("db"), reportPath(arguments),
				settings, arguments.optional("force") != null, arguments.duration("wait", DEFAULT_WAIT));
		try (Stopper stopper = Stopper.install(this.err)) {
			return runOnce(request, stopper);
		}
	}

	/**
	 * One run in a context of its own: the same for a person at a terminal and for
	 * {@code serve}.
	 */
	int runOnce(RunRequest request, Stopper stopper) throws Exception {
		Map<String, Object> properties = databaseProperties(request.db());
		properties.putAll(request.settings());
		try (ConfigurableApplicationContext context = start(properties)) {
			RunLauncher launcher = context.getBean(RunLauncher.class);
			stopper.watch(launcher);
			try {
				Optional<JobExecution> execution = launcher.run(request.period(), request.inbox(), request.force(),
						request.waitForOtherRun(), this.err::println);
				return finish(context, execution, request.period(), request.report());
			}
			finally {
				stopper.unwatch();
			}
		}
	}

	private int restart(Arguments arguments) throws Exception {
		String period = arguments.period();
		try (Stopper stopper = Stopper.install(this.err);
				ConfigurableApplicationContext context = start(databaseProperties(arguments.optional("db")))) {
			RunLauncher launcher = context.getBean(RunLauncher.class);
			stopper.watch(launcher);
			Optional<JobExecution> execution = launcher.restart(period, arguments.duration("wait", DEFAULT_WAIT),
					this.err::println);
			if (execution.isEmpty() && !context.getBean(RunStatus.class).isBusy(period)) {
				return OK;
			}
			return finish(context, execution, period, reportPath(arguments));
		}
	}

	private int finish(ConfigurableApplicationContext context, Optional<JobExecution> execution, String period,
			Path report) throws IOException {
		if (execution.isEmpty()) {
			this.err.println("期间 " + period + " 另有一次汇总仍在运行，本次未执行");
			return BUSY;
		}
		RunReport runReport = context.getBean(RunReports.class).load(execution.get().getId());
		RunSummary.print(runReport, this.out);
		if (report != null) {
			try {
				RunReportJson.write(runReport, report);
				context.getBean(OutputFiles.class).written(report, "运行报告", java.time.Instant.now());
			}
			catch (IOException ex) {
				this.err.println("数据已载入并汇总，但运行报告没有写出：" + ex.getMessage());
				return FAILED;
			}
		}
		BatchStatus status = execution.get().getStatus();
		if (status == BatchStatus.STOPPED) {
			this.err.println("已按停止信号在文件之间停下；用 restart --period " + period + " 继续");
			return FAILED;
		}
		if (status != BatchStatus.COMPLETED) {
			execution.get()
				.getAllFailureExceptions()
				.forEach((ex) -> this.err.println("运行失败：" + DatabaseTrouble.explain(ex).orElseGet(() -> describe(ex))));
			return FAILED;
		}
		return runReport.anythingRejected() ? REJECTIONS : OK;
	}

	private int status(Arguments arguments) throws Exception {
		String period = (arguments.optional("period") != null) ? arguments.period() : null;
		String db = checkDatabaseUrl(arguments.optional("db"));
		Optional<Boolean> quick = QuickStatus.print(db, period, this.out);
		if (quick.isPresent()) {
			return quick.get() ? OK : FAILED;
		}
		try (ConfigurableApplicationContext context = start(databaseProperties(arguments.optional("db")))) {
			return context.getBean(RunStatus.class).print(period, this.out) ? OK : FAILED;
		}
	}

	private int serve(Arguments arguments) throws Exception {
		Path jobs = Path.of((arguments.optional("jobs") != null) ? arguments.optional("jobs") : "jobs");
		String port = arguments.optional("port");
		List<JobDefinition> definitions = List.of();
		if (port == null || arguments.optional("jobs") != null || Files.isDirectory(jobs)) {
			JobDefinition.Loaded loaded = JobDefinition.loadAll(jobs);
			loaded.problems().forEach((problem) -> this.err.println("作业定义无法使用，已跳过：" + problem));
			definitions = loaded.jobs();
			if (definitions.isEmpty() && port == null) {
				throw new UsageException("在 " + jobs.toAbsolutePath() + " 中没有找到可用的作业定义（*.yml）");
			}
		}
		ConfigurableApplicationContext console = null;
		try (Stopper stopper = Stopper.install(this.err)) {
			if (port != null) {
				Path inbox = Path.of((arguments.optional("inbox") != null) ? arguments.optional("inbox") : "inbox");
				console = ConsoleCommands.startConsole(databaseProperties(arguments.optional("db")), port(port),
						arguments.optional("bind"), inbox);
				this.err.println("网页控制台已启动：http://" + console.getEnvironment().getProperty("server.address") + ":"
						+ console.getEnvironment().getProperty("local.server.port") + "/");
			}
			new Scheduler(this::runOnce, this::reportOnce, definitions, this.err).serve(stopper);
			return OK;
		}
		finally {
			if (console != null) {
				console.close();
			}
		}
	}

	private static int port(String text) {
		try {
			int port = Integer.parseInt(text);
			if (port < 0 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--port 应是 0 到 65535 之间的端口号：" + text);
		}
	}

	/**
	 * The {@code --db} of a {@code user} command, read before its options are checked.
	 */
	private static String userDb(String[] args) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals("--db")) {
				return args[i + 1];
			}
		}
		return null;
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
		Path out = writable("out", Path.of(arguments.required("out")));
		try (ConfigurableApplicationContext context = start(databaseProperties(arguments.optional("db")))) {
			long started = System.nanoTime();
			int rows = context.getBean(CsvExport.class)
				.write(period, level, arguments.optional("compare") != null, out);
			double took = (System.nanoTime() - started) / 1e9;
			context.getBean(OutputFiles.class).written(out, "导出的汇总表", java.time.Instant.now());
			this.err.println("已导出 " + rows + " 行到 " + out + String.format("（查询与写出 %.2f 秒）", took));
			return OK;
		}
	}

	private int report(Arguments arguments) throws IOException {
		String period = arguments.period();
		Path out = Path.of(arguments.required("out"));
		Path template = (arguments.optional("template") != null) ? Path.of(arguments.optional("template")) : null;
		try (ConfigurableApplicationContext context = start(databaseProperties(arguments.optional("db")))) {
			Report.Written written;
			try {
				written = context.getBean(Report.class).write(period, out, template);
			}
			catch (IllegalArgumentException ex) {
				this.err.println(ex.getMessage());
				return USAGE;
			}
			if (!written.withoutData().isEmpty()) {
				this.err.println("以下占位符本期没有数据，已填为 0：" + String.join("、", written.withoutData()));
			}
			for (Path file : written.files()) {
				context.getBean(OutputFiles.class).written(file, "汇总报告", java.time.Instant.now());
				this.out.println(file);
			}
			this.err.println("已写出 " + period + " 的汇总表和工作总结到 " + out);
			return OK;
		}
	}

	/**
	 * The report of a period into a folder, in a context of its own: for {@code serve}.
	 */
	void reportOnce(String period, String db, Path folder) throws IOException {
		try (ConfigurableApplicationContext context = start(databaseProperties(db))) {
			for (Path file : context.getBean(Report.class).write(period, folder, null).files()) {
				context.getBean(OutputFiles.class).written(file, "汇总报告", java.time.Instant.now());
			}
		}
	}

	private int feedback(Arguments arguments) throws IOException {
		String period = arguments.period();
		Path out = Path.of(arguments.required("out"));
		Path inbox = (arguments.optional("inbox") != null) ? Path.of(arguments.optional("inbox")) : null;
		try (ConfigurableApplicationContext context = start(databaseProperties(arguments.optional("db")))) {
			Feedback.Written written = context.getBean(Feedback.class).write(period, inbox, out, this.err::println);
			for (Path file : written.files()) {
				context.getBean(OutputFiles.class).written(file, "问题反馈表", java.time.Instant.now());
			}
			written.files().forEach(this.out::println);
			this.err.println("已写出 " + written.files().size() + " 份问题反馈到 " + out);
			if (!written.failed().isEmpty()) {
				this.err.println(written.failed().size() + " 份问题反馈没有写出，原因见上");
				return FAILED;
			}
			return OK;
		}
	}

	private int generate(Arguments arguments) throws IOException {
		String period = (arguments.optional("period") != null) ? arguments.period() : "2017-06";
		int units = arguments.positive("units", 8);
		int rows = arguments.positive("rows", 50);
		long seed = arguments.positive("seed", 1);
		List<InboxGenerator.Format> formats = new java.util.ArrayList<>();
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
		List<Path> files = new InboxGenerator(seed).write(out, period, units, rows, formats);
		this.err.println("已生成 " + files.size() + " 个文件到 " + out);
		return OK;
	}

	/** The run report's file, checked before the run: it can be written. */
	private static Path reportPath(Arguments arguments) {
		return (arguments.optional("report") != null) ? writable("report", Path.of(arguments.optional("report")))
				: null;
	}

	private static Path writable(String option, Path file) {
		try {
			AtomicFiles.checkWritable(file);
		}
		catch (IOException ex) {
			throw new UsageException("--" + option + " " + ex.getMessage());
		}
		return file;
	}

	/**
	 * {@code --db} as given, or {@code null}; a value that is no JDBC URL is a usage
	 * error.
	 */
	private static String checkDatabaseUrl(String db) {
		if (db != null && !db.startsWith("jdbc:")) {
			throw new UsageException("--db 应为 JDBC 地址，如 jdbc:postgresql://127.0.0.1:5432/test?user=postgres：" + db);
		}
		return db;
	}

	private static Map<String, Object> databaseProperties(String db) throws IOException {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (checkDatabaseUrl(db) != null) {
			properties.put("spring.datasource.url", db);
		}
		else if (System.getenv("HUIZONG_DB_URL") == null) {
			Files.createDirectories(Path.of("var"));
		}
		return properties;
	}

	/**
	 * Options given on the command line outrank every other source of settings. The
	 * context has no shutdown hook of its own: on SIGTERM the {@link Stopper} lets the
	 * file in hand finish first.
	 */
	/** The commands' context, for tests in this package. */
	static ConfigurableApplicationContext startForTests(Map<String, Object> properties) {
		return start(properties);
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		String[] args = properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(HuizongApplication.class).registerShutdownHook(false).run(args);
	}

	static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return (root == ex) ? message : ex.getMessage() + "（" + message + "）";
	}

}
