package org.huizong.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve}'s schedule without a database: each job runs on its schedule for this
 * month and, until its due day, the month before; a missing inbox is told and passed
 * over; a run that fails is told and the schedule goes on; a stop ends it.
 */
class SchedulerTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@TempDir
	Path dir;

	@Test
	void runsEachPeriodOfEachJobAndGoesOnPastFailures() throws Exception {
		YearMonth month = YearMonth.now(ZONE);
		Files.createDirectories(this.dir.resolve(month.toString()));
		Files.createDirectories(this.dir.resolve(month.minusMonths(1).toString()));
		JobDefinition every = new JobDefinition("每秒", CronExpression.parse("* * * * * *"), ZONE, this.dir + "/{period}",
				31, "jdbc:h2:mem:none", this.dir.resolve("reports"));
		JobDefinition nowhere = new JobDefinition("无收件箱", CronExpression.parse("* * * * * *"), ZONE,
				this.dir + "/nowhere/{period}", 0, "jdbc:h2:mem:none", null);
		List<String> ran = new ArrayList<>();
		List<String> reported = new ArrayList<>();
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		try (Stopper stopper = Stopper.install(new PrintStream(log, true, StandardCharsets.UTF_8))) {
			Scheduler scheduler = new Scheduler((request, stop) -> {
				ran.add(request.period() + " " + request.inbox().getFileName());
				if (ran.size() == 1) {
					throw new IllegalStateException("数据库连不上");
				}
				if (ran.size() == 4) {
					stop.stop();
				}
				return Cli.REJECTIONS;
			}, (period, db, folder) -> reported.add(period + " " + folder.getFileName()), List.of(every, nowhere),
					new PrintStream(log, true, StandardCharsets.UTF_8));
			scheduler.serve(stopper);
		}

		String previous = month.minusMonths(1).toString();
		assertThat(ran).containsExactly(previous + " " + previous, month + " " + month, previous + " " + previous,
				month + " " + month);
		assertThat(reported).containsExactly(month + " 每秒-" + month, previous + " 每秒-" + previous,
				month + " 每秒-" + month);
		String told = log.toString(StandardCharsets.UTF_8);
		assertThat(told)
			.contains("作业 每秒：" + previous + " 运行失败：数据库连不上", "作业 每秒：" + month + " 结束，退出状态 3",
					"作业 无收件箱：期间 " + month + " 的收件箱 " + this.dir.resolve("nowhere/" + month) + " 不存在，跳过")
			.endsWith("已停止" + System.lineSeparator());
	}

}
