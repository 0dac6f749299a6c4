package org.huizong.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.huizong.load.PeriodLock;
import org.huizong.load.RunHistory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs the job {@code consolidate} for a period the way an unattended office needs it:
 * one run per period at a time (a lock in the database), executions that a killed process
 * left behind marked failed first, and a stop on request that lets the chunk of files in
 * hand finish.
 */
public final class RunLauncher {

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final DataSource dataSource;

	private final RunHistory history;

	private final Clock clock;

	private final Duration dbTimeout;

	private volatile boolean stopRequested;

	RunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job job, DataSource dataSource,
			RunHistory history, Clock clock, Duration dbTimeout) {
		this.dbTimeout = dbTimeout;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
		this.dataSource = dataSource;
		this.history = history;
		this.clock = clock;
	}

	/**
	 * Consolidates {@code period} from {@code inbox}.
	 * @return the finished execution, or empty when another run of the period still held
	 * it after {@code wait}
	 */
	public Optional<JobExecution> run(String period, Path inbox, boolean force, Duration wait, Consumer<String> notes)
			throws Exception {
		try (PeriodLock lock = PeriodLock.acquire(this.dataSource, period, wait, notes)) {
			if (lock == null) {
				return Optional.empty();
			}
			lock.keepAlive(this.dbTimeout);
			recoverLeftBehind(period, notes);
			JobParameters parameters = new JobParametersBuilder().addString(ConsolidateJobConfiguration.PERIOD, period)
				.addString(ConsolidateJobConfiguration.INBOX, inbox.toString())
				.addString(ConsolidateJobConfiguration.FORCE, Boolean.toString(force), false)
				.addLocalDateTime(ConsolidateJobConfiguration.RUN_AT, LocalDateTime.now(this.clock))
				.toJobParameters();
			return Optional.of(this.jobOperator.start(this.job, parameters));
		}
	}

	/**
	 * Finishes the period's latest run that did not complete (killed, failed or stopped),
	 * from the file where it stopped.
	 * @return the restarted execution; empty when the lock was not had, or nothing was
	 * left to finish
	 */
	public Optional<JobExecution> restart(String period, Duration wait, Consumer<String> notes) throws Exception {
		try (PeriodLock lock = PeriodLock.acquire(this.dataSource, period, wait, notes)) {
			if (lock == null) {
				return Optional.empty();
			}
			lock.keepAlive(this.dbTimeout);
			recoverLeftBehind(period, notes);
			Optional<JobExecution> last = latest(period);
			if (last.isEmpty() || last.get().getStatus() == BatchStatus.COMPLETED
					|| last.get().getStatus() == BatchStatus.ABANDONED) {
				notes.accept("期间 " + period + " 没有未完成的汇总需要继续");
				return Optional.empty();
			}
			notes.accept("继续第 " + last.get().getId() + " 次运行（" + last.get().getStatus() + "），从中断处接着读");
			return Optional.of(this.jobOperator.restart(last.get()));
		}
	}

	/**
	 * Asks the running job to stop once the chunk of files in hand is done. The intake
	 * step looks for the request after each chunk, on its own thread: asking Spring
	 * Batch's {@code JobOperator.stop} instead races the step's own update of its
	 * execution, and the run can end failed rather than stopped.
	 */
	public void requestStop() {
		this.stopRequested = true;
	}

	/** Whether a stop was asked for. */
	boolean stopRequested() {
		return this.stopRequested;
	}

	/** Marks failed the executions of the period that a killed process left running. */
	private void recoverLeftBehind(String period, Consumer<String> notes) {
		for (JobExecution execution : this.jobRepository
			.findRunningJobExecutions(ConsolidateJobConfiguration.JOB_NAME)) {
			if (period.equals(execution.getJobParameters().getString(ConsolidateJobConfiguration.PERIOD))) {
				this.jobOperator.recover(execution);
				this.history.interrupted(execution.getId(), this.clock.instant());
				notes.accept("第 " + execution.getId() + " 次运行（开始于 " + execution.getStartTime() + "）中途中断，已标记为失败");
			}
		}
	}

	private Optional<JobExecution> latest(String period) {
		List<JobInstance> instances = this.jobRepository.findJobInstances(ConsolidateJobConfiguration.JOB_NAME);
		return instances.stream()
			.flatMap((instance) -> this.jobRepository.getJobExecutions(instance).stream())
			.filter((execution) -> period
				.equals(execution.getJobParameters().getString(ConsolidateJobConfiguration.PERIOD)))
			.max(Comparator.comparingLong(JobExecution::getId));
	}

}
