package org.huizong.issue;

import java.text.MessageFormat;

/**
 * Every fault the rules know, with its stable code for machines, its default severity and
 * its message in Chinese. Messages take their arguments in order.
 */
public enum IssueCode {

	VALUE_NOT_A_NUMBER("value.not-a-number", Severity.ERROR, "{0} 的值“{1}”不是数字"),
	VALUE_NEGATIVE("value.negative", Severity.ERROR, "{0} 不能为负数，填写的是“{1}”"),
	VALUE_OUT_OF_RANGE("value.out-of-range", Severity.ERROR, "{0} 的值“{1}”超出可汇总的范围（整数部分最多 22 位）"),
	MEASURE_INCOMPATIBLE("measure.incompatible", Severity.ERROR, "{0} 的计量单位“{1}”无法换算为“{2}”"),
	CELL_EXCEL_ERROR("cell.excel-error", Severity.ERROR, "单元格是 Excel 错误值 {0}，请改为数字"),
	CELL_DATE("cell.date", Severity.ERROR, "{0} 的值是日期格式（{1}），请改为数字"),
	VALUE_JUMP("value.jump", Severity.WARNING, "{0} 填报 {1}，{2}（{3}）{4} 的 {5}，请核实"),
	FIXED_EXCEEDS_FOUND("problems.fixed-exceeds-found", Severity.WARNING, "{0}：整改问题 {1} 大于发现问题 {2}"),
	RATE_MISMATCH("rate.mismatch", Severity.WARNING, "{0}：填报的整改率 {1}% 与整改问题 ÷ 发现问题（{2} ÷ {3} = {4}%）不符"),
	TOTAL_MISMATCH("total.mismatch", Severity.WARNING, "“{0}”行的 {1} 为 {2}，明细之和为 {3}"),
	UNMAPPED_METRIC("catalog.unmapped-metric", Severity.WARNING, "指标“{0}”不在目录中，已记为未识别名称，暂不计入汇总"),
	UNMAPPED_CAMPAIGN("catalog.unmapped-campaign", Severity.WARNING, "专项“{0}”不在目录中，已记为未识别名称，暂不计入汇总"),
	UNMAPPED_SOURCE("catalog.unmapped-source", Severity.WARNING, "问题来源“{0}”不在目录中，已记为未识别名称，暂不计入汇总"),
	CAMPAIGN_MISSING("campaign.missing", Severity.WARNING, "{0} 无法确定所属专项（没有专项名称列、分节行、标题或工作表名），暂不计入汇总"),
	UNIT_UNKNOWN("unit.unknown", Severity.WARNING, "填报单位“{0}”不在单位名册中，已按原名接收"),
	PERIOD_MISMATCH("period.mismatch", Severity.WARNING, "文件写明的期间 {0} 与本次汇总期间 {1} 不一致"),
	UNIT_RESUBMITTED("unit.resubmitted", Severity.INFO, "{0} 本期已有报送“{1}”，以本文件为准，原报送留作历史"),
	FILE_SUPERSEDED("file.superseded", Severity.WARNING, "{0} 本期另有较新的文件“{1}”，本文件已被它取代，不计入汇总"),
	FILE_SAME_CONTENT("file.same-content", Severity.WARNING, "本文件与“{0}”（{1}）的内容完全相同，两份都已计入汇总；请核实是否报错了文件"),
	SHEET_SKIPPED("sheet.skipped", Severity.INFO, "工作表没有统计表，已跳过：{0}");

	private final String code;

	private final Severity defaultSeverity;

	private final String template;

	IssueCode(String code, Severity defaultSeverity, String template) {
		this.code = code;
		this.defaultSeverity = defaultSeverity;
		this.template = template;
	}

	public String code() {
		return this.code;
	}

	public Severity defaultSeverity() {
		return this.defaultSeverity;
	}

	public String message(Object... args) {
		Object[] texts = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			texts[i] = String.valueOf(args[i]);
		}
		return new MessageFormat(this.template.replace("'", "''")).format(texts);
	}

	public static IssueCode byCode(String code) {
		for (IssueCode value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("未知的问题代码：" + code);
	}

}
