package org.huizong.normalize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.CatalogLoader;
import org.huizong.intake.Cell;
import org.huizong.intake.CellKind;
import org.huizong.table.RawFact;
import org.huizong.table.RowRole;
import org.huizong.issue.Issue;
import org.huizong.issue.SeverityPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FactNormalizerTests {

	private static final Catalog CATALOG = CatalogLoader.load(Path.of("data/catalog"));

	private final List<Fact> facts = new ArrayList<>();

	private final List<Issue> issues = new ArrayList<>();

	private void normalize(String campaign, String metric, String source, CellKind kind, String value, String measure) {
		RawFact raw = new RawFact("工作量", "E6", campaign, metric, source, new Cell(4, kind, value), measure,
				RowRole.DETAIL, "t1", "", "");
		new FactNormalizer(CATALOG, SeverityPolicy.defaults()).normalize(raw, this.facts::add, this.issues::add);
	}

	@Test
	void convertsKilogramsToTonnes() {
		normalize("渣土运输专项整治", "清理渣土", "", CellKind.TEXT, "288,000", "公斤");
		assertThat(this.facts).singleElement().satisfies((fact) -> {
			assertThat(fact.campaign()).isEqualTo("渣土运输管理专项整治");
			assertThat(fact.metric()).isEqualTo("清理垃圾渣土");
			assertThat(fact.value()).isEqualByComparingTo("288");
			assertThat(fact.measure()).isEqualTo("吨");
		});
		assertThat(this.issues).isEmpty();
	}

	@Test
	void acceptsTheCountingWordsOfAMetric() {
		normalize("城市家具专项整治", "修理果壳箱（只）", "", CellKind.TEXT, "80个", "");
		assertThat(this.facts).singleElement().satisfies((fact) -> {
			assertThat(fact.value()).isEqualByComparingTo("80");
			assertThat(fact.measure()).isEqualTo("只");
		});
	}

	@Test
	void mapsAFullWidthSourceAlias() {
		normalize("城市家具整治", "发现问题数", "自查自纠", CellKind.TEXT, "３８５", "件");
		assertThat(this.facts).singleElement().satisfies((fact) -> {
			assertThat(fact.source()).isEqualTo("自查");
			assertThat(fact.mapped()).isTrue();
		});
	}

	@Test
	void missingValueGivesNoFactAndNoIssue() {
		normalize("城市家具专项整治", "出动巡查人员", "", CellKind.TEXT, "无", "人次");
		assertThat(this.facts).isEmpty();
		assertThat(this.issues).isEmpty();
	}

	@Test
	void refusesANumberTooLargeForTheTables() {
		normalize("城市家具专项整治", "修理果壳箱", "", CellKind.NUMBER, "1E+22", "只");
		assertThat(this.facts).isEmpty();
		assertThat(this.issues).singleElement().satisfies((issue) -> {
			assertThat(issue.code()).isEqualTo("value.out-of-range");
			assertThat(issue.cell()).isEqualTo("E6");
			assertThat(issue.message()).isEqualTo("修理果壳箱 的值“1E+22”超出可汇总的范围（整数部分最多 22 位）");
		});
	}

	@Test
	void refusesAConversionThatOverflowsTheTables() {
		normalize("渣土运输专项整治", "清理渣土", "", CellKind.TEXT, "9999999999999999999999", "万吨");
		assertThat(this.facts).isEmpty();
		assertThat(this.issues).singleElement()
			.satisfies((issue) -> assertThat(issue.code()).isEqualTo("value.out-of-range"));
	}

	@Test
	void keepsEightDecimalsRoundedHalfUp() {
		normalize("渣土运输专项整治", "清理渣土", "", CellKind.TEXT, "0.123456785", "公斤");
		assertThat(this.facts).singleElement().satisfies((fact) -> {
			assertThat(fact.amount()).isEqualByComparingTo("0.12345679");
			assertThat(fact.value()).isEqualByComparingTo("0.00012346");
		});
	}

	@Test
	void keepsAnUnknownMetricAsUnmapped() {
		normalize("河道大清理专项整治", "清理河面漂浮物", "", CellKind.TEXT, "30", "吨");
		assertThat(this.facts).singleElement().satisfies((fact) -> {
			assertThat(fact.mapped()).isFalse();
			assertThat(fact.value()).isEqualByComparingTo("30");
		});
	}

	@Nested
	class Errors {

		@Test
		void rejectsTonnesForBins() {
			normalize("城市家具专项整治", "修理果壳箱", "", CellKind.TEXT, "5", "吨");
			assertThat(FactNormalizerTests.this.facts).isEmpty();
			assertThat(FactNormalizerTests.this.issues).singleElement().satisfies((issue) -> {
				assertThat(issue.code()).isEqualTo("measure.incompatible");
				assertThat(issue.located("第五环卫所.xlsx")).isEqualTo("第五环卫所.xlsx / 工作量 / E6：修理果壳箱 的计量单位“吨”无法换算为“只”");
			});
		}

		@Test
		void rejectsTextThatIsNotANumber() {
			normalize("城市家具专项整治", "发现问题", "", CellKind.TEXT, "正在统计", "");
			assertThat(FactNormalizerTests.this.issues).singleElement()
				.extracting(Issue::message)
				.isEqualTo("发现问题 的值“正在统计”不是数字");
		}

		@Test
		void rejectsAnExcelErrorCell() {
			normalize("城市家具专项整治", "整改率", "", CellKind.ERROR, "#DIV/0!", "");
			assertThat(FactNormalizerTests.this.issues).singleElement()
				.extracting(Issue::message)
				.isEqualTo("单元格是 Excel 错误值 #DIV/0!，请改为数字");
		}

	}

}
