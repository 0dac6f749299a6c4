package org.huizong.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.catalog.Catalog;

import org.huizong.period.Period;

/**
 * The city's own workbook with its placeholders filled in: {@code {{期间}}},
 * {@code {{专项/指标}}}, {@code {{专项/指标/来源}}}, {@code {{单位:专项/指标}}} (catalog names or their
 * aliases). A cell that holds nothing but a figure's placeholder becomes a number, its
 * style kept; a placeholder within other text is replaced in the text. Formatting,
 * formulas and merged cells stay as they are. A placeholder that names nothing the
 * catalog knows is an error naming its cell, and nothing is written.
 */
final class TemplateFiller {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

	private static final Pattern WHOLE = Pattern.compile("\\s*\\{\\{([^{}]*)}}\\s*");

	/** A template that names something unknown: every such cell, one a line. */
	static final class TemplateException extends IllegalArgumentException {

		TemplateException(String message) {
			super(message);
		}

	}

	private final Catalog catalog;

	private final Period period;

	private final Map<String, BigDecimal> figures = new HashMap<>();

	private final Set<String> empty = new LinkedHashSet<>();

	TemplateFiller(Catalog catalog, Period period, List<PeriodFigures.Figure> campaigns,
			List<PeriodFigures.Figure> units) {
		this.catalog = catalog;
		this.period = period;
		for (PeriodFigures.Figure figure : campaigns) {
			add("", figure);
		}
		for (PeriodFigures.Figure figure : units) {
			add(figure.unit(), figure);
		}
	}

	private void add(String unit, PeriodFigures.Figure figure) {
		String key = unit + ":" + figure.campaign() + "/" + figure.metric();
		this.figures.merge(key, figure.value(), BigDecimal::add);
		this.figures.merge(key + "/" + figure.source(), figure.value(), BigDecimal::add);
	}

	/** The placeholders filled in with no data, which became 0. */
	Set<String> withoutData() {
		return this.empty;
	}

	/**
	 * @return the filled workbook's bytes
	 * @throws TemplateException naming every cell whose placeholder names nothing known
	 */
	byte[] fill(Path template) throws IOException {
		if (!Files.isRegularFile(template)) {
			throw new TemplateException("模板文件不存在：" + template);
		}
		try (InputStream in = Files.newInputStream(template); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			List<String> errors = new ArrayList<>();
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains("{{")) {
							fill(sheet, cell, errors);
						}
					}
				}
			}
			if (!errors.isEmpty()) {
				throw new TemplateException(
						"模板 " + template.getFileName() + " 中有无法识别的占位符，未写出任何文件：\n" + String.join("\n", errors));
			}
			workbook.setForceFormulaRecalculation(true);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException | org.apache.poi.EmptyFileException ex) {
			throw new TemplateException("模板 " + template.getFileName() + " 不是 .xlsx 工作簿：" + ex.getMessage());
		}
	}

	private void fill(Sheet sheet, Cell cell, List<String> errors) {
		String text = cell.getStringCellValue();
		String where = "工作表“" + sheet.getSheetName() + "”" + cell.getAddress().formatAsString();
		Matcher whole = WHOLE.matcher(text);
		if (whole.matches()) {
			Object value = value(whole.group(1), where, errors);
			if (value instanceof BigDecimal number) {
				cell.setCellValue(number.doubleValue());
			}
			else if (value != null) {
				cell.setCellValue((String) value);
			}
			return;
		}
		Matcher each = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (each.find()) {
			Object value = value(each.group(1), where, errors);
			String shown = (value instanceof BigDecimal number) ? org.huizong.intake.Cell.plainDecimal(number)
					: String.valueOf(value);
			each.appendReplacement(filled, Matcher.quoteReplacement(shown));
		}
		each.appendTail(filled);
		cell.setCellValue(filled.toString());
	}

	/** A placeholder's value: the period's name, or a figure; {@code null} if unknown. */
	private Object value(String placeholder, String where, List<String> errors) {
		String name = placeholder.strip();
		if (name.equals("期间")) {
			return this.period.chinese();
		}
		String unit = "";
		String figure = name;
		int colon = Math.max(name.indexOf(':'), name.indexOf('：'));
		if (colon >= 0) {
			unit = name.substring(0, colon).strip();
			figure = name.substring(colon + 1).strip();
			Optional<String> known = this.catalog.unit(unit);
			if (known.isEmpty()) {
				errors.add(where + "：{{" + placeholder + "}} 中的单位“" + unit + "”不在单位名册中");
				return null;
			}
			unit = known.get();
		}
		String[] parts = figure.split("/", -1);
		if (parts.length < 2 || parts.length > 3) {
			errors.add(where + "：{{" + placeholder + "}} 应为 {{期间}}、{{专项/指标}}、{{专项/指标/来源}} 或 {{单位:专项/指标}}");
			return null;
		}
		Optional<String> campaign = this.catalog.campaign(parts[0].strip());
		Optional<Catalog.MetricMatch> metric = this.catalog.metric(parts[1].strip());
		Optional<String> source = (parts.length == 3) ? this.catalog.source(parts[2].strip()) : Optional.of("");
		if (campaign.isEmpty() || metric.isEmpty() || source.isEmpty()) {
			String what = campaign.isEmpty() ? "专项“" + parts[0].strip() + "”"
					: metric.isEmpty() ? "指标“" + parts[1].strip() + "”" : "问题来源“" + parts[2].strip() + "”";
			errors.add(where + "：{{" + placeholder + "}} 中的" + what + "不在目录中");
			return null;
		}
		String key = unit + ":" + campaign.get() + "/" + metric.get().metric().name()
				+ ((parts.length == 3) ? "/" + source.get() : "");
		BigDecimal value = this.figures.get(key);
		if (value == null) {
			this.empty.add("{{" + placeholder + "}}（" + where + "）");
			return BigDecimal.ZERO;
		}
		return value;
	}

}
