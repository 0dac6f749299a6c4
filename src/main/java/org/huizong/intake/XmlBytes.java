package org.huizong.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.xml.stream.XMLStreamException;

/**
 * The bytes of a UTF-8 XML 1.0 part, read through one buffer: characters checked as XML
 * allows them, UTF-8 checked, names, references, tags found whole in the buffer, text
 * gathered, and errors placed by their byte offset. What the bytes mean as a worksheet is
 * {@link SheetXmlScanner}'s.
 */
final class XmlBytes {

	/** The longest start tag taken; a longer one is not a worksheet's. */
	static final int MAX_MARKUP = 8 << 20;

	static final int HEAD = 256;

	static final int BUFFER = 64 * 1024;

	static final boolean[] NAME_START = new boolean[256];

	static final boolean[] NAME_CHAR = new boolean[256];

	static {
		for (int b = 0; b < 256; b++) {
			boolean letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == ':' || b >= 0x80;
			NAME_START[b] = letter;
			NAME_CHAR[b] = letter || (b >= '0' && b <= '9') || b == '-' || b == '.';
		}
	}

	final InputStream in;

	byte[] buf;

	int pos;

	int limit;

	/** Bytes of the part that were before {@code buf[0]}; for the position in errors. */
	long consumed;

	/* The text of a <v> or <t> being read, as UTF-8. */
	byte[] text = new byte[256];

	int textLength;

	/* How much of the text is known to be whole UTF-8 characters. */
	int textChecked;

	/** Whether an XML declaration, {@code <?xml} and a blank, is at {@code at}. */
	static boolean isDeclaration(byte[] bytes, int at, int end) {
		return end - at > 5 && startsWith(bytes, at, "<?xml") && isSpace(bytes[at + 5]);
	}

	/** Whether the buffer holds {@code prefix} at {@code pos}. */
	boolean at(String prefix) {
		return this.limit - this.pos >= prefix.length() && startsWith(this.buf, this.pos, prefix);
	}

	static boolean startsWith(byte[] bytes, int at, String prefix) {
		if (bytes.length - at < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if ((bytes[at + i] & 0xFF) != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The closing brackets just passed in character data, after {@code c}: text may not
	 * hold {@code ]]>}.
	 */
	int brackets(int c, int before) throws XMLStreamException {
		if (c == ']') {
			return before + 1;
		}
		if (c == '>' && before >= 2) {
			throw error("文本中不能有 ]]>");
		}
		return 0;
	}

	void checkReferences(byte[] b, int from, int to) throws XMLStreamException {
		for (int i = from; i < to; i++) {
			if (b[i] == '&') {
				int semicolon = i + 1;
				while (semicolon < to && b[semicolon] != ';') {
					semicolon++;
				}
				if (semicolon >= to) {
					throw error("实体引用缺少 ;");
				}
				codePoint(b, i + 1, semicolon);
				i = semicolon;
			}
		}
	}

	/** Moves past the next {@code first second} pair, checking the characters passed. */
	void skipPast(char first, char second) throws IOException, XMLStreamException {
		while (true) {
			int c = next();
			if (c == first && peek() == second) {
				this.pos++;
				return;
			}
			checkChar(c);
		}
	}

	/**
	 * A reference at {@code pos}: {@code &amp;}, {@code &#10;} and the like. @return its
	 * code point
	 */
	int reference() throws IOException, XMLStreamException {
		ensure(16);
		int semicolon = this.pos + 1;
		while (semicolon < this.limit && semicolon < this.pos + 16 && this.buf[semicolon] != ';') {
			semicolon++;
		}
		if (semicolon >= this.limit || this.buf[semicolon] != ';') {
			throw error("实体引用缺少 ;");
		}
		int codePoint = codePoint(this.buf, this.pos + 1, semicolon);
		this.pos = semicolon + 1;
		return codePoint;
	}

	/** The code point of the reference between {@code &} and {@code ;}. */
	int codePoint(byte[] b, int from, int to) throws XMLStreamException {
		int length = to - from;
		if (length > 1 && b[from] == '#') {
			boolean hex = b[from + 1] == 'x';
			int i = from + (hex ? 2 : 1);
			if (i == to) {
				throw error("字符引用为空");
			}
			long value = 0;
			for (; i < to; i++) {
				int digit = Character.digit(b[i], hex ? 16 : 10);
				if (digit < 0 || b[i] < 0) {
					throw error("字符引用格式不对");
				}
				value = value * (hex ? 16 : 10) + digit;
				if (value > 0x10FFFF) {
					throw error("字符引用超出范围");
				}
			}
			int codePoint = (int) value;
			if (!isXmlChar(codePoint)) {
				throw error("字符引用指向 XML 不允许的字符");
			}
			return codePoint;
		}
		if (isNamed(b, from, to, "lt")) {
			return '<';
		}
		if (isNamed(b, from, to, "gt")) {
			return '>';
		}
		if (isNamed(b, from, to, "amp")) {
			return '&';
		}
		if (isNamed(b, from, to, "quot")) {
			return '"';
		}
		if (isNamed(b, from, to, "apos")) {
			return '\'';
		}
		throw error("未声明的实体");
	}

	static boolean isXmlChar(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

	/**
	 * Checks the character whose first byte {@code c} was just read by {@link #next},
	 * moving past the rest of it. @return its length in bytes
	 */
	int checkChar(int c) throws IOException, XMLStreamException {
		if (c < ' ' && c != '\n' && c != '\t' && c != '\r') {
			throw error("XML 不允许的字符");
		}
		if (c < 0x80) {
			return 1;
		}
		this.pos--;
		ensure(4);
		int length = sequence(this.buf, this.pos, this.limit);
		if (length == 0) {
			throw error("文件在 UTF-8 字符中间中断");
		}
		this.pos += length;
		return length;
	}

	/**
	 * Makes the whole tag starting at {@code pos} be in the buffer. @return where its
	 * {@code >} is
	 */
	int tagEnd() throws IOException, XMLStreamException {
		int i = this.pos + 1;
		byte quote = 0;
		while (true) {
			byte[] b = this.buf;
			int end = this.limit;
			while (i < end) {
				byte c = b[i];
				if (quote != 0) {
					if (c == quote) {
						quote = 0;
					}
				}
				else if (c == '>') {
					return i;
				}
				else if (c == '"' || c == '\'') {
					quote = c;
				}
				if (c < 0) {
					int length = sequence(b, i, end);
					if (length == 0) {
						break;
					}
					i += length;
					continue;
				}
				i++;
			}
			int offset = i - this.pos;
			if (!fill()) {
				throw error("文件在标签结束前中断");
			}
			i = this.pos + offset;
		}
	}

	/** The end of the name that starts at {@code from}, which must be one. */
	int name(byte[] b, int from, int gt) throws XMLStreamException {
		if (from >= gt || !NAME_START[b[from] & 0xFF]) {
			throw error("缺少元素或属性名称");
		}
		int i = from + 1;
		while (NAME_CHAR[b[i] & 0xFF]) {
			i++;
		}
		return i;
	}

	/** Where the prefix of a qualified name ends, or -1 without one. */
	int colon(byte[] b, int from, int to) throws XMLStreamException {
		int colon = -1;
		for (int i = from; i < to; i++) {
			if (b[i] == ':') {
				if (colon >= 0 || i == from || i == to - 1) {
					throw error("名称中冒号的位置不对");
				}
				colon = i;
			}
		}
		return colon;
	}

	static boolean isSpace(byte c) {
		return c == ' ' || c == '\n' || c == '\t' || c == '\r';
	}

	/** The byte at {@code pos}, moving past it; -1 at the end of the part is an error. */
	int next() throws IOException, XMLStreamException {
		if (this.pos >= this.limit && !fill()) {
			throw error("文件在标记结束前中断");
		}
		return this.buf[this.pos++] & 0xFF;
	}

	int peek() throws IOException, XMLStreamException {
		return (this.pos < this.limit || fill()) ? this.buf[this.pos] & 0xFF : -1;
	}

	/** Makes {@code n} bytes from {@code pos} be in the buffer, if the part has them. */
	void ensure(int n) throws IOException, XMLStreamException {
		while (this.limit - this.pos < n && fill()) {
			/* read on */
		}
	}

	/**
	 * Reads more of the part, keeping the bytes from {@code pos} on at the start of the
	 * buffer. @return false at the end of the part
	 */
	boolean fill() throws IOException, XMLStreamException {
		if (this.pos > 0) {
			System.arraycopy(this.buf, this.pos, this.buf, 0, this.limit - this.pos);
			this.limit -= this.pos;
			this.consumed += this.pos;
			this.pos = 0;
		}
		if (this.limit == this.buf.length) {
			if (this.buf.length >= MAX_MARKUP) {
				throw error("标签过长");
			}
			this.buf = Arrays.copyOf(this.buf, this.buf.length * 2);
		}
		int n = this.in.read(this.buf, this.limit, this.buf.length - this.limit);
		if (n <= 0) {
			return false;
		}
		this.limit += n;
		return true;
	}

	void append(byte c) {
		if (this.textLength == this.text.length) {
			this.text = Arrays.copyOf(this.text, this.text.length * 2);
		}
		this.text[this.textLength++] = c;
	}

	void appendCodePoint(int c) {
		if (c < 0x80) {
			append((byte) c);
		}
		else {
			for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
				append(b);
			}
		}
	}

	String textString() throws XMLStreamException {
		checkText();
		return new String(this.text, 0, this.textLength, StandardCharsets.UTF_8);
	}

	/** Checks the UTF-8 of the text added since the last check. */
	void checkText() throws XMLStreamException {
		checkUtf8(this.text, this.textChecked, this.textLength);
		this.textChecked = this.textLength;
	}

	/** The UTF-8 text from {@code from} to {@code to}, refusing malformed bytes. */
	String utf8(byte[] b, int from, int to) throws XMLStreamException {
		checkUtf8(b, from, to);
		return new String(b, from, to - from, StandardCharsets.UTF_8);
	}

	void checkUtf8(byte[] b, int from, int to) throws XMLStreamException {
		for (int i = from; i < to;) {
			if (b[i] >= 0) {
				i++;
			}
			else {
				int length = sequence(b, i, to);
				if (length == 0) {
					throw error("UTF-8 编码不正确");
				}
				i += length;
			}
		}
	}

	/**
	 * The length of the UTF-8 sequence whose lead byte, above 0x7F, is at {@code i}: 2 to
	 * 4, or 0 when {@code end} comes first. Malformed UTF-8 is refused, and so are U+FFFE
	 * and U+FFFF, which XML does not allow.
	 */
	int sequence(byte[] b, int i, int end) throws XMLStreamException {
		int lead = b[i] & 0xFF;
		int length;
		int min = 0x80;
		int max = 0xBF;
		if (lead >= 0xC2 && lead <= 0xDF) {
			length = 2;
		}
		else if (lead >= 0xE0 && lead <= 0xEF) {
			length = 3;
			min = (lead == 0xE0) ? 0xA0 : min;
			max = (lead == 0xED) ? 0x9F : max;
		}
		else if (lead >= 0xF0 && lead <= 0xF4) {
			length = 4;
			min = (lead == 0xF0) ? 0x90 : min;
			max = (lead == 0xF4) ? 0x8F : max;
		}
		else {
			throw error("UTF-8 编码不正确");
		}
		if (i + length > end) {
			return 0;
		}
		int second = b[i + 1] & 0xFF;
		if (second < min || second > max) {
			throw error("UTF-8 编码不正确");
		}
		for (int k = 2; k < length; k++) {
			if ((b[i + k] & 0xC0) != 0x80) {
				throw error("UTF-8 编码不正确");
			}
		}
		if (lead == 0xEF && second == 0xBF && (b[i + 2] & 0xFF) >= 0xBE) {
			throw error("XML 不允许的字符");
		}
		return length;
	}

	XMLStreamException error(String problem) {
		return new XMLStreamException("工作表 XML 第 " + (this.consumed + this.pos) + " 字节：" + problem);
	}

	static boolean isNamed(byte[] b, int from, int to, String name) {
		if (to - from != name.length()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			if (b[from + i] != name.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@code <?target …?>}, which is passed over; {@code xml} is taken only at the start.
	 */
	void processingInstruction() throws IOException, XMLStreamException {
		this.ensure(256);
		int nameStart = this.pos + 2;
		int i = nameStart;
		while (i < this.limit && NAME_CHAR[this.buf[i] & 0xFF]) {
			i++;
		}
		if (i == nameStart || !NAME_START[this.buf[nameStart] & 0xFF]) {
			throw this.error("处理指令缺少名称");
		}
		this.checkUtf8(this.buf, nameStart, i);
		if (i - nameStart == 3
				&& new String(this.buf, nameStart, 3, StandardCharsets.ISO_8859_1).equalsIgnoreCase("xml")) {
			throw this.error("XML 声明只能在文件开头");
		}
		if (i + 1 >= this.limit || !(isSpace(this.buf[i]) || (this.buf[i] == '?' && this.buf[i + 1] == '>'))) {
			throw this.error("处理指令名称之后应为空白");
		}
		this.pos = i;
		this.skipPast('?', '>');
	}

	XmlBytes(InputStream in, long size) {
		this.in = in;
		this.buf = new byte[(size >= 0 && size < BUFFER) ? Math.max(HEAD, (int) size + 1) : BUFFER];
	}

}
