package org.huizong.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.huizong.issue.Issue;

/** The run report as JSON, in the form of the outside contract. */
public final class RunReportJson {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private RunReportJson() {
	}

	public static void write(RunReport report, Path file) throws IOException {
		Map<String, Object> json = toMap(report);
		AtomicFiles.write(file,
				(out) -> JSON.writer()
					.without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
					.writeValue(out, json));
	}

	/** One file's entry of the run report, as the report and the web API give it. */
	public static Map<String, Object> toMap(FileReport file) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("name", file.name());
		f.put("status", file.status());
		f.put("unit", file.unit());
		f.put("facts", file.facts());
		f.put("reason", file.reason());
		f.put("reason_code", file.reasonCode());
		f.put("format", file.format());
		f.put("encoding", file.encoding());
		f.put("sha256", file.sha256());
		f.put("rows", file.rows());
		f.put("superseded_by", file.supersededBy());
		List<Map<String, Object>> issues = new ArrayList<>();
		for (Issue issue : file.issues()) {
			Map<String, Object> i = new LinkedHashMap<>();
			i.put("severity", issue.severity().label());
			i.put("code", issue.code());
			i.put("sheet", issue.sheet());
			i.put("cell", issue.cell());
			i.put("message", issue.message());
			issues.add(i);
		}
		f.put("issues", issues);
		return f;
	}

	static Map<String, Object> toMap(RunReport report) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("period", report.period());
		root.put("run", report.runId());
		root.put("status", report.status());
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("files", report.files().size());
		summary.put("loaded", report.count("loaded"));
		summary.put("unchanged", report.count("unchanged"));
		summary.put("rejected", report.count("rejected"));
		summary.put("superseded", report.superseded().size());
		summary.put("skipped", report.skipped().size());
		summary.put("facts", report.factsLoaded());
		summary.put("errors", report.errors());
		summary.put("warnings", report.warnings());
		root.put("summary", summary);
		List<Map<String, Object>> files = new ArrayList<>();
		for (FileReport file : report.files()) {
			files.add(toMap(file));
		}
		root.put("files", files);
		List<Map<String, Object>> skipped = new ArrayList<>();
		for (RunReport.Skipped file : report.skipped()) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("name", file.name());
			s.put("reason_code", file.code());
			s.put("reason", file.reason());
			skipped.add(s);
		}
		root.put("skipped", skipped);
		return root;
	}

}
