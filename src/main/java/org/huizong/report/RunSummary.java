package org.huizong.report;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.huizong.issue.Issue;
import org.huizong.issue.Severity;

/**
 * The end of a run's output, for a person at a terminal: faults grouped by unit (a few
 * each), then the summary the outside contract promises, last.
 */
public final class RunSummary {

	private static final int ISSUES_PER_UNIT = 8;

	private RunSummary() {
	}

	public static void print(RunReport report, PrintStream out) {
		Map<String, List<String>> byUnit = new LinkedHashMap<>();
		for (FileReport file : report.files()) {
			for (Issue issue : file.issues()) {
				if (issue.severity() == Severity.ERROR || issue.severity() == Severity.WARNING) {
					String tag = (issue.severity() == Severity.ERROR) ? "错误" : "警告";
					byUnit.computeIfAbsent(Printable.of(file.unit()), (u) -> new java.util.ArrayList<>())
						.add("[" + tag + "] " + Printable.of(issue.located(file.name())));
				}
			}
		}
		if (!byUnit.isEmpty()) {
			out.println("问题（按单位）：");
			byUnit.forEach((unit, lines) -> {
				out.println("  " + unit + "（" + lines.size() + " 个）");
				lines.stream().limit(ISSUES_PER_UNIT).forEach((line) -> out.println("    " + line));
				if (lines.size() > ISSUES_PER_UNIT) {
					out.println("    …另有 " + (lines.size() - ISSUES_PER_UNIT) + " 个，见 --report 运行报告");
				}
			});
			out.println();
		}
		out.println("== 汇总结果：" + report.period() + (report.status().equals("completed") ? "" : "（运行失败）") + " ==");
		out.printf("文件 %d 个：载入 %d，未变 %d，拒收 %d%n", report.files().size(), report.count("loaded"),
				report.count("unchanged"), report.count("rejected"));
		out.printf("载入数据 %d 条；问题 %d 个（错误 %d，警告 %d）%n", report.factsLoaded(), report.errors() + report.warnings(),
				report.errors(), report.warnings());
		for (FileReport file : report.files()) {
			if (file.status().equals("rejected")) {
				out.println("拒收 " + Printable.of(file.name()) + "：" + Printable.of(file.reason()));
			}
		}
		for (FileReport file : report.superseded()) {
			out.println("被取代 " + Printable.of(file.name()) + "：" + Printable.of(file.unit()) + " 另有较新的文件“"
					+ Printable.of(file.supersededBy()) + "”，本文件不计入汇总");
		}
		for (RunReport.Skipped file : report.skipped()) {
			out.println("未读入 " + Printable.of(file.name()) + "：" + Printable.of(file.reason()));
		}
		out.printf("summary: files=%d loaded=%d unchanged=%d rejected=%d facts=%d issues=%d errors=%d warnings=%d%n",
				report.files().size(), report.count("loaded"), report.count("unchanged"), report.count("rejected"),
				report.factsLoaded(), report.errors() + report.warnings(), report.errors(), report.warnings());
	}

}
