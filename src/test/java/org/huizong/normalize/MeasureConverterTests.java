package org.huizong.normalize;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.CatalogLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** A measure as written into the metric's own, by the catalog the project ships. */
class MeasureConverterTests {

	private static final Catalog CATALOG = CatalogLoader.load(Path.of("data/catalog"));

	private static final MeasureConverter CONVERTER = new MeasureConverter(CATALOG);

	@ParameterizedTest(name = "{0}: {1} → {2}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			修理果壳箱   | 只  | 1
			修理果壳箱   | 个  | 1
			修理果壳箱   |     | 1
			修理果壳箱   | 吨  | none
			清理垃圾渣土 | 吨  | 1
			清理垃圾渣土 | t   | 1
			清理垃圾渣土 | 公斤 | 0.001
			清理垃圾渣土 | KG  | 0.001
			清理垃圾渣土 | 只  | none
			清理垃圾渣土 | 斤  | none
			修复车行道   | 平米 | 1
			修复车行道   | m²  | 1
			""")
	void convertsWhatTheCatalogAllowsAndNothingElse(String metric, String written, String factor) {
		var found = CATALOG.metric(metric).orElseThrow().metric();
		var converted = CONVERTER.factor(found, (written != null) ? written : "");
		if (factor == null) {
			assertThat(converted).isEmpty();
		}
		else {
			assertThat(converted)
				.hasValueSatisfying((value) -> assertThat(value).isEqualByComparingTo(new BigDecimal(factor)));
		}
	}

}
