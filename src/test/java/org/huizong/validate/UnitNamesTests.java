package org.huizong.validate;

import java.nio.file.Path;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.CatalogLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UnitNamesTests {

	private static final Catalog CATALOG = CatalogLoader.load(Path.of("data/catalog"));

	@ParameterizedTest
	@CsvSource({ "第三环卫所_2017-06.csv, 第三环卫所", "绿化管理站2017.06.xls, 绿化管理站", "2017-06/市政中心 2017年6月.xlsx, 市政设施管理中心",
			"第五环卫所.xlsx, 第五环卫所", "新成立的站_201706.csv, 新成立的站", "第一环卫所-统计表(修订版).xlsx, 第一环卫所" })
	void takesTheUnitFromTheFileName(String fileName, String unit) {
		assertThat(UnitNames.fromFileName(fileName, CATALOG)).isEqualTo(unit);
	}

	@ParameterizedTest
	@CsvSource({ "第三环卫所_2017-06.csv, 2017-06", "绿化管理站2017.06.xls, 2017-06", "市政中心2017年5月.xlsx, 2017-05" })
	void takesThePeriodFromTheFileName(String fileName, String period) {
		assertThat(UnitNames.periodOf(fileName)).contains(period);
	}

}
