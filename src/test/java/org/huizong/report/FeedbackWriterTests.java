package org.huizong.report;

import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.huizong.intake.ReadLimits;
import org.huizong.intake.SubmissionReaders;
import org.huizong.issue.Issue;
import org.huizong.issue.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook a unit gets back: its faults listed, its own sheet with them marked. */
class FeedbackWriterTests {

	@TempDir
	Path dir;

	@Test
	void listsTheFaultsAndMarksTheirCellsInTheUnitsOwnSheet() throws Exception {
		Path original = Path.of("data/sample-inbox/2017-06/第三环卫所_2017-06.csv");
		Path out = this.dir.resolve("第三环卫所_2017-06_问题反馈.xlsx");
		List<Issue> issues = List.of(
				new Issue(Severity.ERROR, "measure.incompatible", "", "C4", "修理果壳箱 的计量单位“吨”无法换算为“只”"),
				new Issue(Severity.WARNING, "unit.unknown", "", "", "填报单位“某所”不在单位名册中，已按原名接收"),
				new Issue(Severity.INFO, "sheet.skipped", "说明", "", "工作表没有统计表，已跳过"));

		FeedbackWriter.write(SubmissionReaders.open(original, ReadLimits.defaults()), "2017-06/第三环卫所_2017-06.csv",
				"第三环卫所", "2017-06", issues, out);

		try (XSSFWorkbook workbook = new XSSFWorkbook(out.toFile())) {
			assertThat(workbook.getSheetName(0)).isEqualTo("问题说明");
			Sheet summary = workbook.getSheetAt(0);
			assertThat(summary.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("第三环卫所 2017-06 报送文件“2017-06/第三环卫所_2017-06.csv”的问题反馈");
			assertThat(summary.getRow(4).getCell(1).getStringCellValue()).isEqualTo("C4");
			assertThat(summary.getRow(4).getCell(2).getStringCellValue()).isEqualTo("错误");
			assertThat(summary.getRow(5).getCell(3).getStringCellValue()).isEqualTo("填报单位“某所”不在单位名册中，已按原名接收");
			assertThat(summary.getLastRowNum()).as("no line for what is only information").isEqualTo(5);
			for (Sheet sheet : workbook) {
				assertThat(sheet.getFitToPage()).as("printed one page wide: %s", sheet.getSheetName()).isTrue();
				assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
				assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
			}

			Sheet data = workbook.getSheet("数据");
			var faulty = data.getRow(3).getCell(2);
			assertThat(faulty.toString()).isEqualTo("5");
			assertThat(faulty.getCellComment().getString().getString()).contains("修理果壳箱 的计量单位“吨”无法换算为“只”");
			assertThat(((XSSFCellStyle) faulty.getCellStyle()).getFillForegroundXSSFColor()).isNotNull();
			assertThat(data.getRow(3).getCell(1).getCellComment()).isNull();
		}
	}

}
