package org.huizong.report;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWorkbookTests {

	@Test
	void givesEachCampaignASheetOfItsOwnWhateverItsName() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			workbook.createSheet(ReportWorkbook.SUMMARY);
			String longer = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五";
			String first = ReportWorkbook.sheetName(longer + "甲", workbook);
			workbook.createSheet(first);
			String second = ReportWorkbook.sheetName(longer + "乙", workbook);
			workbook.createSheet(second);

			assertThat(first).hasSize(31).isEqualTo(longer.substring(0, 31));
			assertThat(second).hasSize(31).isEqualTo(longer.substring(0, 28) + "(2)");
			assertThat(ReportWorkbook.sheetName("汇总", workbook)).isEqualTo("汇总(2)");
			assertThat(ReportWorkbook.sheetName("报送情况", workbook)).isEqualTo("报送情况(2)");
			assertThat(ReportWorkbook.sheetName("数据来源", workbook)).isEqualTo("数据来源(2)");
			assertThat(ReportWorkbook.sheetName("城市家具/专项*整治", workbook)).isEqualTo("城市家具 专项 整治");
		}
	}

}
