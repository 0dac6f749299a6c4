package org.huizong.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.CatalogLoader;
import org.huizong.intake.Cell;
import org.huizong.intake.CellKind;
import org.huizong.issue.Issue;
import org.huizong.issue.Severity;
import org.huizong.issue.SeverityPolicy;
import org.huizong.normalize.Fact;
import org.huizong.normalize.FactNormalizer;
import org.huizong.table.RawFact;
import org.huizong.table.RowRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueChecksTests {

	private static final Catalog CATALOG = CatalogLoader.load(Path.of("data/catalog"));

	private final List<Fact> kept = new ArrayList<>();

	private final List<Issue> issues = new ArrayList<>();

	private void check(SeverityPolicy policy, String metric, String value) {
		RawFact raw = new RawFact("工作量", "E6", "城市家具专项整治", metric, "", new Cell(4, CellKind.NUMBER, value), "",
				RowRole.DETAIL, "t1", "", "");
		ValueChecks checks = new ValueChecks(policy, this.issues::add);
		new FactNormalizer(CATALOG, policy).normalize(raw, (fact) -> {
			if (checks.accept(fact)) {
				this.kept.add(fact);
			}
		}, this.issues::add);
	}

	@Test
	void rejectsANegativeCountAtItsCell() {
		check(SeverityPolicy.defaults(), "发现问题", "-3");
		assertThat(this.kept).isEmpty();
		assertThat(this.issues).singleElement().satisfies((issue) -> {
			assertThat(issue.message()).isEqualTo("发现问题 不能为负数，填写的是“-3”");
			assertThat(issue.cell()).isEqualTo("E6");
			assertThat(issue.severity()).isEqualTo(Severity.ERROR);
		});
	}

	@Test
	void keepsANegativeRate() {
		check(SeverityPolicy.defaults(), "整改率", "-5");
		assertThat(this.kept).singleElement().extracting(Fact::value).isEqualTo(new java.math.BigDecimal("-5"));
		assertThat(this.issues).isEmpty();
	}

	@Test
	void keepsANegativeCountWithAWarningWhereTheOfficeSaysSo() {
		check(new SeverityPolicy(Map.of("value.negative", "warning")), "发现问题", "-3");
		assertThat(this.kept).singleElement().extracting(Fact::value).isEqualTo(new java.math.BigDecimal("-3"));
		assertThat(this.issues).singleElement().extracting(Issue::severity).isEqualTo(Severity.WARNING);
	}

	@Test
	void saysNothingOfANegativeCountTheOfficeIgnores() {
		check(new SeverityPolicy(Map.of("value.negative", "ignore")), "发现问题", "-3");
		assertThat(this.kept).hasSize(1);
		assertThat(this.issues).isEmpty();
	}

}
