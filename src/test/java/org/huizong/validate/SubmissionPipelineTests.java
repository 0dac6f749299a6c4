package org.huizong.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.CatalogLoader;
import org.huizong.intake.ReadLimits;
import org.huizong.intake.RejectedFileException;
import org.huizong.issue.SeverityPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file to facts and issues, with no database. */
class SubmissionPipelineTests {

	private static final Catalog CATALOG = CatalogLoader.load(Path.of("data/catalog"));

	private static final SeverityPolicy POLICY = new SeverityPolicy(Map.of());

	@TempDir
	Path dir;

	@Test
	void readsAUnitsFileIntoFactsAndIssues() throws Exception {
		SubmissionPipeline.Result result = SubmissionPipeline.read(
				Path.of("data/sample-inbox/2017-06/第三环卫所_2017-06.csv"), "2017-06/第三环卫所_2017-06.csv", "2017-06", CATALOG,
				POLICY, ReadLimits.defaults());

		assertThat(result.unit()).isEqualTo("第三环卫所");
		assertThat(result.format()).isEqualTo("csv");
		assertThat(result.facts()).extracting((fact) -> fact.metric() + "=" + fact.value().toPlainString())
			.contains("油漆果壳箱=450");
		assertThat(result.issues()).extracting((issue) -> issue.cell() + " " + issue.message())
			.containsExactly("C4 修理果壳箱 的计量单位“吨”无法换算为“只”");
	}

	@Test
	void rejectsAFileWhoseNameAndTableNameTwoUnits() throws Exception {
		Path file = Files.writeString(this.dir.resolve("绿化管理站_2017-06.csv"),
				"\ufeff填报单位：第一环卫所\r\n专项名称,工作内容,数量,单位\r\n城市家具专项整治,修理果壳箱,12,只\r\n");

		assertThatThrownBy(() -> SubmissionPipeline.read(file, "绿化管理站_2017-06.csv", "2017-06", CATALOG, POLICY,
				ReadLimits.defaults()))
			.isInstanceOf(RejectedFileException.class)
			.hasMessage("文件名表明是“绿化管理站”的报表，但表内填报单位（A1）是“第一环卫所”，无法确定是哪个单位的数据；请核实后改正文件名或填报单位重新报送");
	}

	@Test
	void tellsAnUnknownUnitAndAPeriodTheFileNameContradicts() throws Exception {
		Path file = Files.writeString(this.dir.resolve("新单位_2017-05.csv"),
				"\ufeff专项名称,工作内容,数量,单位\r\n城市家具专项整治,修理果壳箱,12,只\r\n");

		SubmissionPipeline.Result result = SubmissionPipeline.read(file, "新单位_2017-05.csv", "2017-06", CATALOG, POLICY,
				ReadLimits.defaults());

		assertThat(result.unit()).isEqualTo("新单位");
		assertThat(result.issues()).extracting((issue) -> issue.code() + " " + issue.message())
			.containsExactly("unit.unknown 填报单位“新单位”不在单位名册中，已按原名接收",
					"period.mismatch 文件写明的期间 2017-05 与本次汇总期间 2017-06 不一致");
	}

	@Test
	void tellsAnUnknownMetricAtTheCellThatNamesIt() throws Exception {
		Path file = Files.writeString(this.dir.resolve("第一环卫所_2017-06.csv"),
				"\ufeff序号,专项名称,工作内容,单位,数量\r\n1,城市家具专项整治,捡拾烟头,个,100\r\n" + "2,城市家具专项整治,修理果壳箱,只,12\r\n");
		Path wide = Files.writeString(this.dir.resolve("第二环卫所_2017-06.csv"),
				"\ufeff专项名称,修理果壳箱,捡拾烟头\r\n城市家具专项整治,12,100\r\n");

		assertThat(SubmissionPipeline
			.read(file, file.getFileName().toString(), "2017-06", CATALOG, POLICY, ReadLimits.defaults())
			.issues()).extracting((issue) -> issue.cell() + " " + issue.message())
			.containsExactly("C2 指标“捡拾烟头”不在目录中，已记为未识别名称，暂不计入汇总");
		assertThat(SubmissionPipeline
			.read(wide, wide.getFileName().toString(), "2017-06", CATALOG, POLICY, ReadLimits.defaults())
			.issues()).extracting((issue) -> issue.cell() + " " + issue.message())
			.containsExactly("C1 指标“捡拾烟头”不在目录中，已记为未识别名称，暂不计入汇总");
	}

}
