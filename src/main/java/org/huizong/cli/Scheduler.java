package org.huizong.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code serve}: runs each job of {@code jobs/} on its schedule, period after period,
 * each run in a context of its own, until SIGTERM. A run that fails is reported and the
 * schedule goes on.
 */
final class Scheduler {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final Duration WAIT_FOR_OTHER_RUN = Duration.ofMinutes(30);

	/** One run of a period, as {@code run} makes it. */
	@FunctionalInterface
	interface Runs {

		int run(Cli.RunRequest request, Stopper stopper) throws Exception;

	}

	/** The report of a period, as {@code report} writes it. */
	@FunctionalInterface
	interface Reports {

		void write(String period, String db, Path folder) throws Exception;

	}

	private final Runs runs;

	private final Reports reports;

	private final List<JobDefinition> jobs;

	private final PrintStream log;

	Scheduler(Runs runs, Reports reports, List<JobDefinition> jobs, PrintStream log) {
		this.runs = runs;
		this.reports = reports;
		this.jobs = jobs;
		this.log = log;
	}

	void serve(Stopper stopper) throws InterruptedException {
		Map<JobDefinition, ZonedDateTime> next = new LinkedHashMap<>();
		for (JobDefinition job : this.jobs) {
			next.put(job, job.schedule().next(ZonedDateTime.now(job.zone())));
			this.log.println("作业 " + job.name() + "：下次运行 " + next.get(job));
		}
		while (!stopper.stopping()) {
			for (JobDefinition job : this.jobs) {
				ZonedDateTime now = ZonedDateTime.now(job.zone());
				if (!now.isBefore(next.get(job)) && !stopper.stopping()) {
					runJob(job, now, stopper);
					next.put(job, job.schedule().next(ZonedDateTime.now(job.zone())));
					this.log.println("作业 " + job.name() + "：下次运行 " + next.get(job));
				}
			}
			long sleep = next.values()
				.stream()
				.mapToLong((at) -> Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis())
				.min()
				.orElse(1000);
			stopper.sleep(Math.max(10, Math.min(sleep, 1000)));
		}
		this.log.println("已停止");
	}

	/** The period's report workbook and narrative, into the job's reports folder. */
	private void report(JobDefinition job, String period) {
		Path folder = job.reports().resolve(job.name() + "-" + period);
		try {
			this.reports.write(period, job.db(), folder);
			this.log.println("作业 " + job.name() + "：" + period + " 的汇总表和工作总结已写出到 " + folder);
		}
		catch (Exception ex) {
			this.log.println("作业 " + job.name() + "：" + period + " 的汇总报告未能写出：" + Cli.describe(ex));
		}
	}

	private void runJob(JobDefinition job, ZonedDateTime now, Stopper stopper) {
		for (String period : job.periods(now)) {
			if (stopper.stopping()) {
				return;
			}
			Path inbox = job.inboxFor(period);
			if (!Files.isDirectory(inbox)) {
				this.log.println("作业 " + job.name() + "：期间 " + period + " 的收件箱 " + inbox + " 不存在，跳过");
				continue;
			}
			Path report = (job.reports() != null)
					? job.reports().resolve(job.name() + "-" + period + "-" + now.format(STAMP) + ".json") : null;
			this.log.println("作业 " + job.name() + "：开始汇总 " + period + "（" + inbox + "）");
			try {
				int exit = this.runs.run(new Cli.RunRequest(period, inbox.toAbsolutePath().normalize(), job.db(),
						report, Map.of(), false, WAIT_FOR_OTHER_RUN), stopper);
				this.log.println("作业 " + job.name() + "：" + period + " 结束，退出状态 " + exit);
				if (job.reports() != null && (exit == Cli.OK || exit == Cli.REJECTIONS)) {
					report(job, period);
				}
			}
			catch (Exception ex) {
				this.log.println("作业 " + job.name() + "：" + period + " 运行失败：" + Cli.describe(ex));
			}
		}
	}

}
