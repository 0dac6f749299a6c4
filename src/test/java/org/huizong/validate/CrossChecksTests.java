package org.huizong.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.huizong.catalog.CatalogLoader;
import org.huizong.intake.ReadLimits;
import org.huizong.issue.Issue;
import org.huizong.issue.SeverityPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks across a file's cells, on small wide tables: a totals row against its
 * details, 整改 against 发现, a unit's own rate against its counts. Rows are separated by
 * {@code /} in the cases.
 */
class CrossChecksTests {

	private static final String HEAD = "亮灯设施专项整治情况（2017年6月）/填报单位：数字城管中心/问题来源,发现问题(件),整改问题(件),整改率/";

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					a totals row that adds up              | 自查,10,8,80%/督查,5,5,100%/合计,15,13,                | ''
					a totals row that does not             | 自查,10,8,80%/督查,5,5,100%/合计,16,13,                | B6 “合计”行的 发现问题 为 16，明细之和为 15
					a subtotal checked as a total          | 自查,10,8,80%/小计,11,8,                               | B5 “小计”行的 发现问题 为 11，明细之和为 10
					more fixed than found                  | 自查,10,12,120%                                        | C4 亮灯设施专项整治（自查）：整改问题 12 大于发现问题 10
					a rate that disagrees with the counts  | 自查,10,8,90%                                          | D4 亮灯设施专项整治（自查）：填报的整改率 90% 与整改问题 ÷ 发现问题（8 ÷ 10 = 80%）不符
					a rate written as a fraction           | 自查,10,8,0.8                                          | ''
					a rate left blank                      | 自查,10,8,                                             | ''
					a totals row's rate from its counts    | 自查,10,10,100%/督查,2,1,50%/合计,12,11,91.7%          | ''
					a totals row's rate that disagrees     | 自查,10,10,100%/督查,2,1,50%/合计,12,11,80%            | D6 “合计”行：填报的整改率 80% 与整改问题 ÷ 发现问题（11 ÷ 12 = 91.7%）不符
					a subtotal's rate from its counts      | 自查,10,10,100%/督查,2,1,50%/小计,12,11,91.7%          | ''
					""")
	void tellsWhatDoesNotAddUp(String what, String rows, String expected) throws Exception {
		Path file = Files.writeString(this.dir.resolve("数字城管中心_2017-06.csv"),
				"\ufeff" + (HEAD + rows).replace("/", "\r\n") + "\r\n");

		List<Issue> issues = SubmissionPipeline
			.read(file, "数字城管中心_2017-06.csv", "2017-06", CatalogLoader.load(Path.of("data/catalog")),
					new SeverityPolicy(Map.of()), ReadLimits.defaults())
			.issues();

		assertThat(issues).extracting((issue) -> issue.cell() + " " + issue.message())
			.containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected));
	}

}
