package org.huizong.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Sniffs a file's real format from its first bytes (extensions lie) and opens the reader for it.
 */
public final class SubmissionReaders {

	private static final int SNIFF_BYTES = 4096;

	private SubmissionReaders() {
	}

	/**
	 * @throws RejectedFileException when the format is one huizong does not read
	 */
	public static SubmissionReader open(Path file, ReadLimits limits) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(SNIFF_BYTES);
		}
		if (head.length == 0) {
			throw new RejectedFileException("file.empty", "文件是空的（0 字节），请重新报送");
		}
		if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			throw unsupported("Excel 97-2003 工作簿（.xls）");
		}
		if (startsWith(head, 0x50, 0x4B, 0x03, 0x04) || startsWith(head, 0x50, 0x4B, 0x05, 0x06)) {
			throw unsupported("Excel 工作簿（.xlsx）");
		}
		if (startsWith(head, 0x09, 0x08) || startsWith(head, 0x09, 0x04) || startsWith(head, 0x09, 0x02)
				|| startsWith(head, 0x09, 0x00)) {
			throw new RejectedFileException("file.unsupported-format",
					"不支持的格式：Excel 5.0/95 或更早版本的工作簿，请另存为 .xlsx 后重新报送");
		}
		if (startsWith(head, 0x25, 0x50, 0x44, 0x46)) {
			throw new RejectedFileException("file.unsupported-format", "不支持的格式：PDF 文件，请报送 Excel 表格（.xlsx）");
		}
		String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		if (looksLikeMarkup(text)) {
			throw unsupported("网页表格（HTML）");
		}
		if (hasBinaryZeros(head) && !startsWith(head, 0xFF, 0xFE) && !startsWith(head, 0xFE, 0xFF)) {
			throw new RejectedFileException("file.unsupported-format",
					"不支持的格式：无法识别的二进制文件，请另存为 .xlsx 后重新报送");
		}
		return new CsvRowReader(file, TextEncoding.detect(file));
	}

	private static RejectedFileException unsupported(String what) {
		return new RejectedFileException("file.unsupported-format", "暂不支持的格式：" + what + "，请另存为 CSV 后重新报送");
	}

	private static boolean looksLikeMarkup(String head) {
		String trimmed = head.replace("\u00ef\u00bb\u00bf", "").stripLeading();
		return trimmed.startsWith("<") && (head.contains("<html") || head.contains("<table") || head.contains("<?xml"));
	}

	private static boolean hasBinaryZeros(byte[] head) {
		for (byte b : head) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
