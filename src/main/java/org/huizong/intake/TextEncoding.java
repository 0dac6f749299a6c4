package org.huizong.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Decides strictly how a text file is encoded: UTF-8 (with or without BOM), UTF-16 with a
 * BOM, or GBK/GB18030. A byte that fits none is an error naming its line, never a silent
 * U+FFFD. Reads the file once, in constant memory.
 */
public final class TextEncoding {

	static final Charset GB18030 = Charset.forName("GB18030");

	private final Charset charset;

	private final int bomLength;

	private TextEncoding(Charset charset, int bomLength) {
		this.charset = charset;
		this.bomLength = bomLength;
	}

	public Charset charset() {
		return this.charset;
	}

	int bomLength() {
		return this.bomLength;
	}

	/**
	 * A label for the run report: {@code UTF-8}, {@code UTF-8 BOM}, {@code GB18030},
	 * {@code UTF-16LE}.
	 */
	public String label() {
		if (this.charset == StandardCharsets.UTF_8 && this.bomLength > 0) {
			return "UTF-8 BOM";
		}
		return this.charset.name();
	}

	/** A strict decoder: a malformed byte throws rather than becoming U+FFFD. */
	public CharsetDecoder decoder() {
		return this.charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	public static TextEncoding detect(Path file) throws IOException {
		byte[] head = new byte[3];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, 3);
		}
		if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
			TextEncoding utf8 = new TextEncoding(StandardCharsets.UTF_8, 3);
			utf8.requireValid(file, "文件标明为 UTF-8（带 BOM），但");
			return utf8;
		}
		if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
			return new TextEncoding(StandardCharsets.UTF_16LE, 2);
		}
		if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
			return new TextEncoding(StandardCharsets.UTF_16BE, 2);
		}
		TextEncoding utf8 = new TextEncoding(StandardCharsets.UTF_8, 0);
		if (utf8.firstFault(file) == null) {
			return utf8;
		}
		TextEncoding gb = new TextEncoding(GB18030, 0);
		gb.requireValid(file, "");
		return gb;
	}

	private void requireValid(Path file, String prefix) throws IOException {
		Fault fault = firstFault(file);
		if (fault != null) {
			throw RejectionReason.NEITHER_UTF8_NOR_GBK.rejection(prefix, Long.toString(fault.line),
					HexFormat.of().withUpperCase().toHexDigits(fault.value));
		}
	}

	private record Fault(long line, byte value) {
	}

	private Fault firstFault(Path file) throws IOException {
		CharsetDecoder decoder = decoder();
		ByteBuffer in = ByteBuffer.allocate(64 * 1024);
		CharBuffer out = CharBuffer.allocate(64 * 1024);
		long line = 1;
		try (InputStream stream = new BufferedInputStream(Files.newInputStream(file))) {
			stream.skipNBytes(this.bomLength);
			boolean eof = false;
			while (true) {
				if (!eof) {
					int read = stream.read(in.array(), in.position(), in.remaining());
					if (read < 0) {
						eof = true;
					}
					else {
						in.position(in.position() + read);
					}
				}
				in.flip();
				int start = in.position();
				CoderResult result = decoder.decode(in, out, eof);
				line += newlines(in.array(), start, in.position());
				if (result.isError()) {
					return new Fault(line, in.get(in.position()));
				}
				out.clear();
				in.compact();
				if (eof && in.position() == 0) {
					CoderResult flush = decoder.flush(out);
					if (flush.isError()) {
						return new Fault(line, (byte) 0);
					}
					return null;
				}
				if (eof && result.isUnderflow() && in.position() > 0) {
					return new Fault(line, in.get(0));
				}
			}
		}
		catch (CharacterCodingException ex) {
			return new Fault(line, (byte) 0);
		}
	}

	private static long newlines(byte[] bytes, int from, int to) {
		long count = 0;
		for (int i = from; i < to; i++) {
			if (bytes[i] == '\n') {
				count++;
			}
		}
		return count;
	}

}
