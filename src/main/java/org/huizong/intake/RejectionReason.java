package org.huizong.intake;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.text.MessageFormat;

/**
 * Every reason a whole file is rejected, with its stable code (several reasons may share
 * one: the code is what a machine counts, the text what a clerk acts on) and its Chinese
 * text, as {@code IssueCode} has them for faults at a cell.
 */
public enum RejectionReason {

	NO_TABLE("file.no-table", "文件中没有找到统计表：需要一行表头，含“专项名称/指标/数量”等列名或指标名称（如“发现问题”）"),
	ZIP_BROKEN("file.corrupt", "文件已损坏：压缩结构不完整（可能传输中断），请重新报送"),
	UNSAFE_XML("file.unsafe-xml", "文件含有不安全的 XML 内容（DOCTYPE 实体声明），已拒收，请用 Excel 另存为 .xlsx 后重新报送"),
	ZIP_BOMB("file.zip-bomb", "文件解压后体积异常（疑似压缩炸弹），超出处理上限，已拒收"), EMPTY("file.empty", "文件是空的（0 字节），请重新报送"),
	BIFF_OLD("file.unsupported-format", "不支持的格式：Excel 5.0/95 或更早版本的工作簿，请另存为 .xlsx 后重新报送"),
	PDF("file.unsupported-format", "不支持的格式：PDF 文件，请报送 Excel 表格（.xlsx）"),
	SPREADSHEET_ML("file.unsupported-format", "不支持的格式：Excel 2003 XML 表格，请另存为 .xlsx 后重新报送"),
	BINARY("file.unsupported-format", "不支持的格式：无法识别的二进制文件，请另存为 .xlsx 后重新报送"),
	OLE_BROKEN("file.corrupt", "文件已损坏：Office 文件结构无法读取，请用 Excel 打开后另存为 .xlsx 重新报送"),
	ENCRYPTED("file.encrypted", "加密文件：工作簿设有打开密码，请取消密码后重新报送"),
	BIFF5("file.unsupported-format", "不支持的格式：Excel 5.0/95 工作簿，请另存为 .xlsx 后重新报送"),
	OLE_OTHER("file.unsupported-format", "不支持的格式：不是 Excel 工作簿的 Office 文件，请另存为 .xlsx 后重新报送"),
	XLSB("file.unsupported-format", "不支持的格式：Excel 二进制工作簿（.xlsb），请另存为 .xlsx 后重新报送"),
	ODS("file.unsupported-format", "不支持的格式：OpenDocument 表格（.ods），请另存为 .xlsx 后重新报送"),
	ZIP_OTHER("file.unsupported-format", "不支持的格式：不是 Excel 工作簿的压缩文件，请另存为 .xlsx 后重新报送"),
	XML_BROKEN("file.corrupt", "文件已损坏，XML 内容无法解析，请用 Excel 打开后另存为 .xlsx 重新报送"),
	INFLATE_BROKEN("file.corrupt", "文件已损坏：压缩内容无法解开（可能传输中断），请重新报送"),
	STRICT_OOXML("file.unsupported-format", "不支持的格式：Strict Open XML 工作簿，请在 Excel 中另存为普通的“Excel 工作簿（.xlsx）”后重新报送"),
	NO_WORKBOOK("file.corrupt", "文件已损坏：压缩包中没有工作簿，请用 Excel 打开后另存为 .xlsx 重新报送"),
	TOO_MANY_STRINGS("file.too-large", "工作簿的共享字符串超过 {0}M 字符，超出处理上限，请拆分后重新报送"),
	HTML_TOO_LARGE("file.too-large", "网页表格超过 {0} MB，请另存为 .xlsx 后重新报送"),
	HTML_NO_TABLE("file.no-table", "网页文件中没有表格（<table>），请另存为 .xlsx 后重新报送"),
	HTML_TOO_MANY_ROWS("file.too-many-rows", "表格行数超过上限 {0}，请拆分后重新报送"),
	CSV_TOO_MANY_ROWS("file.too-many-rows", "行数超过上限 {0}，请拆分后重新报送"), UNDECODABLE("file.encoding", "文件编码无效：{0} 无法解码的字节"),
	CSV("file.csv", "CSV 格式错误：{0}"), SHEET_TOO_MANY_ROWS("file.too-many-rows", "工作表行数超过上限 {0}，请拆分后重新报送"),
	NO_SHARED_STRING("file.corrupt", "文件已损坏：单元格引用了不存在的共享字符串，请用 Excel 打开后另存为 .xlsx 重新报送"),
	NEITHER_UTF8_NOR_GBK("file.encoding",
			"{0}第{1}行含有既不是 UTF-8 也不是 GBK/GB18030 的字节（0x{2}），请用 Excel 另存为“CSV UTF-8”或 .xlsx 后重新报送"),
	TIME_LIMIT("file.time-limit", "读取时间超过上限 {0} 秒，文件可能过大或结构异常，请检查或拆分后重新报送"),
	UNIT_CONFLICT("file.unit-conflict", "文件名表明是“{0}”的报表，但表内填报单位（{2}）是“{1}”，无法确定是哪个单位的数据；请核实后改正文件名或填报单位重新报送"),
	UNREADABLE("file.unreadable", "文件无法读取（{0}），请检查文件后重新放入收件箱"),
	TOO_COMPLEX("file.too-complex", "文件过于庞大或结构过于复杂，超出处理上限，请检查文件或拆分后重新报送"),
	CORRUPT("file.corrupt", "文件已损坏或格式异常，无法读取（{0}），请用 Excel 打开后另存为 .xlsx 重新报送"),
	REFUSED("file.refused", "数据库拒绝保存本文件的数据（{0}），请检查文件内容后重新报送");

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RejectionReason.class);

	private final String code;

	private final String template;

	RejectionReason(String code, String template) {
		this.code = code;
		this.template = template;
	}

	public String code() {
		return this.code;
	}

	/** The rejection, its text filled in with {@code args}, each as its plain text. */
	public RejectedFileException rejection(Object... args) {
		Object[] texts = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			texts[i] = String.valueOf(args[i]);
		}
		return new RejectedFileException(this.code, new MessageFormat(this.template.replace("'", "''")).format(texts));
	}

	/** The rejection of a file whose reading failed with {@code cause}. */
	public RejectedFileException rejection(Throwable cause, Object... args) {
		RejectedFileException rejection = rejection(args);
		rejection.initCause(cause);
		return rejection;
	}

	/**
	 * Whatever went wrong while a file was read, as a rejection a clerk can act on: a
	 * reader library's exception on a broken file, or a fault of our own, rejects the
	 * file either way, and the trace is kept in the log for whoever looks into it.
	 */
	public static RejectedFileException of(Throwable ex) {
		if (ex instanceof RejectedFileException rejected) {
			return rejected;
		}
		if (ex instanceof OutOfMemoryError || ex instanceof StackOverflowError) {
			return TOO_COMPLEX.rejection();
		}
		LOG.warn("文件读取异常，已拒收", ex);
		String detail = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return CORRUPT.rejection((detail.length() <= 300) ? detail : detail.substring(0, 299) + "…");
	}

	/** A file that could not be opened or read: the reason a clerk can act on. */
	public static RejectedFileException unreadable(IOException ex) {
		String why;
		if (ex instanceof AccessDeniedException) {
			why = "没有读取权限";
		}
		else if (ex instanceof NoSuchFileException) {
			why = "读取前已被移走或删除";
		}
		else {
			why = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		}
		return UNREADABLE.rejection(ex, why);
	}

}
