package org.huizong.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.huizong.intake.ReadLimits;
import org.huizong.intake.RowSink;
import org.huizong.intake.SubmissionReaders;
import org.huizong.load.LoaderBenchmark;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Times huizong against the floors of its work, on the same files, in one process:
 * reading against fastexcel-reader, writing facts against PostgreSQL's COPY of the same
 * rows, and the whole {@code run} end to end, then a rerun over the unchanged files.
 * Works in a schema of its own, dropped at the end.
 */
public final class Benchmark {

	private final Path folder;

	private final List<Path> files;

	private final long bytes;

	private final String db;

	private final String period;

	private final int filesPerChunk;

	private final Path jvmOptions;

	private final int repeat;

	private final Path jar;

	/**
	 * @param filesPerChunk the files a run loads in one transaction
	 * @param jvmOptions a file of JVM options for the {@code run} started as a new
	 * process (the {@code jvm.options} that {@code jobs/install.sh} writes), or
	 * {@code null}
	 * @param repeat how many times each phase that can be repeated runs; its median
	 * counts
	 */
	public Benchmark(Path folder, String db, String period, int filesPerChunk, Path jvmOptions, int repeat, Path jar)
			throws IOException {
		this.jar = jar;
		this.repeat = repeat;
		this.filesPerChunk = filesPerChunk;
		this.jvmOptions = jvmOptions;
		this.folder = folder;
		this.db = db;
		this.period = period;
		try (Stream<Path> walk = Files.walk(folder)) {
			this.files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		long total = 0;
		for (Path file : this.files) {
			total += Files.size(file);
		}
		this.bytes = total;
	}

	private static final String USAGE = """
			用法：mvn -B -q -Pbench test-compile exec:exec -Dbench.args="--files DIR --db JDBC_URL_POSTGRESQL \
			    [--period 2017-06] [--jar target/huizong.jar] [--jvm-options FILE] [--repeat 3]"
			""";

	/**
	 * Runs the benchmark from the command line; see {@code docs/benchmarks.md}.
	 */
	public static void main(String[] args) throws Exception {
		java.util.Map<String, String> options = new java.util.HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--") || options.put(args[i].substring(2), args[i + 1]) != null) {
				fail("参数有误：" + args[i]);
			}
		}
		if (args.length % 2 != 0 || !options.containsKey("files") || !options.containsKey("db")) {
			fail("缺少 --files 或 --db");
		}
		String db = options.get("db");
		if (!db.startsWith("jdbc:postgresql:")) {
			fail("bench 需要 PostgreSQL：--db jdbc:postgresql://…");
		}
		Path files = Path.of(options.get("files"));
		Path jar = Path.of(options.getOrDefault("jar", "target/huizong.jar"));
		if (!Files.isDirectory(files) || !Files.isRegularFile(jar)) {
			fail("文件夹或 jar 不存在：" + files + "、" + jar);
		}
		Path jvmOptions = options.containsKey("jvm-options") ? Path.of(options.get("jvm-options")) : null;
		String perChunk = System.getenv("HUIZONG_FILES_PER_CHUNK");
		int filesPerChunk = Integer
			.parseInt((perChunk != null) ? perChunk : org.huizong.HuizongProperties.FILES_PER_CHUNK);
		new Benchmark(files, db, options.getOrDefault("period", "2017-06"), filesPerChunk, jvmOptions,
				Integer.parseInt(options.getOrDefault("repeat", "3")), jar)
			.run((out, err, arguments) -> new org.huizong.cli.Cli(out, err).execute(arguments), System.out);
	}

	private static void fail(String why) {
		System.err.println(why);
		System.err.print(USAGE);
		System.exit(2);
	}

	/**
	 * The command that runs {@code run} in this process: the CLI, handed in to keep the
	 * layers apart.
	 */
	public interface Runner {

		int run(PrintStream out, PrintStream err, String... args);

	}

	/**
	 * Runs every phase in two passes. The first pass is cold, as a night's run is: the
	 * readers in a JVM that has not run them yet, and {@code run} in a new process, JVM
	 * start included. The second pass is warm, in this process after the first: the
	 * steady speed of each phase, without the JVM's warm-up. Each {@code run}, and in the
	 * warm pass each phase, is timed {@code repeat} times, alternately with its floor,
	 * and the median counts: the machine's speed drifts too much for one timing to tell.
	 */
	public void run(Runner cli, PrintStream out) throws Exception {
		out.printf("文件 %d 个，%.1f MB：%s；每项取 %d 次的中位数%n", this.files.size(), this.bytes / 1e6, this.folder, this.repeat);
		List<String> schemas = new ArrayList<>();
		try {
			coldPass(out, schemas);
			warmPass(cli, out, schemas);
		}
		finally {
			while (!schemas.isEmpty()) {
				dropLast(schemas);
			}
		}
	}

	private void coldPass(PrintStream out, List<String> schemas) throws Exception {
		out.println("第一遍（冷）：读取在尚未运行过它们的 JVM 中，run 为新进程（含 JVM 启动）"
				+ ((this.jvmOptions != null) ? "，JVM 选项另加 @" + this.jvmOptions : ""));
		Measurement fastexcel = fastexcel();
		print(out, fastexcel, null, List.of());
		print(out, ownReader(), fastexcel, List.of());
		List<Measurement> runs = new ArrayList<>();
		List<Measurement> floors = new ArrayList<>();
		for (int i = 0; i < this.repeat; i++) {
			String url = schema(schemas);
			Measurement run = Measurement.of("全程：huizong run", this.bytes, () -> runInNewProcess(url))
				.inAnotherProcess();
			runs.add(run);
			floors.add(withDump(url, (dump) -> copyFloor(url, dump, run.rows())));
			dropLast(schemas);
		}
		Measurement floor = Measurement.median(floors);
		Measurement run = Measurement.median(runs);
		print(out, floor, null, floors);
		print(out, run, null, runs);
		ratio(out, run, fastexcel, floor);
	}

	/**
	 * The warm pass, then a rerun over the unchanged files into its last run's schema.
	 */
	private void warmPass(Runner cli, PrintStream out, List<String> schemas) throws Exception {
		out.println("第二遍（热）：同一进程再做一遍");
		PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
		runHere(cli, quiet, schema(schemas));
		dropLast(schemas);
		List<Measurement> fastexcels = new ArrayList<>();
		List<Measurement> readers = new ArrayList<>();
		List<Measurement> runs = new ArrayList<>();
		List<Measurement> floors = new ArrayList<>();
		List<Measurement> loaders = new ArrayList<>();
		String url = null;
		for (int i = 0; i < this.repeat; i++) {
			fastexcels.add(fastexcel());
			readers.add(ownReader());
			String here = schema(schemas);
			Measurement run = Measurement.of("全程：huizong run", this.bytes, () -> runHere(cli, quiet, here));
			runs.add(run);
			withDump(here, (dump) -> {
				floors.add(copyFloor(here, dump, run.rows()));
				loaders.add(ownLoader(here, dump, run.rows()));
				return null;
			});
			if (i < this.repeat - 1) {
				dropLast(schemas);
			}
			url = here;
		}
		Measurement fastexcel = Measurement.median(fastexcels);
		Measurement floor = Measurement.median(floors);
		Measurement run = Measurement.median(runs);
		print(out, fastexcel, null, fastexcels);
		print(out, Measurement.median(readers), fastexcel, readers);
		print(out, floor, null, floors);
		print(out, Measurement.median(loaders), floor, loaders);
		print(out, run, null, runs);
		ratio(out, run, fastexcel, floor);
		String last = url;
		Measurement rerun = Measurement.of("重跑：文件未变", this.bytes, () -> {
			cli.run(quiet, quiet, "run", "--period", this.period, "--inbox", this.folder.toString(), "--db", last);
			return this.files.size();
		});
		print(out, rerun, null, List.of());
	}

	/** Drops the schema made last, with the facts of its run. */
	private void dropLast(List<String> schemas) throws SQLException {
		String schema = schemas.remove(schemas.size() - 1);
		try (Connection admin = DriverManager.getConnection(this.db); Statement statement = admin.createStatement()) {
			statement.execute("DROP SCHEMA " + schema + " CASCADE");
		}
	}

	private static void ratio(PrintStream out, Measurement run, Measurement read, Measurement write) {
		out.printf("  全程 ÷（读取下限 + 写入下限）= %.2f ÷ (%.2f + %.2f) = %.2f 倍%n", run.seconds(), read.seconds(),
				write.seconds(), run.seconds() / (read.seconds() + write.seconds()));
	}

	/** A new, empty schema for a run. @return the database URL that works in it */
	private String schema(List<String> schemas) throws SQLException {
		String schema = "huizong_bench_" + System.currentTimeMillis() + "_" + schemas.size();
		try (Connection admin = DriverManager.getConnection(this.db); Statement statement = admin.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		schemas.add(schema);
		return this.db + (this.db.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	/** {@code run} in this process. @return the facts in the tables after it */
	private long runHere(Runner cli, PrintStream quiet, String url) throws SQLException {
		int exit = cli.run(quiet, quiet, "run", "--period", this.period, "--inbox", this.folder.toString(), "--db",
				url);
		if (exit != 0 && exit != 3) {
			throw new IllegalStateException("run 失败，退出状态 " + exit);
		}
		return count(url);
	}

	/**
	 * {@code run} as a night starts it: a new JVM, with this one's options and those of
	 * the options file, on the product's jar. @return the facts in the tables after
	 * it
	 */
	private long runInNewProcess(String url) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		if (this.jvmOptions != null) {
			command.add("@" + this.jvmOptions.toAbsolutePath());
		}
		command.addAll(List.of("-jar", this.jar.toAbsolutePath().toString()));
		command.addAll(List.of("run", "--period", this.period, "--inbox", this.folder.toString(), "--db", url));
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		int exit = process.waitFor();
		if (exit != 0 && exit != 3) {
			throw new IllegalStateException("run 失败，退出状态 " + exit + "：" + String.join(" ", command));
		}
		return count(url);
	}

	/** One phase's line; with the times of all its runs when it ran more than once. */
	private static void print(PrintStream out, Measurement m, Measurement floor, List<Measurement> runs) {
		String ratio = (floor != null) ? String.format("  为下限的 %.0f%%", 100 * m.rowsPerSecond() / floor.rowsPerSecond())
				: "";
		String heap = (m.peakHeapBytes() >= 0) ? String.format("峰值堆 %4d MB", m.peakHeapBytes() >> 20) : "（另一进程）";
		StringBuilder times = new StringBuilder();
		if (runs.size() > 1) {
			for (Measurement run : runs) {
				times.append(times.isEmpty() ? "  各次 " : " / ").append(String.format("%.2f", run.seconds()));
			}
			times.append(" 秒");
		}
		out.printf("%-24s %9d 行 %7.2f 秒 %9.0f 行/秒 %6.1f MB/秒 %s%s%s%n", m.phase(), m.rows(), m.seconds(),
				m.rowsPerSecond(), m.megabytesPerSecond(), heap, ratio, times);
	}

	Measurement ownReader() throws Exception {
		ReadLimits limits = ReadLimits.defaults();
		return Measurement.of("读取：huizong", this.bytes, () -> {
			long[] rows = { 0 };
			RowSink counting = new RowSink() {
				@Override
				public void startSheet(String name) {
				}

				@Override
				public void row(org.huizong.intake.Row row) {
					rows[0]++;
				}

				@Override
				public void endSheet() {
				}
			};
			for (Path file : this.files) {
				SubmissionReaders.open(file, limits).read(counting);
			}
			return rows[0];
		});
	}

	Measurement fastexcel() throws Exception {
		return Measurement.of("读取下限：fastexcel-reader", this.bytes, () -> {
			long rows = 0;
			for (Path file : this.files) {
				try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
					for (Sheet sheet : (Iterable<Sheet>) workbook.getSheets()::iterator) {
						try (Stream<Row> stream = sheet.openStream()) {
							for (Row row : (Iterable<Row>) stream::iterator) {
								for (int c = 0; c < row.getCellCount(); c++) {
									row.getCell(c);
								}
								rows++;
							}
						}
					}
				}
			}
			return rows;
		});
	}

	private interface DumpUse {

		Measurement apply(Path dump) throws Exception;

	}

	/** Dumps the run's facts for {@code use}, deleting the dump after it. */
	private static Measurement withDump(String url, DumpUse use) throws Exception {
		Path dump = dump(url);
		try {
			return use.apply(dump);
		}
		finally {
			Files.deleteIfExists(dump);
		}
	}

	/** The facts of the run in {@code url}'s schema, in COPY's text format, in a file. */
	private static Path dump(String url) throws SQLException, IOException {
		Path dump = Files.createTempFile("huizong-facts", ".tsv");
		try (Connection connection = DriverManager.getConnection(url); OutputStream out = Files.newOutputStream(dump)) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut("COPY fact (" + LoaderBenchmark.COLUMNS + ") TO STDOUT", out);
		}
		return dump;
	}

	/**
	 * The write floor: one COPY of the run's facts, as {@code psql \copy} would send
	 * them.
	 */
	private Measurement copyFloor(String url, Path dump, long rows) throws Exception {
		try (Connection connection = DriverManager.getConnection(url)) {
			scratchTable(connection);
			return Measurement.of("写入下限：PostgreSQL COPY", Files.size(dump), () -> {
				try (var in = Files.newInputStream(dump)) {
					connection.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyIn("COPY fact_bench (" + LoaderBenchmark.COLUMNS + ") FROM STDIN", in);
				}
				return rows;
			});
		}
	}

	/**
	 * huizong's writing alone: the same facts through its own writer, one COPY and one
	 * transaction a batch of files, as a run sends them (files of the run's average
	 * size); rebuilding the facts from the dump is not timed.
	 */
	private Measurement ownLoader(String url, Path dump, long rows) throws Exception {
		long size = Files.size(dump);
		try (Connection connection = DriverManager.getConnection(url)) {
			scratchTable(connection);
		}
		int perBatch = (int) Math.max(1, rows * this.filesPerChunk / Math.max(1, this.files.size()));
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, true);
		try {
			return Measurement.timed("写入：huizong", size, () -> {
				LoaderBenchmark.Written written = LoaderBenchmark.write(dataSource, dump, "fact_bench", perBatch);
				return new long[] { written.facts(), written.nanos() };
			});
		}
		finally {
			dataSource.destroy();
		}
	}

	private static void scratchTable(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS fact_bench");
			statement.execute("CREATE TABLE fact_bench (LIKE fact INCLUDING ALL)");
		}
	}

	/** The facts in {@code url}'s schema after a run. */
	private static long count(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				var rs = statement.executeQuery("SELECT COUNT(*) FROM fact")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
