package org.huizong.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.huizong.period.Period;
import org.huizong.report.CsvExport;
import org.huizong.report.Roster;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The JSON API of the outside contract, under {@code /api}, with HTTP Basic. */
@RestController
@Profile("web")
class ApiController {

	private final Accounts accounts;

	private final Console console;

	private final Uploads uploads;

	private final CsvExport export;

	private final Audit audit;

	ApiController(Accounts accounts, Console console, Uploads uploads, CsvExport export, Audit audit) {
		this.accounts = accounts;
		this.console = console;
		this.uploads = uploads;
		this.export = export;
		this.audit = audit;
	}

	/** Who sent what and who has not: office accounts only (the security rules). */
	@GetMapping("/api/periods/{period}/status")
	ResponseEntity<Map<String, Object>> status(@PathVariable String period) {
		Period.parse(period);
		List<Map<String, Object>> submitted = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (Roster.Entry entry : this.console.roster(period).entries()) {
			if (entry.file().isEmpty()) {
				if (!missing.contains(entry.unit())) {
					missing.add(entry.unit());
				}
				continue;
			}
			Map<String, Object> unit = new LinkedHashMap<>();
			unit.put("unit", entry.unit());
			unit.put("period", entry.period());
			unit.put("file", entry.file());
			unit.put("status", entry.status());
			unit.put("received_at", (entry.receivedAt() != null) ? entry.receivedAt().toString() : null);
			unit.put("errors", entry.errors());
			unit.put("warnings", entry.warnings());
			unit.put("reason", entry.reason());
			submitted.add(unit);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("period", period);
		answer.put("submitted", submitted);
		answer.put("missing", missing);
		return ResponseEntity.ok(answer);
	}

	/** A file read, checked and loaded at once: the file's entry of the run report. */
	@PostMapping("/api/periods/{period}/submissions")
	ResponseEntity<Map<String, Object>> submit(@PathVariable String period, @RequestParam("file") MultipartFile file,
			Authentication authentication) throws Exception {
		Viewer viewer = Viewer.of(authentication, this.accounts);
		try {
			Map<String, Object> entry = this.uploads.accept(period, viewer.office() ? null : viewer.unit(),
					file.getOriginalFilename(), file.getInputStream());
			this.audit.record(viewer.name(), "上传", period, entry.get("name") + "：" + entry.get("status"));
			return ResponseEntity.ok(entry);
		}
		catch (Uploads.Refused ex) {
			this.audit.record(viewer.name(), "上传被拒", period, ex.getMessage());
			return ResponseEntity.status(ex.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST)
				.body(Map.of("status", "refused", "reason", ex.getMessage()));
		}
	}

	/**
	 * The export's rows; a unit's account gets its own unit's rows, and no campaign
	 * level.
	 */
	@GetMapping("/api/periods/{period}/consolidated")
	ResponseEntity<?> consolidated(@PathVariable String period, @RequestParam(defaultValue = "unit") String level,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication, this.accounts);
		CsvExport.Level asked;
		try {
			asked = CsvExport.Level.parse(level);
			Period.parse(period);
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", "level 只能是 unit 或 campaign；期间如 2017-06"));
		}
		if (!viewer.office() && asked == CsvExport.Level.CAMPAIGN) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("status", 403, "error", "单位账号只能查看本单位的数据"));
		}
		List<Map<String, String>> rows = this.export.records(period, asked, false);
		if (!viewer.office()) {
			rows = rows.stream().filter((row) -> viewer.unit().equals(row.get("unit"))).toList();
		}
		return ResponseEntity.ok(rows);
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(Uploads.Busy.class)
	ResponseEntity<Map<String, Object>> busy(Uploads.Busy ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(Map.of("status", "busy", "reason", String.valueOf(ex.getMessage())));
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("status", 400, "error", String.valueOf(ex.getMessage())));
	}

}
