package org.huizong.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.huizong.period.Period;

/**
 * The narrative draft {@code 工作总结_P.docx}, in the register of the office's own summaries:
 * a numbered section per campaign whose sentences state each figure with its measure, 环比
 * and 累计 where they exist, 整改率 from the counts, then who has not reported and the faults
 * still open. Every sentence comes from the template file an office edits
 * ({@code data/report/工作总结模板.txt}); a sentence whose figures are missing is left out.
 */
final class Narrative {

	static final String TEMPLATE = "工作总结模板.txt";

	private static final Pattern SLOT = Pattern.compile("\\{([^{}]+)}");

	private static final String DIGITS = "一二三四五六七八九";

	private final Map<String, String> sentences;

	private final String office;

	Narrative(Map<String, String> sentences, String office) {
		this.sentences = sentences;
		this.office = office;
	}

	/**
	 * The template of {@code folder}, else the copy in the jar.
	 * @throws IllegalArgumentException naming the line that is not {@code 名称：句子}
	 */
	static Narrative load(Path folder, String office) throws IOException {
		Path file = (folder != null) ? folder.resolve(TEMPLATE) : null;
		String text;
		if (file != null && Files.isRegularFile(file)) {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		else {
			try (InputStream in = Narrative.class.getResourceAsStream("/report/" + TEMPLATE)) {
				if (in == null) {
					throw new IOException("找不到工作总结模板 " + TEMPLATE);
				}
				text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		Map<String, String> sentences = new LinkedHashMap<>();
		String[] lines = text.replace("\ufeff", "").split("\r?\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int colon = line.indexOf('：');
			if (colon <= 0) {
				throw new IllegalArgumentException(TEMPLATE + " 第 " + (i + 1) + " 行应为“名称：句子”：" + line);
			}
			sentences.put(line.substring(0, colon).strip(), line.substring(colon + 1));
		}
		return new Narrative(sentences, office);
	}

	/** What the narrative is written from. */
	record Content(Period period, Roster roster, Map<String, List<PeriodFigures.Figure>> byCampaign) {
	}

	/**
	 * The narrative as paragraphs: the title first, a heading starts with its ordinal.
	 */
	List<String> paragraphs(Content content) {
		Period period = content.period();
		List<String> paragraphs = new ArrayList<>();
		Map<String, String> common = new LinkedHashMap<>();
		common.put("单位名称", this.office);
		common.put("期间", period.chinese());
		common.put("期间简称", shortName(period));
		common.put("累计期间", (period.lastMonth() == 1) ? "" : "1—" + period.lastMonth() + "月");
		paragraphs.add(fill("标题", common));
		Set<String> sent = new LinkedHashSet<>();
		content.roster().entries().stream().filter(Roster.Entry::sent).forEach((e) -> sent.add(e.unit()));
		Map<String, String> opening = new LinkedHashMap<>(common);
		opening.put("专项数", Integer.toString(content.byCampaign().size()));
		opening.put("报送数", Long.toString(content.roster().entries().stream().filter(Roster.Entry::sent).count()));
		add(paragraphs, fill("开头", opening));
		int section = 0;
		for (Map.Entry<String, List<PeriodFigures.Figure>> campaign : content.byCampaign().entrySet()) {
			Map<String, String> heading = new LinkedHashMap<>(common);
			heading.put("序号", ordinal(++section));
			heading.put("专项", campaign.getKey());
			paragraphs.add(fill("专项标题", heading));
			StringBuilder body = new StringBuilder();
			BigDecimal found = null;
			BigDecimal fixed = null;
			boolean approx = false;
			List<String> clauses = new ArrayList<>();
			for (PeriodFigures.Figure figure : campaign.getValue()) {
				clauses.add(figureClause(figure, common, period, clauses.isEmpty()));
				approx |= figure.approx();
				if (ReportWorkbook.FOUND.equals(figure.metric())) {
					found = (found == null) ? figure.value() : found.add(figure.value());
				}
				if (ReportWorkbook.FIXED.equals(figure.metric())) {
					fixed = (fixed == null) ? figure.value() : fixed.add(figure.value());
				}
			}
			clauses.removeIf(String::isEmpty);
			if (!clauses.isEmpty()) {
				body.append(String.join(fill("连接", common), clauses)).append(fill("句末", common));
			}
			if (found != null && fixed != null) {
				Map<String, String> problems = new LinkedHashMap<>(common);
				problems.put("发现问题", number(found));
				problems.put("整改问题", number(fixed));
				problems.put("整改率", number(PeriodFigures.rate(fixed, found)));
				body.append(fill("整改", problems));
			}
			if (approx) {
				body.append(fill("约数", common));
			}
			add(paragraphs, body.toString());
		}
		paragraphs.add(fill("报送标题", Map.of("序号", ordinal(++section))));
		roster(paragraphs, content.roster(), sent);
		return paragraphs;
	}

	/**
	 * One figure's clause: the first of a campaign names the period and 各单位, the next
	 * ones only the figure ({@code 指标续}).
	 */
	private String figureClause(PeriodFigures.Figure figure, Map<String, String> common, Period period, boolean first) {
		Map<String, String> values = new LinkedHashMap<>(common);
		values.put("指标", figure.metric() + (figure.source().isEmpty() ? "" : "（" + figure.source() + "）"));
		values.put("本期", number(figure.value()));
		values.put("计量单位", figure.measure());
		StringBuilder sentence = new StringBuilder(fill(first ? "指标" : "指标续", values));
		BigDecimal change = figure.changeOnPrevious();
		if (change != null) {
			values.put("环比", number(change.abs()));
			sentence.append(fill((change.signum() > 0) ? "环比增长" : (change.signum() < 0) ? "环比下降" : "环比持平", values));
		}
		BigDecimal yearOnYear = figure.changeOnLastYear();
		if (yearOnYear != null && yearOnYear.signum() != 0) {
			values.put("同比", number(yearOnYear.abs()));
			sentence.append(fill((yearOnYear.signum() > 0) ? "同比增长" : "同比下降", values));
		}
		if (figure.ytd() != null && period.lastMonth() > 1 && figure.ytd().compareTo(figure.value()) != 0) {
			values.put("累计", number(figure.ytd()));
			sentence.append(fill("累计", values));
		}
		return sentence.toString();
	}

	private void roster(List<String> paragraphs, Roster roster, Set<String> sent) {
		List<String> missing = new ArrayList<>();
		Map<String, String> rejected = new LinkedHashMap<>();
		Set<String> open = new LinkedHashSet<>();
		int errors = 0;
		int warnings = 0;
		for (Roster.Entry entry : roster.entries()) {
			if (sent.contains(entry.unit())) {
				if (entry.sent() && (entry.errors() + entry.warnings()) > 0) {
					open.add(entry.unit());
					errors += entry.errors();
					warnings += entry.warnings();
				}
			}
			else if ("rejected".equals(entry.status())) {
				rejected.putIfAbsent(entry.unit(), entry.reason());
			}
			else if (!missing.contains(entry.unit()) && !rejected.containsKey(entry.unit())) {
				missing.add(entry.unit());
			}
		}
		missing.removeAll(rejected.keySet());
		StringBuilder text = new StringBuilder();
		if (missing.isEmpty()) {
			text.append(fill("全部报送", Map.of()));
		}
		else {
			text.append(
					fill("未报送", Map.of("单位列表", String.join("、", missing), "单位数", Integer.toString(missing.size()))));
		}
		if (!rejected.isEmpty()) {
			text.append(fill("被拒收",
					Map.of("单位列表", String.join("、", rejected.keySet()), "原因", rejected.values().iterator().next())));
		}
		if (!open.isEmpty()) {
			text.append(fill("待改正", Map.of("单位列表", String.join("、", open), "错误数", Integer.toString(errors), "警告数",
					Integer.toString(warnings))));
		}
		add(paragraphs, text.toString());
	}

	/** The sentence named, its slots filled; empty where a slot has no value. */
	private String fill(String name, Map<String, String> values) {
		String sentence = this.sentences.getOrDefault(name, "");
		Matcher slot = SLOT.matcher(sentence);
		StringBuilder filled = new StringBuilder();
		while (slot.find()) {
			String value = values.get(slot.group(1));
			if (value == null) {
				return "";
			}
			slot.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		slot.appendTail(filled);
		return filled.toString();
	}

	private static void add(List<String> paragraphs, String text) {
		if (!text.isBlank()) {
			paragraphs.add(text);
		}
	}

	void write(Content content, OutputStream out) throws IOException {
		List<String> paragraphs = paragraphs(content);
		try (XWPFDocument document = new XWPFDocument()) {
			for (int i = 0; i < paragraphs.size(); i++) {
				XWPFParagraph paragraph = document.createParagraph();
				XWPFRun run = paragraph.createRun();
				run.setFontFamily("宋体");
				run.setText(paragraphs.get(i));
				if (i == 0) {
					paragraph.setAlignment(ParagraphAlignment.CENTER);
					paragraph.setSpacingAfter(240);
					run.setBold(true);
					run.setFontSize(16);
				}
				else if (isHeading(paragraphs.get(i))) {
					run.setBold(true);
					run.setFontSize(12);
					paragraph.setSpacingBefore(120);
				}
				else {
					run.setFontSize(12);
					paragraph.setFirstLineIndent(480);
					paragraph.setSpacingBetween(1.5);
				}
			}
			document.write(out);
		}
	}

	private static boolean isHeading(String paragraph) {
		return paragraph.length() > 2 && DIGITS.indexOf(paragraph.charAt(0)) >= 0
				&& (paragraph.charAt(1) == '、' || paragraph.charAt(2) == '、');
	}

	/** 一, 二, … 十, 十一, … 二十. */
	static String ordinal(int n) {
		if (n < 10) {
			return String.valueOf(DIGITS.charAt(n - 1));
		}
		String tens = (n / 10 == 1) ? "十" : DIGITS.charAt(n / 10 - 1) + "十";
		return tens + ((n % 10 == 0) ? "" : String.valueOf(DIGITS.charAt(n % 10 - 1)));
	}

	/** How the office's summaries name the period within its year: 6月份, 第二季度, 上半年, 全年. */
	static String shortName(Period period) {
		return switch (period.kind()) {
			case MONTH -> period.firstMonth() + "月份";
			case QUARTER -> period.chinese().substring(period.chinese().indexOf('第'));
			case HALF -> (period.firstMonth() == 1) ? "上半年" : "下半年";
			case YEAR -> "全年";
		};
	}

	/** 13,611; 71.2; 1,234.57. */
	static String number(BigDecimal value) {
		return new DecimalFormat("#,##0.##").format(value);
	}

}
