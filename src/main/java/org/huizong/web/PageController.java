package org.huizong.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.huizong.period.Period;
import org.huizong.report.CsvExport;
import org.huizong.report.Feedback;
import org.huizong.report.Report;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.util.FileSystemUtils;

/** The console's pages: 首页, a period, a unit (with its upload form), the audit. */
@Controller
@Profile("web")
class PageController {

	private final Accounts accounts;

	private final Console console;

	private final Uploads uploads;

	private final CsvExport export;

	private final Audit audit;

	private final Report report;

	private final Feedback feedback;

	PageController(Accounts accounts, Console console, Uploads uploads, CsvExport export, Audit audit, Report report,
			Feedback feedback) {
		this.accounts = accounts;
		this.console = console;
		this.uploads = uploads;
		this.export = export;
		this.audit = audit;
		this.report = report;
		this.feedback = feedback;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/**
	 * The office's home: the periods and how far each is; a unit's account goes to its
	 * unit.
	 */
	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication, this.accounts);
		if (!viewer.office()) {
			return "redirect:/units/" + encode(viewer.unit());
		}
		model.addAttribute("viewer", viewer);
		model.addAttribute("periods", this.console.periods());
		model.addAttribute("roster", this.console.catalog().roster());
		return "home";
	}

	@GetMapping("/periods/{period}")
	String period(@PathVariable String period, Authentication authentication, Model model) {
		Period.parse(period);
		model.addAttribute("viewer", Viewer.of(authentication, this.accounts));
		model.addAttribute("period", period);
		Console.PeriodView view = this.console.view(period, this.export);
		model.addAttribute("progress", view.progress());
		model.addAttribute("rosterRows", view.rosterRows());
		model.addAttribute("figureRows", view.figureRows());
		return "period";
	}

	/** The campaigns' figures for the period's charts: per campaign, metric → value. */
	@GetMapping(path = "/periods/{period}/chart.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Map<String, BigDecimal>> chart(@PathVariable String period) {
		Period.parse(period);
		Map<String, Map<String, BigDecimal>> campaigns = new LinkedHashMap<>();
		for (Map<String, String> row : this.export.records(period, CsvExport.Level.CAMPAIGN, false)) {
			String metric = row.get("metric") + (row.get("source").isEmpty() ? "" : "（" + row.get("source") + "）");
			campaigns.computeIfAbsent(row.get("campaign"), (c) -> new LinkedHashMap<>())
				.put(metric, new BigDecimal(row.get("value")));
		}
		return campaigns;
	}

	/**
	 * The cells behind a figure of the period: unit, file, sheet, cell and the text as
	 * written.
	 */
	@GetMapping("/periods/{period}/cells")
	String cells(@PathVariable String period, @RequestParam String campaign, @RequestParam String metric,
			@RequestParam(defaultValue = "") String source, Authentication authentication, Model model) {
		Period.parse(period);
		model.addAttribute("viewer", Viewer.of(authentication, this.accounts));
		model.addAttribute("period", period);
		model.addAttribute("figure", campaign + " / " + metric + (source.isEmpty() ? "" : "（" + source + "）"));
		model.addAttribute("sources", this.console.sources(period, campaign, metric, source));
		return "cells";
	}

	/** The report workbook or the narrative draft of the period, written now. */
	@GetMapping("/periods/{period}/report/{kind}")
	ResponseEntity<StreamingResponseBody> report(@PathVariable String period, @PathVariable String kind,
			Authentication authentication) throws IOException {
		Period.parse(period);
		String prefix = switch (kind) {
			case "xlsx" -> "汇总表_";
			case "docx" -> "工作总结_";
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
		Path folder = Files.createTempDirectory("huizong-report-");
		Path file = null;
		for (Path written : this.report.write(period, folder, null).files()) {
			if (written.getFileName().toString().startsWith(prefix)) {
				file = written;
			}
		}
		this.audit.record(authentication.getName(), "下载", period, prefix + period + "." + kind);
		return download(folder, file, prefix + period + "." + kind, "application/octet-stream");
	}

	/**
	 * A unit's feedback workbook of its latest file of the period: its faults at their
	 * cells.
	 */
	@GetMapping("/units/{unit}/feedback/{period}")
	ResponseEntity<StreamingResponseBody> feedback(@PathVariable String unit, @PathVariable String period,
			Authentication authentication) throws IOException {
		Viewer viewer = mayUse(authentication, unit);
		Period.parse(period);
		Path folder = Files.createTempDirectory("huizong-feedback-");
		this.feedback.write(period, null, folder, (note) -> {
		});
		Path file = folder.resolve(Feedback.fileName(unit, period));
		if (!Files.isRegularFile(file)) {
			FileSystemUtils.deleteRecursively(folder);
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "本期最近一次运行中没有该单位需要反馈的问题");
		}
		this.audit.record(viewer.name(), "下载", period, "问题反馈 " + unit);
		return download(folder, file, file.getFileName().toString(), "application/octet-stream");
	}

	/**
	 * A file written for this download only, sent and then removed with its folder: a
	 * console that runs for months keeps nothing of what it handed out.
	 */
	private static ResponseEntity<StreamingResponseBody> download(Path folder, Path file, String name, String type) {
		StreamingResponseBody body = (out) -> {
			try {
				Files.copy(file, out);
			}
			finally {
				FileSystemUtils.deleteRecursively(folder);
			}
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(name, java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.parseMediaType(type))
			.body(body);
	}

	@GetMapping("/periods/{period}/export.csv")
	ResponseEntity<StreamingResponseBody> exportCsv(@PathVariable String period,
			@RequestParam(defaultValue = "unit") String level, Authentication authentication) throws IOException {
		Period.parse(period);
		Path folder = Files.createTempDirectory("huizong-export-");
		Path file = folder.resolve("export.csv");
		this.export.write(period, CsvExport.Level.parse(level), true, file);
		this.audit.record(authentication.getName(), "下载", period, "汇总数据 " + level + " 级 CSV");
		return download(folder, file, "汇总_" + period + "_" + level + ".csv", "text/csv;charset=UTF-8");
	}

	@GetMapping("/units/{unit}")
	String unit(@PathVariable String unit, Authentication authentication, Model model) {
		Viewer viewer = mayUse(authentication, unit);
		model.addAttribute("viewer", viewer);
		model.addAttribute("unit", unit);
		model.addAttribute("submissions", this.console.submissions(unit));
		String current = java.time.YearMonth.now().minusMonths(1).toString();
		model.addAttribute("currentPeriod", current);
		model.addAttribute("due", Console.dueDate(current, this.console.dueDay()));
		return "unit";
	}

	/**
	 * A unit's file sent from its page: the answer is the page with the file's outcome.
	 */
	@PostMapping("/units/{unit}/upload")
	String upload(@PathVariable String unit, @RequestParam String period, @RequestParam("file") MultipartFile file,
			Authentication authentication, Model model) throws Exception {
		Viewer viewer = mayUse(authentication, unit);
		try {
			Map<String, Object> entry = this.uploads.accept(period, unit, file.getOriginalFilename(),
					file.getInputStream());
			this.audit.record(viewer.name(), "上传", period, entry.get("name") + "：" + entry.get("status"));
			model.addAttribute("outcome", entry);
			model.addAttribute("outcomePeriod", Period.parse(period).toString());
			model.addAttribute("outcomeErrors",
					((List<?>) entry.get("issues")).stream()
						.filter((issue) -> "error".equals(((Map<?, ?>) issue).get("severity")))
						.count());
		}
		catch (Uploads.Refused | Uploads.Busy ex) {
			this.audit.record(viewer.name(), "上传被拒", period, ex.getMessage());
			model.addAttribute("refused", ex.getMessage());
		}
		return unit(unit, authentication, model);
	}

	@GetMapping("/audit")
	String audit(Authentication authentication, Model model) {
		model.addAttribute("viewer", Viewer.of(authentication, this.accounts));
		model.addAttribute("entries", this.audit.latest(200));
		return "audit";
	}

	private Viewer mayUse(Authentication authentication, String unit) {
		Viewer viewer = Viewer.of(authentication, this.accounts);
		if (!viewer.mayUse(unit)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查看本单位的页面");
		}
		if (!this.console.knownUnit(unit)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个单位：" + unit);
		}
		return viewer;
	}

	static String encode(String text) {
		return org.springframework.web.util.UriUtils.encodePathSegment(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
