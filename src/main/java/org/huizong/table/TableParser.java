package org.huizong.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.HeaderRole;
import org.huizong.catalog.Names;
import org.huizong.intake.Cell;
import org.huizong.intake.CellKind;
import org.huizong.intake.Row;
import org.huizong.intake.RowSink;

/**
 * Finds the statistics tables in each sheet as its rows stream by, and turns their detail
 * and totals rows into {@link RawFact}s. Keeps only the current table's header and a few
 * names, so memory does not grow with the number of rows.
 * <p>
 * Above a header: a title (its campaign and period are remembered) and metadata
 * ({@code 填报单位：…}). The header is the first row that names at least two known columns; a
 * second header row under group cells is merged into it. Under it: section rows
 * ({@code 一、城市家具专项整治}) name the campaign of the rows below, totals rows ({@code 合计}) are
 * kept apart for checking, footnotes ({@code 填表人：…}) end the table, blank rows are passed
 * over.
 */
public final class TableParser implements RowSink {

	private static final Pattern ORDINAL = Pattern
		.compile("^(?:[一二三四五六七八九十]+|\\d+|\\(?[一二三四五六七八九十]+\\))\\s*[、.．)）]?\\s*");

	private static final Pattern ORDINAL_ONLY = Pattern.compile("(?:[一二三四五六七八九十]+|\\d+)[、.．)）]?");

	/**
	 * How far above its header a table's title may stand (a metadata row or two between).
	 */
	private static final int TITLE_DISTANCE = 3;

	private static final List<String> FOOTNOTES = List.of("填表人", "填报人", "审核人", "审核", "负责人", "制表", "统计人", "联系人", "联系电话",
			"注:", "备注:", "说明:", "单位负责人", "分管领导");

	/*
	 * The first characters of the footnotes' openings, 注 included: most rows have none.
	 */
	private static final String FOOTNOTE_STARTS = FOOTNOTES.stream()
		.map((prefix) -> prefix.substring(0, 1))
		.distinct()
		.collect(java.util.stream.Collectors.joining()) + "注";

	private final Catalog catalog;

	private final HeaderLocator headers;

	private final String fileCampaign;

	private final SheetFacts out;

	private String sheet = "";

	private int tableNo;

	/*
	 * Each figure names the total it adds up to; the keys of this table, made once, a
	 * bounded number kept.
	 */
	private static final int MAX_KEPT_KEYS = 10_000;

	private final Map<String, String> totalsKeys = new HashMap<>();

	/* The row that names each column of the current table. */
	private int[] headerRowAt;

	private boolean sawTable;

	private boolean sawTableInLast;

	private String titleCampaign = "";

	private String sheetCampaign = "";

	private String titleLine = "";

	private int titleLineRow;

	private Row pendingHeader;

	/*
	 * The current table's columns by index, looked up for every cell; null outside a
	 * table.
	 */
	private Column[] columnAt;

	/* What a total in each column adds up, by index: that column in this table. */
	private String[] columnTotalsKeys = {};

	private final Map<HeaderRole, Column> byRole = new java.util.EnumMap<>(HeaderRole.class);

	private boolean longLayout;

	private boolean footer;

	private String section = "";

	private String lastCampaignCell = "";

	/**
	 * @param catalog the names to recognise
	 * @param fileName the submission's file name, a last place to find the campaign
	 * @param out where facts and metadata go
	 */
	public TableParser(Catalog catalog, String fileName, SheetFacts out) {
		this.catalog = catalog;
		this.headers = new HeaderLocator(catalog);
		this.fileCampaign = catalog.campaignWithin(fileName).orElse("");
		this.out = out;
	}

	@Override
	public void startSheet(String name) {
		this.sheet = name;
		this.sawTable = false;
		this.titleCampaign = "";
		this.sheetCampaign = this.catalog.campaignWithin(name).orElse("");
		this.titleLine = "";
		this.titleLineRow = 0;
		endTable();
	}

	@Override
	public void row(Row row) {
		if (row.isBlank()) {
			return;
		}
		Metadata.scan(row, this.sheet, this.columnAt == null, this.out);
		if (this.pendingHeader != null) {
			Row upper = this.pendingHeader;
			this.pendingHeader = null;
			if (this.headers.isContinuation(upper, row)) {
				startTable(this.headers.merge(upper, row), upper.number(), row);
				return;
			}
			startTable(this.headers.texts(upper), upper.number(), null);
		}
		if (this.headers.looksLikeHeader(row)) {
			this.pendingHeader = row;
			return;
		}
		noteTitleLine(row);
		if (this.columnAt == null) {
			noteTitle(row);
			return;
		}
		dataRow(row);
	}

	@Override
	public void endSheet() {
		if (this.pendingHeader != null) {
			startTable(this.headers.texts(this.pendingHeader), this.pendingHeader.number(), null);
			this.pendingHeader = null;
		}
		this.sawTableInLast = this.sawTable;
		if (!this.sawTable) {
			this.out.sheetSkipped(this.sheet, "没有找到含“指标/数量”或指标名称的表头行");
		}
		endTable();
	}

	/** Whether the sheet that just ended held at least one table. */
	public boolean sawTableInLastSheet() {
		return this.sawTableInLast;
	}

	private void endTable() {
		this.pendingHeader = null;
		this.columnAt = null;
		this.footer = false;
		this.section = "";
		this.lastCampaignCell = "";
	}

	/**
	 * A line of one text naming a campaign, just above a header, is that table's title,
	 * even when another table (or its footnotes) came before it in the sheet.
	 */
	private void noteTitleLine(Row row) {
		if (row.cells().size() == 1 && row.cells().get(0).kind() == CellKind.TEXT) {
			Optional<String> campaign = this.catalog.campaignWithin(row.cells().get(0).text());
			if (campaign.isPresent()) {
				this.titleLine = campaign.get();
				this.titleLineRow = row.number();
			}
		}
	}

	/**
	 * @param headerRow the header's (first) row
	 * @param lower the header's second row, or {@code null}: a column named there has its
	 * name in that row
	 */
	private void startTable(Map<Integer, String> headerTexts, int headerRow, Row lower) {
		if (!this.titleLine.isEmpty() && headerRow - this.titleLineRow <= TITLE_DISTANCE) {
			this.titleCampaign = this.titleLine;
		}
		endTable();
		this.tableNo++;
		this.totalsKeys.clear();
		this.sawTable = true;
		TreeMap<Integer, Column> columns = new TreeMap<>();
		headerTexts.forEach((index, text) -> columns.put(index, Column.of(index, text, this.catalog)));
		this.columnAt = new Column[columns.isEmpty() ? 0 : columns.lastKey() + 1];
		this.columnTotalsKeys = new String[this.columnAt.length];
		this.headerRowAt = new int[this.columnAt.length];
		java.util.Arrays.fill(this.headerRowAt, headerRow);
		if (lower != null) {
			lower.cells()
				.stream()
				.filter((cell) -> cell.column() < this.headerRowAt.length && !cell.text().isBlank())
				.forEach((cell) -> this.headerRowAt[cell.column()] = lower.number());
		}
		columns.forEach((index, column) -> {
			this.columnAt[index] = column;
			this.columnTotalsKeys[index] = "t" + this.tableNo + "/c" + index;
		});
		this.byRole.clear();
		for (Column column : columns.values()) {
			column.role().ifPresent((role) -> this.byRole.putIfAbsent(role, column));
		}
		this.longLayout = columns.values().stream().anyMatch((c) -> c.is(HeaderRole.VALUE));
	}

	private void noteTitle(Row row) {
		List<Cell> texts = row.cells().stream().filter((c) -> c.kind() == CellKind.TEXT).toList();
		if (texts.isEmpty() || texts.size() > 2) {
			return;
		}
		for (Cell cell : texts) {
			if (Metadata.UNIT_LABEL.matcher(cell.text()).find()) {
				continue;
			}
			this.catalog.campaignWithin(cell.text()).ifPresent((campaign) -> this.titleCampaign = campaign);
		}
	}

	private void dataRow(Row row) {
		if (startsFootnote(row)) {
			this.footer = true;
			return;
		}
		if (this.footer) {
			return;
		}
		RowRole role = RowRole.DETAIL;
		String totalLabel = "";
		for (int c = 0; c < row.cells().size(); c++) {
			Cell cell = row.cells().get(c);
			Column column = column(cell.column());
			boolean valueColumn = column != null
					&& (column.is(HeaderRole.VALUE) || (!this.longLayout && !column.isRecognised()));
			if (!valueColumn && cell.kind() == CellKind.TEXT && RowRole.isTotalLabel(cell.text())) {
				role = RowRole.ofLabel(cell.text());
				totalLabel = cell.text().strip();
			}
		}
		List<Cell> values = valueCells(row);
		if (values.isEmpty()) {
			if (role == RowRole.DETAIL) {
				noteSection(row);
			}
			return;
		}
		String campaign = campaignOf(row);
		String source = textOf(row, HeaderRole.SOURCE);
		if (role != RowRole.DETAIL && source.equals(totalLabel)) {
			source = "";
		}
		String label = labelOf(row);
		if (this.longLayout) {
			String metric = textOf(row, HeaderRole.METRIC);
			if (metric.isEmpty()) {
				metric = textOf(row, HeaderRole.ITEM);
			}
			Column metricColumn = textOf(row, HeaderRole.METRIC).isEmpty() ? columnWith(HeaderRole.ITEM)
					: columnWith(HeaderRole.METRIC);
			String metricCell = (metricColumn != null && !metric.isEmpty())
					? Cell.address(metricColumn.index(), row.number()) : "";
			Column valueColumn = columnWith(HeaderRole.VALUE);
			String measure = textOf(row, HeaderRole.MEASURE);
			if (measure.isEmpty()) {
				measure = valueColumn.measureHint();
			}
			for (Cell value : values) {
				emit(row, campaign, metric, source, value, measure, role, totalsKey(metric),
						role == RowRole.DETAIL ? label : totalLabel, metricCell);
			}
			return;
		}
		if (!label.isEmpty() && role == RowRole.DETAIL) {
			Optional<String> asSource = this.catalog.source(label);
			Optional<String> asCampaign = this.catalog.campaign(label);
			if (source.isEmpty() && asSource.isPresent()) {
				source = label;
			}
			else if (asCampaign.isPresent() && textOf(row, HeaderRole.CAMPAIGN).isEmpty()) {
				campaign = label;
			}
			else if (source.isEmpty() && !campaign.isEmpty()) {
				source = label;
			}
			else if (campaign.isEmpty()) {
				campaign = label;
			}
		}
		for (Cell value : values) {
			Column column = column(value.column());
			emit(row, campaign, column.metric(), source, value, column.measureHint(), role,
					this.columnTotalsKeys[value.column()], role == RowRole.DETAIL ? label : totalLabel,
					Cell.address(value.column(), this.headerRowAt[value.column()]));
		}
	}

	/** What a total of the long layout's metric adds up: that metric in this table. */
	private String totalsKey(String metric) {
		String key = this.totalsKeys.get(metric);
		if (key == null) {
			if (this.totalsKeys.size() >= MAX_KEPT_KEYS) {
				this.totalsKeys.clear();
			}
			key = "t" + this.tableNo + "/" + Names.fold(metric);
			this.totalsKeys.put(metric, key);
		}
		return key;
	}

	private void emit(Row row, String campaign, String metric, String source, Cell value, String measure, RowRole role,
			String totalsKey, String label, String metricCell) {
		this.out.fact(new RawFact(this.sheet, Cell.address(value.column(), row.number()), campaign, metric, source,
				value, measure, role, totalsKey, label, metricCell));
	}

	private List<Cell> valueCells(Row row) {
		List<Cell> values = new ArrayList<>();
		for (int c = 0; c < row.cells().size(); c++) {
			Cell cell = row.cells().get(c);
			Column column = column(cell.column());
			if (column == null || column.rowTotal()) {
				continue;
			}
			if (this.longLayout) {
				if (column.is(HeaderRole.VALUE)) {
					values.add(cell);
				}
			}
			else if (column.role().isEmpty() && !column.metric().isEmpty()) {
				if (column.knownMetric() || cell.kind() == CellKind.NUMBER || HeaderLocator.isNumberText(cell.text())) {
					values.add(cell);
				}
			}
		}
		return values;
	}

	private void noteSection(Row row) {
		StringBuilder text = new StringBuilder();
		for (int c = 0; c < row.cells().size(); c++) {
			Cell cell = row.cells().get(c);
			Column column = column(cell.column());
			if (column != null && column.is(HeaderRole.SEQ) && ORDINAL_ONLY.matcher(cell.text().strip()).matches()) {
				continue;
			}
			if (cell.kind() == CellKind.TEXT) {
				text.append(cell.text().strip());
			}
		}
		String joined = text.toString();
		if (joined.isEmpty()) {
			return;
		}
		Optional<String> campaign = this.catalog.campaignWithin(joined);
		if (campaign.isPresent()) {
			this.section = campaign.get();
			this.lastCampaignCell = "";
			return;
		}
		Matcher ordinal = ORDINAL.matcher(joined);
		if (ordinal.lookingAt() && ordinal.end() > 0 && ordinal.end() < joined.length()) {
			this.section = joined.substring(ordinal.end());
			this.lastCampaignCell = "";
		}
	}

	private boolean startsFootnote(Row row) {
		Cell first = row.cells().get(0);
		if (first.kind() != CellKind.TEXT) {
			return false;
		}
		String folded = Names.fold(first.text());
		if (folded.isEmpty() || FOOTNOTE_STARTS.indexOf(folded.charAt(0)) < 0) {
			return false;
		}
		for (String prefix : FOOTNOTES) {
			if (folded.startsWith(prefix)) {
				return true;
			}
		}
		return folded.startsWith("注") && folded.length() > 1 && (folded.charAt(1) == ':' || folded.charAt(1) == '1');
	}

	private String campaignOf(Row row) {
		String cell = textOf(row, HeaderRole.CAMPAIGN);
		if (!cell.isEmpty()) {
			this.lastCampaignCell = cell;
			return cell;
		}
		if (!this.lastCampaignCell.isEmpty()) {
			return this.lastCampaignCell;
		}
		if (!this.section.isEmpty()) {
			return this.section;
		}
		if (!this.titleCampaign.isEmpty()) {
			return this.titleCampaign;
		}
		return this.sheetCampaign.isEmpty() ? this.fileCampaign : this.sheetCampaign;
	}

	private String labelOf(Row row) {
		String item = textOf(row, HeaderRole.ITEM);
		if (!item.isEmpty() || this.longLayout) {
			return item;
		}
		for (int c = 0; c < row.cells().size(); c++) {
			Cell cell = row.cells().get(c);
			Column column = column(cell.column());
			boolean figureColumn = column != null && column.knownMetric();
			boolean roleColumn = column != null && column.role().isPresent();
			if (!figureColumn && !roleColumn && cell.kind() == CellKind.TEXT
					&& !HeaderLocator.isNumberText(cell.text())) {
				return cell.text().strip();
			}
		}
		return "";
	}

	private String textOf(Row row, HeaderRole role) {
		Column column = columnWith(role);
		return (column != null) ? row.text(column.index()).strip() : "";
	}

	/** The column at {@code index} of the current table, or {@code null}. */
	private Column column(int index) {
		return (this.columnAt != null && index >= 0 && index < this.columnAt.length) ? this.columnAt[index] : null;
	}

	private Column columnWith(HeaderRole role) {
		return this.byRole.get(role);
	}

}
