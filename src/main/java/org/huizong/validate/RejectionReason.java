package org.huizong.validate;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.text.MessageFormat;

import org.huizong.intake.RejectedFileException;

/**
 * Why a whole file is rejected after it was opened (the readers have their own reasons
 * for files they cannot read), with its stable code and its Chinese text.
 */
public enum RejectionReason {

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

	public RejectedFileException rejection(Object... args) {
		return new RejectedFileException(this.code, new MessageFormat(this.template).format(args));
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
		RejectedFileException rejection = UNREADABLE.rejection(why);
		rejection.initCause(ex);
		return rejection;
	}

}
