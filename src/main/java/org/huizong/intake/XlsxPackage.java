package org.huizong.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The zip container of an xlsx, opened with the JDK's {@link ZipFile} (the central
 * directory only; parts are inflated as they are read) and guarded against zip bombs
 * while inflating: a part that inflates past the size limit, or far past its compressed
 * size, stops the file.
 */
final class XlsxPackage implements AutoCloseable {

	/**
	 * Below this many bytes read, the compression ratio is not judged: small parts are
	 * often sparse.
	 */
	private static final long RATIO_GRACE_BYTES = 1L << 20;

	private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private final ZipFile zip;

	private final Map<String, ZipEntry> entries = new HashMap<>();

	private final ReadLimits limits;

	XlsxPackage(Path file, ReadLimits limits) throws IOException {
		try {
			this.zip = new ZipFile(file.toFile());
		}
		catch (ZipException ex) {
			throw RejectionReason.ZIP_BROKEN.rejection(ex);
		}
		this.limits = limits;
		Enumeration<? extends ZipEntry> all = this.zip.entries();
		while (all.hasMoreElements()) {
			ZipEntry entry = all.nextElement();
			this.entries.putIfAbsent(key(entry.getName()), entry);
		}
	}

	boolean contains(String name) {
		return this.entries.containsKey(key(name));
	}

	/**
	 * The part's bytes, inflated under the zip-bomb guard, or {@code null} when there is
	 * no such part. A part that declares a DOCTYPE is refused before it is parsed: an
	 * office suite never writes one, and entity expansion ("billion laughs") needs one.
	 */
	InputStream open(String name) throws IOException {
		ZipEntry entry = this.entries.get(key(name));
		if (entry == null) {
			return null;
		}
		java.io.BufferedInputStream in = new java.io.BufferedInputStream(
				new Guarded(this.zip.getInputStream(entry), entry.getCompressedSize(), this.limits), 8192);
		in.mark(1024);
		byte[] head = in.readNBytes(1024);
		in.reset();
		if (declaresDoctype(head)) {
			in.close();
			throw unsafeXml();
		}
		return in;
	}

	/**
	 * The uncompressed size of a part, or -1 when the zip does not say or has no such
	 * part.
	 */
	long size(String name) {
		ZipEntry entry = this.entries.get(key(name));
		return (entry != null) ? entry.getSize() : -1;
	}

	/**
	 * Whether {@code <!DOCTYPE}, in any case, is in the bytes; read for every part
	 * opened.
	 */
	private static boolean declaresDoctype(byte[] head) {
		for (int i = 0; i + DOCTYPE.length <= head.length; i++) {
			if (head[i] == '<' && isDoctype(head, i, head.length)) {
				return true;
			}
		}
		return false;
	}

	/** Whether {@code <!DOCTYPE}, in any case, is at {@code at}, before {@code end}. */
	static boolean isDoctype(byte[] bytes, int at, int end) {
		if (end - at < DOCTYPE.length) {
			return false;
		}
		for (int k = 0; k < DOCTYPE.length; k++) {
			int c = bytes[at + k];
			if (c >= 'a' && c <= 'z') {
				c -= 'a' - 'A';
			}
			if (c != DOCTYPE[k]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The refusal of XML that declares a DOCTYPE: an office suite never writes one, and
	 * entity expansion ("billion laughs") needs one.
	 */
	static RejectedFileException unsafeXml() {
		return RejectionReason.UNSAFE_XML.rejection();
	}

	/**
	 * Resolves a relationship target against the part it comes from:
	 * {@code worksheets/sheet1.xml} from {@code xl/workbook.xml} is
	 * {@code xl/worksheets/sheet1.xml}.
	 */
	static String resolve(String source, String target) {
		String path = target.replace('\\', '/');
		if (!path.startsWith("/")) {
			int slash = source.lastIndexOf('/');
			path = ((slash >= 0) ? source.substring(0, slash + 1) : "") + path;
		}
		StringBuilder resolved = new StringBuilder();
		java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
		for (String part : path.split("/")) {
			if (part.isEmpty() || part.equals(".")) {
				continue;
			}
			if (part.equals("..")) {
				parts.pollLast();
			}
			else {
				parts.addLast(part);
			}
		}
		for (String part : parts) {
			resolved.append(resolved.isEmpty() ? "" : "/").append(part);
		}
		return resolved.toString();
	}

	/** Where the relationships of a part are: {@code xl/_rels/workbook.xml.rels}. */
	static String relationshipsOf(String part) {
		int slash = part.lastIndexOf('/');
		return ((slash >= 0) ? part.substring(0, slash + 1) : "") + "_rels/" + part.substring(slash + 1) + ".rels";
	}

	private static String key(String name) {
		String normalized = name.replace('\\', '/');
		if (normalized.startsWith("/")) {
			normalized = normalized.substring(1);
		}
		return normalized.toLowerCase(Locale.ROOT);
	}

	@Override
	public void close() throws IOException {
		this.zip.close();
	}

	private static final class Guarded extends FilterInputStream {

		private final long compressed;

		private final ReadLimits limits;

		private long inflated;

		Guarded(InputStream in, long compressed, ReadLimits limits) {
			super(in);
			this.compressed = compressed;
			this.limits = limits;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.inflated += n;
			if (this.inflated > this.limits.zipMaxEntrySize()) {
				throw bomb();
			}
			if (this.inflated > RATIO_GRACE_BYTES && this.compressed >= 0
					&& (double) this.compressed / this.inflated < this.limits.zipMinInflateRatio()) {
				throw bomb();
			}
		}

		private static RejectedFileException bomb() {
			return RejectionReason.ZIP_BOMB.rejection();
		}

	}

}
