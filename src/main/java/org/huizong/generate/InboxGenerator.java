package org.huizong.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one period's inbox: per unit one submission in the long layout units use most
 * ({@code 专项名称 | 工作内容 | 问题来源 | 数量 | 单位}) under a title and a {@code 填报单位} line, with the
 * number forms of real submissions ({@code 1,356}, {@code 7500余}, {@code 1.2万}, measures
 * in the cell, kilograms for tonnes). The same seed gives the same files. Workbooks are
 * written streaming, so any size fits in a small heap; {@code .xls} holds at most 65,000
 * rows a file.
 */
public final class InboxGenerator {

	/** The formats it writes. */
	public enum Format {

		XLSX, XLS, CSV

	}

	private record Item(String campaign, String metric, String source, String measure, int max) {
	}

	private static final List<Item> ITEMS = List.of(new Item("城市家具专项整治", "发现问题", "自查", "件", 900),
			new Item("城市家具专项整治", "整改问题", "自查", "件", 900), new Item("城市家具专项整治", "出动巡查人员", "", "人次", 600),
			new Item("城市家具专项整治", "修理果壳箱", "", "只", 300), new Item("城市家具专项整治", "清洁果壳箱", "", "只", 4000),
			new Item("户外广告整治", "清除牛皮癣", "", "处", 8000), new Item("户外广告整治", "拆除广告", "", "块", 40),
			new Item("渣土运输管理专项整治", "清理垃圾渣土", "", "吨", 500), new Item("破损市政道路、街巷集中整治", "修复车行道", "", "㎡", 18000),
			new Item("破损市政道路、街巷集中整治", "发现问题", "交办", "个", 2000), new Item("破损市政道路、街巷集中整治", "整改问题", "交办", "个", 2000),
			new Item("河道大清理专项整治", "清理垃圾", "", "吨", 80), new Item("损绿补绿专项整治", "摆放时花", "", "盆", 40000),
			new Item("亮灯设施专项整治", "关灯处理", "督查", "件", 30));

	private static final List<String> UNITS = List.of("第一环卫所", "第二环卫所", "第三环卫所", "第四环卫所", "第五环卫所", "市政设施管理中心", "河道监管中心",
			"数字城管监督指挥中心", "绿化管理站", "米市巷街道", "湖墅街道", "小河街道", "大关街道", "和睦街道", "拱宸桥街道", "上塘街道", "祥符街道", "半山街道", "康桥街道");

	private static final int XLS_MAX_ROWS = 65_000;

	private final long seed;

	public InboxGenerator(long seed) {
		this.seed = seed;
	}

	/**
	 * Writes {@code units} files into {@code out}, cycling through the formats.
	 * @return the paths written
	 */
	public List<Path> write(Path out, String period, int units, int rowsPerUnit, List<Format> formats)
			throws IOException {
		Files.createDirectories(out);
		java.util.ArrayList<Path> written = new java.util.ArrayList<>();
		for (int u = 0; u < units; u++) {
			String unit = (u < UNITS.size()) ? UNITS.get(u) : "第" + (u + 1) + "保洁站";
			Format format = formats.get(u % formats.size());
			int rows = (format == Format.XLS) ? Math.min(rowsPerUnit, XLS_MAX_ROWS) : rowsPerUnit;
			Random random = new Random(this.seed * 31 + u);
			Path file = out.resolve(unit + "_" + period + "." + format.name().toLowerCase(java.util.Locale.ROOT));
			switch (format) {
				case CSV -> writeCsv(file, unit, period, rows, random,
						(u % 2 == 0) ? Charset.forName("GB18030") : StandardCharsets.UTF_8);
				case XLSX -> writeWorkbook(file, new SXSSFWorkbook(100), unit, period, rows, random);
				case XLS -> writeWorkbook(file, new HSSFWorkbook(), unit, period, rows, random);
			}
			written.add(file);
		}
		return written;
	}

	private static String[] line(Random random) {
		Item item = ITEMS.get(random.nextInt(ITEMS.size()));
		int value = 1 + random.nextInt(item.max);
		String measure = item.measure;
		String text = Integer.toString(value);
		switch (random.nextInt(10)) {
			case 0 -> text = String.format("%,d", value);
			case 1 -> text = value + "余";
			case 2 -> {
				text = text + measure;
				measure = "";
			}
			case 3 -> {
				if (measure.equals("吨")) {
					text = Integer.toString(value * 1000);
					measure = "公斤";
				}
			}
			case 4 -> {
				if (value >= 10_000) {
					text = (value / 1000) / 10.0 + "万";
				}
			}
			default -> {
			}
		}
		return new String[] { item.campaign, item.metric, item.source, text, measure };
	}

	private static void writeCsv(Path file, String unit, String period, int rows, Random random, Charset charset)
			throws IOException {
		try (OutputStream stream = Files.newOutputStream(file);
				Writer writer = new OutputStreamWriter(stream, charset);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
			if (charset == StandardCharsets.UTF_8) {
				writer.write('\ufeff');
			}
			printer.printRecord(title(period));
			printer.printRecord("填报单位：" + unit);
			printer.printRecord("专项名称", "工作内容", "问题来源", "数量", "单位");
			for (int r = 0; r < rows; r++) {
				printer.printRecord((Object[]) line(random));
			}
			printer.printRecord("填表人：统计员");
		}
	}

	private static void writeWorkbook(Path file, Workbook workbook, String unit, String period, int rows, Random random)
			throws IOException {
		try (workbook; OutputStream stream = Files.newOutputStream(file)) {
			Sheet notes = workbook.createSheet("填表说明");
			notes.createRow(0).createCell(0).setCellValue("1. 本表每月5日前报送区城管办");
			notes.createRow(1).createCell(0).setCellValue("2. 数量填数字，计量单位写在“单位”列");
			Sheet sheet = workbook.createSheet("工作量");
			sheet.createRow(0).createCell(0).setCellValue(title(period));
			sheet.createRow(1).createCell(0).setCellValue("填报单位：" + unit);
			text(sheet.createRow(2), "专项名称", "工作内容", "问题来源", "数量", "单位");
			for (int r = 0; r < rows; r++) {
				String[] line = line(random);
				Row row = sheet.createRow(3 + r);
				text(row, line);
				if (line[3].matches("\\d+")) {
					row.createCell(3).setCellValue(Integer.parseInt(line[3]));
				}
			}
			sheet.createRow(3 + rows).createCell(0).setCellValue("填表人：统计员");
			writeProblemsBySource(workbook.createSheet("亮灯设施专项整治"), random);
			workbook.write(stream);
			if (workbook instanceof SXSSFWorkbook streaming) {
				streaming.close();
			}
		}
	}

	/**
	 * The wide layout: one row a problem source, one column a metric, the campaign only
	 * in the sheet's name, and a totals row that adds up.
	 */
	private static void writeProblemsBySource(Sheet sheet, Random random) {
		sheet.createRow(0).createCell(0).setCellValue("问题整改情况");
		text(sheet.createRow(1), "问题来源", "发现问题(件)", "整改问题(件)", "关灯处理(件)");
		String[] sources = { "自查", "督查", "交办" };
		int[] totals = new int[3];
		for (int i = 0; i < sources.length; i++) {
			Row row = sheet.createRow(2 + i);
			row.createCell(0).setCellValue(sources[i]);
			int found = 20 + random.nextInt(100);
			int fixed = found - random.nextInt(10);
			int[] values = { found, fixed, found - fixed };
			for (int c = 0; c < values.length; c++) {
				row.createCell(1 + c).setCellValue(values[c]);
				totals[c] += values[c];
			}
		}
		Row total = sheet.createRow(2 + sources.length);
		total.createCell(0).setCellValue("合计");
		for (int c = 0; c < totals.length; c++) {
			total.createCell(1 + c).setCellValue(totals[c]);
		}
	}

	private static void text(Row row, String... values) {
		for (int i = 0; i < values.length; i++) {
			if (!values[i].isEmpty()) {
				row.createCell(i).setCellValue(values[i]);
			}
		}
	}

	private static String title(String period) {
		return "专项整治工作统计表（" + period.replaceFirst("(\\d{4})-0?(\\d{1,2})", "$1年$2月") + "）";
	}

}
