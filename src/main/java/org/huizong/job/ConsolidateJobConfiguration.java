package org.huizong.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;

import javax.sql.DataSource;

import org.huizong.load.Consolidator;
import org.huizong.load.OutputFiles;
import org.huizong.load.PeriodLock;
import org.huizong.load.RunHistory;
import org.huizong.load.SubmissionLoader;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job {@code consolidate}: parameters {@code period} and {@code inbox} (and
 * {@code run.at}, so every run is a new instance; the submissions ledger, not the
 * parameters, keeps a file from loading twice). Step {@code intake} loads a few files per
 * chunk ({@code huizong.files-per-chunk}) in one transaction with the run's record of it
 * (see {@link SubmissionLoader}); step {@code consolidate} rebuilds the period's
 * consolidated tables in one transaction.
 */
@Configuration(proxyBeanMethods = false)
public class ConsolidateJobConfiguration {

	/* How long a run waits for another run of the same year to finish consolidating. */
	private static final java.time.Duration YEAR_LOCK_WAIT = java.time.Duration.ofMinutes(30);

	public static final String JOB_NAME = "consolidate";

	public static final String PERIOD = "period";

	public static final String INBOX = "inbox";

	public static final String RUN_AT = "run.at";

	public static final String FORCE = "force";

	@Bean
	RunLauncher runLauncher(JobOperator jobOperator, JobRepository jobRepository, Job consolidateJob,
			DataSource dataSource, RunHistory history, Clock clock, org.huizong.HuizongProperties properties) {
		return new RunLauncher(jobOperator, jobRepository, consolidateJob, dataSource, history, clock,
				properties.dbTimeout());
	}

	@Bean
	Job consolidateJob(JobRepository jobRepository, Step intakeStep, Step consolidateStep, RunHistory history,
			Clock clock) {
		return new JobBuilder(JOB_NAME, jobRepository).start(intakeStep)
			.next(consolidateStep)
			.listener(new JobExecutionListener() {
				@Override
				public void beforeJob(JobExecution execution) {
					history.started(execution.getId(), execution.getJobParameters().getString(PERIOD),
							execution.getJobParameters().getString(INBOX), clock.instant());
				}

				@Override
				public void afterJob(JobExecution execution) {
					String status = switch (execution.getStatus()) {
						case COMPLETED -> "completed";
						case STOPPED, STOPPING -> "stopped";
						default -> "failed";
					};
					history.finished(execution.getId(), status, clock.instant());
				}
			})
			.build();
	}

	@Bean
	Step intakeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, InboxReader inboxReader,
			SubmissionWriter submissionWriter, org.huizong.HuizongProperties properties) {
		return new StepBuilder("intake", jobRepository).<InboxFile, InboxFile>chunk(properties.filesPerChunk())
			.transactionManager(transactionManager)
			.reader(inboxReader)
			.writer(submissionWriter)
			.listener(submissionWriter)
			.build();
	}

	@Bean
	@StepScope
	InboxReader inboxReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{stepExecution}") org.springframework.batch.core.step.StepExecution stepExecution,
			RunProgress progress, RunHistory history, OutputFiles outputs) {
		JobExecution job = stepExecution.getJobExecution();
		return new InboxReader(Path.of(inbox), progress, history, outputs.recogniser(), job.getId(),
				job.getJobInstance().getInstanceId());
	}

	@Bean
	@StepScope
	SubmissionWriter submissionWriter(SubmissionLoader loader, InboxReader inboxReader, RunHistory history,
			@Value("#{jobParameters['period']}") String period, @Value("#{jobParameters['force']}") String force,
			RunProgress progress, org.springframework.beans.factory.ObjectProvider<RunLauncher> launcher) {
		return new SubmissionWriter(loader, inboxReader, history, period, Boolean.parseBoolean(force), progress,
				() -> launcher.getObject().stopRequested());
	}

	/**
	 * Consolidates the period, and the longer periods that hold it, in a transaction of
	 * its own taken under the year's lock: the lock is let go once the tables are
	 * committed, so two runs of one year's months rebuild its quarter and year one after
	 * the other.
	 */
	@Bean
	Step consolidateStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Consolidator consolidator, DataSource dataSource) {
		TransactionTemplate own = new TransactionTemplate(transactionManager);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new StepBuilder("consolidate", jobRepository).tasklet((contribution, chunkContext) -> {
			String period = chunkContext.getStepContext().getStepExecution().getJobParameters().getString(PERIOD);
			List<PeriodLock> years = new ArrayList<>();
			try {
				for (String name : Consolidator.lockNames(period)) {
					PeriodLock year = PeriodLock.acquire(dataSource, name, YEAR_LOCK_WAIT, (note) -> {
					});
					if (year == null) {
						throw new IllegalStateException(
								"另一次汇总占用 " + name + " 超过 " + YEAR_LOCK_WAIT.toMinutes() + " 分钟，本期汇总表未更新");
					}
					years.add(year);
				}
				own.executeWithoutResult((status) -> consolidator.consolidate(period));
			}
			finally {
				for (PeriodLock year : years) {
					year.close();
				}
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
