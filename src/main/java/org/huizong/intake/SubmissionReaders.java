package org.huizong.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Sniffs a file's real format from its first bytes (extensions lie) and opens the reader
 * for it.
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
			throw RejectionReason.EMPTY.rejection();
		}
		if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return ole2(file, limits);
		}
		if (startsWith(head, 0x50, 0x4B, 0x03, 0x04) || startsWith(head, 0x50, 0x4B, 0x05, 0x06)) {
			return zip(file, limits);
		}
		if (startsWith(head, 0x09, 0x08) || startsWith(head, 0x09, 0x04) || startsWith(head, 0x09, 0x02)
				|| startsWith(head, 0x09, 0x00)) {
			throw RejectionReason.BIFF_OLD.rejection();
		}
		if (startsWith(head, 0x25, 0x50, 0x44, 0x46)) {
			throw RejectionReason.PDF.rejection();
		}
		String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		if (looksLikeMarkup(text)) {
			if (text.contains("urn:schemas-microsoft-com:office:spreadsheet") && !text.contains("<table")) {
				throw RejectionReason.SPREADSHEET_ML.rejection();
			}
			return new HtmlTableReader(file, limits, head);
		}
		if (hasBinaryZeros(head) && !startsWith(head, 0xFF, 0xFE) && !startsWith(head, 0xFE, 0xFF)) {
			throw RejectionReason.BINARY.rejection();
		}
		return new CsvRowReader(file, TextEncoding.detect(file), limits);
	}

	/** A reader of nothing: for a feedback workbook that has only its list of faults. */
	public static SubmissionReader none() {
		return new SubmissionReader() {
			@Override
			public SubmissionFormat format() {
				return SubmissionFormat.CSV;
			}

			@Override
			public String encoding() {
				return "";
			}

			@Override
			public void read(RowSink sink) {
			}
		};
	}

	private static SubmissionReader ole2(Path file, ReadLimits limits) throws IOException {
		java.util.Set<String> entries = new java.util.HashSet<>();
		try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(
				file.toFile(), true)) {
			fs.getRoot().getEntryNames().forEach(entries::add);
		}
		catch (IOException | RuntimeException ex) {
			throw RejectionReason.OLE_BROKEN.rejection(ex);
		}
		if (entries.contains("EncryptedPackage")) {
			throw RejectionReason.ENCRYPTED.rejection();
		}
		if (entries.contains("Workbook") || entries.contains("WORKBOOK")) {
			return new XlsRowReader(file, limits);
		}
		if (entries.contains("Book")) {
			throw RejectionReason.BIFF5.rejection();
		}
		throw RejectionReason.OLE_OTHER.rejection();
	}

	private static SubmissionReader zip(Path file, ReadLimits limits) throws IOException {
		boolean xlsx;
		boolean xlsb;
		boolean ods;
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
			xlsx = zip.getEntry("xl/workbook.xml") != null;
			xlsb = zip.getEntry("xl/workbook.bin") != null;
			ods = zip.getEntry("content.xml") != null;
		}
		catch (IOException ex) {
			throw RejectionReason.ZIP_BROKEN.rejection(ex);
		}
		if (xlsx) {
			return new XlsxRowReader(file, limits);
		}
		if (xlsb) {
			throw RejectionReason.XLSB.rejection();
		}
		if (ods) {
			throw RejectionReason.ODS.rejection();
		}
		throw RejectionReason.ZIP_OTHER.rejection();
	}

	private static boolean looksLikeMarkup(String head) {
		String trimmed = head.replace("\u00ef\u00bb\u00bf", "").stripLeading();
		return trimmed.startsWith("<") && (head.contains("<html") || head.contains("<table") || head.contains("<?xml")
				|| head.contains("<!doctype"));
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
