package org.huizong.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.catalog.Catalog;
import org.huizong.catalog.Metric;
import org.huizong.period.Period;

/**
 * The report workbook {@code 汇总表_P.xlsx}: {@code 汇总} (every campaign, metric and source
 * with 上期, 环比, 上年同期, 同比 and 累计, 整改率 from the counts), a sheet per campaign in the wide
 * layout units send (units as rows, a 合计 row, a chart), {@code 报送情况} (the roster) and
 * {@code 数据来源} (every figure with its file, sheet and cell, streamed).
 */
final class ReportWorkbook {

	static final String SUMMARY = "汇总";

	static final String ROSTER = "报送情况";

	static final String SOURCES = "数据来源";

	static final String FOUND = "发现问题";

	static final String FIXED = "整改问题";

	private static final String[] SUMMARY_HEADERS = { "专项", "指标", "问题来源", "本期", "上期", "环比(%)", "上年同期", "同比(%)",
			"1月至本期累计", "计量单位", "报送单位数", "备注" };

	private static final int CHART_SERIES = 3;

	/**
	 * The most units a chart shows; a campaign with more charts those with the largest
	 * figure.
	 */
	static final int CHART_UNITS = 20;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Catalog catalog;

	private final String office;

	ReportWorkbook(Catalog catalog, String office) {
		this.catalog = catalog;
		this.office = office;
	}

	/** What the workbook is written from. */
	record Content(Period period, List<PeriodFigures.Figure> campaigns, List<PeriodFigures.Figure> units, Roster roster,
			List<PeriodFigures.MonthFigure> history, long sourceFigures, SourceRows sources) {
	}

	/** Streams the figures of the counted submissions into the sheet given. */
	@FunctionalInterface
	interface SourceRows {

		void write(SourceSheet sheet);

	}

	void write(Content content, OutputStream out) throws IOException {
		byte[] skeleton;
		List<XSSFSheet> sources;
		Sheets sheets;
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			String title = this.office + content.period().chinese() + "专项整治工作汇总表";
			sheets = new Sheets(workbook, title);
			summary(workbook.createSheet(SUMMARY), sheets, title, content);
			Map<String, List<PeriodFigures.Figure>> byCampaign = byCampaign(content.units());
			byCampaign.forEach((campaign, figures) -> campaignSheet(workbook, sheets, campaign, figures, content));
			roster(workbook.createSheet(ROSTER), sheets, content);
			sources = SourceSheet.create(workbook, sheets, content.period(), content.sourceFigures());
			java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
			workbook.write(bytes);
			skeleton = bytes.toByteArray();
		}
		SourceSheet.write(skeleton, sources, sheets, out, content.sources());
	}

	private void summary(XSSFSheet sheet, Sheets sheets, String title, Content content) {
		sheets.title(sheet, title, "本期为" + content.period().chinese() + "；上期为 " + content.period().previous()
				+ "；上年同期为 " + content.period().lastYear() + "；累计为当年1月至本期；整改率由整改问题 ÷ 发现问题算出。", SUMMARY_HEADERS.length);
		sheets.headers(sheet.createRow(2), SUMMARY_HEADERS);
		int[] widths = new int[SUMMARY_HEADERS.length];
		for (int i = 0; i < SUMMARY_HEADERS.length; i++) {
			Sheets.measure(widths, i, SUMMARY_HEADERS[i]);
		}
		int r = 3;
		List<PeriodFigures.Figure[]> bySource = new ArrayList<>();
		for (List<PeriodFigures.Figure> figures : byCampaign(content.campaigns()).values()) {
			Map<String, PeriodFigures.Figure[]> problems = new LinkedHashMap<>();
			for (PeriodFigures.Figure figure : figures) {
				Row row = sheet.createRow(r++);
				line(sheets, row, widths, figure.campaign(), figure.metric(), figure.source(), figure.value(),
						figure.previous(), figure.lastYear(), figure.ytd(), figure.measure());
				sheets.number(row, 10, BigDecimal.valueOf(figure.units()), false);
				sheets.text(row, 11, figure.approx() ? "含约数" : "");
				Sheets.measure(widths, 11, figure.approx() ? "含约数" : "");
				if (FOUND.equals(figure.metric()) || FIXED.equals(figure.metric())) {
					problems.computeIfAbsent(figure.source(),
							(s) -> new PeriodFigures.Figure[2])[FOUND.equals(figure.metric()) ? 0 : 1] = figure;
				}
			}
			for (Map.Entry<String, PeriodFigures.Figure[]> pair : problems.entrySet()) {
				PeriodFigures.Figure found = pair.getValue()[0];
				PeriodFigures.Figure fixed = pair.getValue()[1];
				if (found == null || fixed == null) {
					continue;
				}
				bySource.add(pair.getValue());
				Row row = sheet.createRow(r++);
				sheets.text(row, 0, found.campaign());
				sheets.text(row, 1, "整改率");
				sheets.text(row, 2, pair.getKey());
				sheets.percent(row, 3, PeriodFigures.rate(fixed.value(), found.value()));
				sheets.percent(row, 4, PeriodFigures.rate(fixed.previous(), found.previous()));
				sheets.text(row, 5, "");
				sheets.percent(row, 6, PeriodFigures.rate(fixed.lastYear(), found.lastYear()));
				sheets.text(row, 7, "");
				sheets.percent(row, 8, PeriodFigures.rate(fixed.ytd(), found.ytd()));
				sheets.text(row, 9, "%");
				sheets.text(row, 10, "");
				sheets.text(row, 11, "由计数算出");
				Sheets.measure(widths, 11, "由计数算出");
			}
		}
		Sheets.widths(sheet, widths);
		sheets.printable(sheet, 2, true);
		if (!bySource.isEmpty()) {
			problemsBySource(sheet, sheets, bySource, r + 1);
		}
	}

	/**
	 * 发现 and 整改 per campaign and source, as a table and a bar chart below 汇总, on a page
	 * of their own.
	 */
	private static void problemsBySource(XSSFSheet sheet, Sheets sheets, List<PeriodFigures.Figure[]> bySource,
			int top) {
		sheet.setRowBreak(top - 1);
		sheets.text(sheet.createRow(top), 0, "问题整改情况（按专项和问题来源）", sheets.note);
		sheets.headers(sheet.createRow(top + 1), "专项（问题来源）", "发现问题(件)", "整改问题(件)", "整改率(%)");
		int r = top + 2;
		for (PeriodFigures.Figure[] pair : bySource) {
			Row row = sheet.createRow(r++);
			sheets.text(row, 0, pair[0].campaign() + (pair[0].source().isEmpty() ? "" : "（" + pair[0].source() + "）"));
			sheets.number(row, 1, pair[0].value(), false);
			sheets.number(row, 2, pair[1].value(), false);
			sheets.percent(row, 3, PeriodFigures.rate(pair[1].value(), pair[0].value()));
		}
		Charts.bars(sheet, "各专项发现与整改问题（按来源）", new Charts.Table(top + 1, top + 2, r - 1, 1, 2), r + 1,
				SUMMARY_HEADERS.length);
	}

	private static void line(Sheets sheets, Row row, int[] widths, String campaign, String metric, String source,
			BigDecimal value, BigDecimal previous, BigDecimal lastYear, BigDecimal ytd, String measure) {
		String[] texts = { campaign, metric, source };
		for (int i = 0; i < texts.length; i++) {
			sheets.text(row, i, texts[i]);
			Sheets.measure(widths, i, texts[i]);
		}
		sheets.number(row, 3, value, false);
		sheets.number(row, 4, previous, false);
		sheets.percent(row, 5, PeriodFigures.change(value, previous));
		sheets.number(row, 6, lastYear, false);
		sheets.percent(row, 7, PeriodFigures.change(value, lastYear));
		sheets.number(row, 8, ytd, false);
		sheets.text(row, 9, measure);
		for (int c = 3; c < 9; c++) {
			Sheets.measure(widths, c, "1,000,000.0");
		}
	}

	/** The wide layout: a unit a row, a metric (and source) a column, 合计 and 整改率. */
	private void campaignSheet(XSSFWorkbook workbook, Sheets sheets, String campaign,
			List<PeriodFigures.Figure> figures, Content content) {
		XSSFSheet sheet = workbook.createSheet(sheetName(campaign, workbook));
		List<String> columns = new ArrayList<>();
		Map<String, Map<String, BigDecimal>> byUnit = new LinkedHashMap<>();
		java.util.Set<String> approximate = new java.util.HashSet<>();
		for (String unit : this.catalog.roster()) {
			byUnit.put(unit, null);
		}
		for (PeriodFigures.Figure figure : figures) {
			String column = columnName(figure);
			if (!columns.contains(column)) {
				columns.add(column);
			}
			Map<String, BigDecimal> values = byUnit.get(figure.unit());
			if (values == null) {
				values = new LinkedHashMap<>();
				byUnit.put(figure.unit(), values);
			}
			values.merge(column, figure.value(), BigDecimal::add);
			if (figure.approx()) {
				approximate.add(figure.unit() + "\u0000" + column);
			}
			values.merge(figure.metric(), figure.value(), BigDecimal::add);
		}
		byUnit.values().removeIf(java.util.Objects::isNull);
		boolean rate = figures.stream().anyMatch((f) -> FOUND.equals(f.metric()))
				&& figures.stream().anyMatch((f) -> FIXED.equals(f.metric()));
		int width = 1 + columns.size() + (rate ? 1 : 0);
		sheets.title(sheet, campaign + "（" + content.period().chinese() + "）",
				"计量单位见各列列名；整改率由整改问题 ÷ 发现问题算出；数字前的“约”表示单位填报的是约数（余、约、多）。", width);
		Row header = sheet.createRow(2);
		header.setHeightInPoints(32);
		List<String> names = new ArrayList<>();
		names.add("单位");
		names.addAll(columns);
		if (rate) {
			names.add("整改率(%)");
		}
		sheets.headers(header, names.toArray(String[]::new));
		int[] widths = new int[width];
		for (int i = 0; i < names.size(); i++) {
			Sheets.measure(widths, i, names.get(i).length() > 8 ? names.get(i).substring(0, 8) : names.get(i));
		}
		int r = 3;
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		for (Map.Entry<String, Map<String, BigDecimal>> unit : byUnit.entrySet()) {
			Row row = sheet.createRow(r++);
			sheets.text(row, 0, unit.getKey());
			Sheets.measure(widths, 0, unit.getKey());
			for (int c = 0; c < columns.size(); c++) {
				BigDecimal value = unit.getValue().get(columns.get(c));
				sheets.number(row, 1 + c, value, false);
				if (approximate.contains(unit.getKey() + "\u0000" + columns.get(c))) {
					sheets.approximate(row.getCell(1 + c));
				}
				Sheets.measure(widths, 1 + c, "1,000,000");
				if (value != null) {
					totals.merge(columns.get(c), value, BigDecimal::add);
				}
			}
			if (rate) {
				sheets.percent(row, 1 + columns.size(),
						PeriodFigures.rate(unit.getValue().get(FIXED), unit.getValue().get(FOUND)));
			}
			unit.getValue().forEach((key, value) -> {
				if (key.equals(FOUND) || key.equals(FIXED)) {
					totals.merge("\u0000" + key, value, BigDecimal::add);
				}
			});
		}
		int last = r - 1;
		Row total = sheet.createRow(r);
		sheets.text(total, 0, "合计", sheets.totalText);
		for (int c = 0; c < columns.size(); c++) {
			sheets.number(total, 1 + c, totals.get(columns.get(c)), true);
		}
		if (rate) {
			sheets.percent(total, 1 + columns.size(),
					PeriodFigures.rate(totals.get("\u0000" + FIXED), totals.get("\u0000" + FOUND)));
		}
		Sheets.widths(sheet, widths);
		sheets.printable(sheet, 2, width > 6);
		int series = Math.min(CHART_SERIES, columns.size());
		Charts.Table bars = new Charts.Table(2, 3, last, 1, series);
		int below = r + 2;
		String title = campaign + "：各单位主要指标";
		if (byUnit.size() > CHART_UNITS) {
			bars = leaders(sheet, sheets, byUnit, approximate, columns.subList(0, series), below);
			title = campaign + "：" + columns.get(0) + "居前的" + CHART_UNITS + "个单位";
			below = bars.last() + 2;
			sheet.setRowBreak(below - 1);
		}
		Charts.bars(sheet, title, bars, below, width);
		trend(sheet, sheets, campaign, columns.subList(0, series), content, below + 20, width);
	}

	/**
	 * The units with the largest first figure, as a table on a page of its own that the
	 * chart, on the next, shows: a chart of hundreds of units shows none of them.
	 */
	private static Charts.Table leaders(XSSFSheet sheet, Sheets sheets, Map<String, Map<String, BigDecimal>> byUnit,
			java.util.Set<String> approximate, List<String> columns, int top) {
		String first = columns.get(0);
		List<Map.Entry<String, Map<String, BigDecimal>>> units = new ArrayList<>(byUnit.entrySet());
		units.sort(
				Comparator
					.comparing((Map.Entry<String, Map<String, BigDecimal>> unit) -> unit.getValue()
						.getOrDefault(first, BigDecimal.ZERO))
					.reversed());
		sheet.setRowBreak(top - 1);
		sheets.text(sheet.createRow(top), 0, first + "居前的" + CHART_UNITS + "个单位", sheets.note);
		List<String> names = new ArrayList<>();
		names.add("单位");
		names.addAll(columns);
		sheets.headers(sheet.createRow(top + 1), names.toArray(String[]::new));
		int r = top + 2;
		for (Map.Entry<String, Map<String, BigDecimal>> unit : units.subList(0, CHART_UNITS)) {
			Row row = sheet.createRow(r++);
			sheets.text(row, 0, unit.getKey());
			for (int c = 0; c < columns.size(); c++) {
				sheets.number(row, 1 + c, unit.getValue().get(columns.get(c)), false);
				if (approximate.contains(unit.getKey() + "\u0000" + columns.get(c))) {
					sheets.approximate(row.getCell(1 + c));
				}
			}
		}
		return new Charts.Table(top + 1, top + 2, r - 1, 1, columns.size());
	}

	/**
	 * The campaign's key figures of the last twelve months, as a table and a line chart,
	 * below the units' chart, on a page of their own.
	 */
	private static void trend(XSSFSheet sheet, Sheets sheets, String campaign, List<String> columns, Content content,
			int top, int width) {
		Map<String, Map<String, BigDecimal>> byMonth = new LinkedHashMap<>();
		for (Period month : PeriodFigures.twelveMonths(content.period())) {
			byMonth.put(month.toString(), new LinkedHashMap<>());
		}
		for (PeriodFigures.MonthFigure figure : content.history()) {
			if (figure.campaign().equals(campaign)) {
				String column = figure.metric() + (figure.source().isEmpty() ? "" : "（" + figure.source() + "）") + "("
						+ figure.measure() + ")";
				byMonth.get(figure.month()).put(column, figure.value());
			}
		}
		sheet.setRowBreak(top - 1);
		Row title = sheet.createRow(top);
		sheets.text(title, 0, campaign + "：近十二个月", sheets.note);
		List<String> names = new ArrayList<>();
		names.add("月份");
		names.addAll(columns);
		sheets.headers(sheet.createRow(top + 1), names.toArray(String[]::new));
		int r = top + 2;
		for (Map.Entry<String, Map<String, BigDecimal>> month : byMonth.entrySet()) {
			Row row = sheet.createRow(r++);
			sheets.text(row, 0, month.getKey());
			for (int c = 0; c < columns.size(); c++) {
				sheets.number(row, 1 + c, month.getValue().get(columns.get(c)), false);
			}
		}
		Charts.lines(sheet, campaign + "：近十二个月主要指标", new Charts.Table(top + 1, top + 2, r - 1, 1, columns.size()),
				r + 1, width);
	}

	/**
	 * A campaign's sheet name: its name as Excel takes one (31 characters, no
	 * {@code []:*?/\\}), made unique against the sheets already there and the report's
	 * own, with {@code (2)}, …
	 */
	static String sheetName(String campaign, org.apache.poi.ss.usermodel.Workbook workbook) {
		String safe = WorkbookUtil.createSafeSheetName(campaign);
		String name = safe;
		for (int n = 2; workbook.getSheet(name) != null || reserved(name); n++) {
			String suffix = "(" + n + ")";
			name = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
		}
		return name;
	}

	/** The names of the report's own sheets that come after the campaigns'. */
	private static boolean reserved(String name) {
		return name.equals(ROSTER) || name.equals(SOURCES) || name.matches(SOURCES + "（续\\d+）");
	}

	private static String columnName(PeriodFigures.Figure figure) {
		return figure.metric() + (figure.source().isEmpty() ? "" : "（" + figure.source() + "）") + "(" + figure.measure()
				+ ")";
	}

	private void roster(Sheet sheet, Sheets sheets, Content content) {
		String[] headers = { "单位", "期间", "状态", "文件", "收到时间", "错误", "警告", "说明" };
		sheets.title(sheet, "报送情况（" + content.period().chinese() + "）", "状态：已报送 / 被拒收 / 未报送；错误、警告为报表中仍有的问题数。",
				headers.length);
		sheets.headers(sheet.createRow(2), headers);
		int[] widths = new int[headers.length];
		for (int i = 0; i < headers.length; i++) {
			Sheets.measure(widths, i, headers[i]);
		}
		int r = 3;
		for (Roster.Entry entry : content.roster().entries()) {
			Row row = sheet.createRow(r++);
			String[] texts = { entry.unit(), entry.period(), entry.statusText(), entry.file(),
					(entry.receivedAt() != null) ? entry.receivedAt().toLocalDateTime().format(TIME) : "" };
			for (int i = 0; i < texts.length; i++) {
				sheets.text(row, i, texts[i]);
				Sheets.measure(widths, i, texts[i]);
			}
			sheets.number(row, 5, entry.file().isEmpty() ? null : BigDecimal.valueOf(entry.errors()), false);
			sheets.number(row, 6, entry.file().isEmpty() ? null : BigDecimal.valueOf(entry.warnings()), false);
			String reason = "rejected".equals(entry.status()) ? entry.reason() : "";
			sheets.text(row, 7, reason);
			Sheets.measure(widths, 7, reason);
		}
		Sheets.widths(sheet, widths);
		sheets.printable(sheet, 2, true);
	}

	/** The figures by campaign, campaigns and metrics in the catalog's order. */

	Map<String, List<PeriodFigures.Figure>> byCampaign(List<PeriodFigures.Figure> figures) {
		Map<String, Integer> campaigns = positions(this.catalog.campaigns());
		Map<String, Integer> metrics = positions(this.catalog.metrics().stream().map(Metric::name).toList());
		Map<String, Integer> units = positions(this.catalog.roster());
		List<Ordered> sorted = new ArrayList<>(figures.size());
		for (PeriodFigures.Figure f : figures) {
			sorted.add(
					new Ordered(order(campaigns, f.campaign()), order(metrics, f.metric()), order(units, f.unit()), f));
		}
		java.util.Collections.sort(sorted);
		Map<String, List<PeriodFigures.Figure>> grouped = new LinkedHashMap<>();
		sorted.forEach((o) -> grouped.computeIfAbsent(o.figure().campaign(), (c) -> new ArrayList<>()).add(o.figure()));
		return grouped;
	}

	/**
	 * A figure with its places in the catalog: campaigns, metrics and units in the
	 * catalog's order, those it does not list after them by name.
	 */
	private record Ordered(int campaign, int metric, int unit,
			PeriodFigures.Figure figure) implements Comparable<Ordered> {

		@Override
		public int compareTo(Ordered other) {
			int c = Integer.compare(this.campaign, other.campaign);
			if (c == 0) {
				c = this.figure.campaign().compareTo(other.figure.campaign());
			}
			if (c == 0) {
				c = Integer.compare(this.metric, other.metric);
			}
			if (c == 0) {
				c = this.figure.source().compareTo(other.figure.source());
			}
			if (c == 0) {
				c = Integer.compare(this.unit, other.unit);
			}
			return (c != 0) ? c : this.figure.unit().compareTo(other.figure.unit());
		}

	}

	private static Map<String, Integer> positions(List<String> names) {
		Map<String, Integer> positions = new java.util.HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			positions.putIfAbsent(names.get(i), i);
		}
		return positions;
	}

	private static int order(Map<String, Integer> positions, String name) {
		return positions.getOrDefault(name, Integer.MAX_VALUE);
	}

}
