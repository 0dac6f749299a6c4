package org.huizong.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.huizong.job.RunLauncher;
import org.huizong.period.Period;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 运行: the runs so far, and a run or a forced rerun of a period started from the page,
 * over the period's upload inbox, with the same lock as the command line: a page and the
 * nightly job never interleave. The page follows a run's files as they are read.
 */
@Controller
@Profile("web")
public class RunsPage {

	/** A run and how many files it has read. */
	public record Run(long id, String period, String inbox, Timestamp startedAt, Timestamp finishedAt, String status,
			int files) {

		public String statusText() {
			return switch (this.status) {
				case "running" -> "运行中";
				case "completed" -> "已完成";
				case "failed" -> "失败";
				case "stopped" -> "已停止";
				default -> this.status;
			};
		}

	}

	private final JdbcTemplate jdbc;

	private final RunLauncher launcher;

	private final Uploads uploads;

	private final TaskExecutor executor;

	private final Accounts accounts;

	private final Audit audit;

	RunsPage(JdbcTemplate jdbc, RunLauncher launcher, Uploads uploads, TaskExecutor executor, Accounts accounts,
			Audit audit) {
		this.jdbc = jdbc;
		this.launcher = launcher;
		this.uploads = uploads;
		this.executor = executor;
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/runs")
	String page(Authentication authentication, Model model) {
		model.addAttribute("viewer", Viewer.of(authentication, this.accounts));
		model.addAttribute("runs", runs());
		model.addAttribute("previousMonth", java.time.YearMonth.now().minusMonths(1).toString());
		return "runs";
	}

	@GetMapping(path = "/runs.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<Map<String, Object>> runsJson() {
		java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
		return runs().stream().map((run) -> {
			Map<String, Object> json = new java.util.LinkedHashMap<>();
			json.put("id", run.id());
			json.put("period", run.period());
			json.put("startedAt", run.startedAt().toLocalDateTime().format(time));
			json.put("finishedAt", (run.finishedAt() != null) ? run.finishedAt().toLocalDateTime().format(time) : "");
			json.put("status", run.status());
			json.put("files", run.files());
			json.put("inbox", run.inbox());
			return json;
		}).toList();
	}

	/** Starts a run of the period in the background; the page follows it. */
	@PostMapping("/runs")
	String start(@RequestParam String period, @RequestParam(defaultValue = "false") boolean force,
			Authentication authentication, RedirectAttributes redirect) throws Exception {
		String asked = Period.parse(period).toString();
		Path folder = Files.createDirectories(this.uploads.inbox().resolve(asked));
		this.audit.record(authentication.getName(), force ? "强制重新运行" : "运行", asked, folder.toString());
		this.executor.execute(() -> {
			try {
				this.launcher.run(asked, folder, force, Duration.ofMinutes(10), (note) -> {
				});
			}
			catch (Exception ex) {
				this.audit.record(authentication.getName(), "运行失败", asked, String.valueOf(ex.getMessage()));
			}
		});
		redirect.addFlashAttribute("done", "已开始" + (force ? "强制重新" : "") + "运行 " + asked + "（收件箱 " + folder + "）");
		return "redirect:/runs";
	}

	private List<Run> runs() {
		return this.jdbc.query("SELECT r.id, r.period, r.inbox, r.started_at, r.finished_at, r.status, "
				+ "(SELECT COUNT(*) FROM run_file f WHERE f.run_id = r.id) FROM run r ORDER BY r.started_at DESC",
				(rs) -> {
					List<Run> runs = new java.util.ArrayList<>();
					while (rs.next() && runs.size() < 30) {
						runs.add(new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4),
								rs.getTimestamp(5), rs.getString(6), rs.getInt(7)));
					}
					return runs;
				});
	}

}
