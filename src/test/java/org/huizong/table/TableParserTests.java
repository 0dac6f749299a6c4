package org.huizong.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.CatalogLoader;
import org.huizong.intake.Cell;
import org.huizong.intake.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableParserTests {

	private static final Catalog CATALOG = CatalogLoader.load(Path.of("data/catalog"));

	private final List<RawFact> facts = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private void parse(String sheet, String... lines) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			List<Cell> cells = new ArrayList<>();
			String[] fields = lines[i].split("\\|", -1);
			for (int c = 0; c < fields.length; c++) {
				if (!fields[c].isBlank()) {
					cells.add(Cell.text(c, fields[c]));
				}
			}
			rows.add(new Row(i + 1, cells));
		}
		parse(sheet, rows);
	}

	private void parse(String sheet, List<Row> rows) {
		TableParser parser = new TableParser(CATALOG, "报表.xlsx", new SheetFacts() {
			@Override
			public void fact(RawFact fact) {
				TableParserTests.this.facts.add(fact);
			}

			@Override
			public void sheetSkipped(String name, String why) {
				TableParserTests.this.notes.add("skipped " + name);
			}

			@Override
			public void unitNamed(String unit, String name, String cell) {
				TableParserTests.this.notes.add("unit " + unit + " " + cell);
			}

			@Override
			public void periodNamed(String period, String name, String cell) {
				TableParserTests.this.notes.add("period " + period + " " + cell);
			}
		});
		parser.startSheet(sheet);
		rows.forEach(parser::row);
		parser.endSheet();
	}

	private List<String> described() {
		return this.facts.stream()
			.map((f) -> f.cell() + " " + f.campaign() + "/" + f.metric() + "/" + f.source() + "=" + f.value().text()
					+ (f.measure().isEmpty() ? "" : " " + f.measure())
					+ (f.role() == RowRole.DETAIL ? "" : " " + f.role()))
			.toList();
	}

	@Test
	void readsAWideTableBySourceUnderATitleAndMetadata() {
		parse("Sheet1", "亮灯设施专项整治情况（2017年6月）", "填报单位：数字城管中心|||填报日期：2017-07-03", "问题来源|发现问题(件)|整改问题(件)|关灯处理(件)",
				"自查|123|98|25", "督查|107|77|30", "合计|230|175|55", "填表人：李四");
		assertThat(this.notes).containsExactly("period 2017-06 A1", "unit 数字城管中心 A2");
		assertThat(described()).containsExactly("B4 亮灯设施专项整治/发现问题(件)/自查=123 件", "C4 亮灯设施专项整治/整改问题(件)/自查=98 件",
				"D4 亮灯设施专项整治/关灯处理(件)/自查=25 件", "B5 亮灯设施专项整治/发现问题(件)/督查=107 件", "C5 亮灯设施专项整治/整改问题(件)/督查=77 件",
				"D5 亮灯设施专项整治/关灯处理(件)/督查=30 件", "B6 亮灯设施专项整治/发现问题(件)/=230 件 TOTAL", "C6 亮灯设施专项整治/整改问题(件)/=175 件 TOTAL",
				"D6 亮灯设施专项整治/关灯处理(件)/=55 件 TOTAL");
	}

	@Test
	void mergesAHeaderOverTwoRowsAndFollowsSectionRows() {
		parse("问题整改", "序号|专项名称|问题情况||整改率", "||发现问题(个)|整改问题(个)|", "一|城市家具专项整治|||", "1|城市家具专项整治|785|785|100%",
				"二|户外广告整治|||", "1||28|28|");
		assertThat(described()).containsExactly("C4 城市家具专项整治/发现问题(个)/=785 个", "D4 城市家具专项整治/整改问题(个)/=785 个",
				"E4 城市家具专项整治/整改率/=100%", "C6 户外广告整治/发现问题(个)/=28 个", "D6 户外广告整治/整改问题(个)/=28 个");
	}

	@Test
	void readsALongTableWithSectionRowsAndSkipsFootnotes() {
		parse("工作量", "序号|工作内容|数量|单位", "一、城市家具专项整治|||", "1|修理果壳箱|200|只", "2|油漆果壳箱|450|只", "二、户外广告整治|||",
				"1|清除牛皮癣|7500余|处", "小计|||", "注：数据截至6月30日|||", "3|不是数据|1|只");
		assertThat(described()).containsExactly("C3 城市家具专项整治/修理果壳箱/=200 只", "C4 城市家具专项整治/油漆果壳箱/=450 只",
				"C6 户外广告整治/清除牛皮癣/=7500余 处");
	}

	@Test
	void aSecondTableTakesTheCampaignOfItsOwnTitle() {
		parse("", "城市家具专项整治工作量", "工作内容|数量|单位", "修理果壳箱|200|只", "填表人：张三", "亮灯设施专项整治情况", "问题来源|发现问题(件)|整改问题(件)",
				"自查|123|98");
		assertThat(described()).containsExactly("B3 城市家具专项整治/修理果壳箱/=200 只", "B7 亮灯设施专项整治/发现问题(件)/自查=123 件",
				"C7 亮灯设施专项整治/整改问题(件)/自查=98 件");
	}

	@Test
	void takesTheCampaignFromTheSheetName() {
		parse("河道大清理专项整治", "工作内容|数量|单位", "清理卫生死角|2|处");
		assertThat(described()).containsExactly("B2 河道大清理专项整治/清理卫生死角/=2 处");
	}

	@Test
	void passesOverACellThatNamesNoColumn() {
		// <c r="7">, a reference without its column letters, is read as column -1
		parse("工作量",
				List.of(new Row(1, List.of(Cell.text(0, "工作内容"), Cell.text(1, "数量"), Cell.text(2, "单位"))), new Row(2,
						List.of(Cell.text(-1, "备注"), Cell.text(0, "修理果壳箱"), Cell.text(1, "200"), Cell.text(2, "只")))));
		assertThat(described()).containsExactly("B2 /修理果壳箱/=200 只");
	}

	@Test
	void listsASheetWithoutATableAsSkipped() {
		parse("填表说明", "1. 请按实际情况填写", "2. 数字请勿带单位");
		assertThat(this.facts).isEmpty();
		assertThat(this.notes).containsExactly("skipped 填表说明");
	}

}
