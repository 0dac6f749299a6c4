package org.huizong.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

/**
 * Reads a worksheet part, UTF-8 XML 1.0 as every office suite writes it, straight from
 * its bytes into {@link SheetCells}. The worksheet is nearly all of a workbook's XML; a
 * general parser decodes every character of it and makes an event of every element, while
 * this looks only at the few elements cells are made of and makes strings only of their
 * text. It still refuses what the StAX parser refuses (tags that do not match, a missing
 * end, undeclared entities or namespace prefixes, characters XML does not allow,
 * malformed UTF-8, anything after the root element), so a damaged sheet is rejected as
 * corrupt either way, and a DOCTYPE before the root as unsafe. It is stricter only about
 * malformed UTF-8 and misplaced colons in names, which that parser lets through, and
 * about elements nested deeper than 10,000 or a tag longer than 8 MB. Its memory is one
 * buffer, grown only for a tag that does not fit.
 */
final class SheetXmlScanner {

	/** The longest start tag taken; a longer one is not a worksheet's. */
	private static final int MAX_MARKUP = 8 << 20;

	/** The deepest nesting taken; a worksheet's is six. */
	private static final int MAX_DEPTH = 10_000;

	private static final int HEAD = 256;

	private static final int BUFFER = 64 * 1024;

	private static final byte[] INLINE_STR = "inlineStr".getBytes(StandardCharsets.US_ASCII);

	/** White space and an equals sign between it, in the XML declaration. */
	private static final String S = "[ \t\r\n]";

	private static final String EQ = S + "*=" + S + "*";

	/** The XML declaration of XML 1.0 in UTF-8, and whatever follows it. */
	private static final Pattern UTF8_DECLARATION = Pattern.compile("<\\?xml" + S + "+version" + EQ
			+ "(\"1\\.0\"|'1\\.0')" + "(" + S + "+encoding" + EQ + "(\"(?i:utf-8)\"|'(?i:utf-8)'))?" + "(" + S
			+ "+standalone" + EQ + "(\"(yes|no)\"|'(yes|no)'))?" + S + "*\\?>[\\s\\S]*");

	private static final boolean[] NAME_START = new boolean[256];

	private static final boolean[] NAME_CHAR = new boolean[256];

	static {
		for (int b = 0; b < 256; b++) {
			boolean letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == ':' || b >= 0x80;
			NAME_START[b] = letter;
			NAME_CHAR[b] = letter || (b >= '0' && b <= '9') || b == '-' || b == '.';
		}
	}

	/* An attribute of the start tag being read: offsets into the buffer, and a flag. */
	private static final int NAME = 0;

	private static final int NAME_END = 1;

	/* Where the prefix ends, or -1. */
	private static final int COLON = 2;

	private static final int VALUE = 3;

	private static final int VALUE_END = 4;

	/* Whether the value holds a reference or a white-space character to normalise. */
	private static final int RAW = 5;

	private static final int FIELDS = 6;

	private final InputStream in;

	private final SheetCells cells;

	private byte[] buf;

	private int pos;

	private int limit;

	/** Bytes of the part that were before {@code buf[0]}; for the position in errors. */
	private long consumed;

	/* The open elements: their qualified names end to end, and where each ends. */
	private byte[] names = new byte[256];

	private int[] nameEnds = new int[16];

	private int depth;

	private boolean rootSeen;

	/*
	 * The namespace prefixes declared by open elements, and the depth that declared them.
	 */
	private byte[][] prefixes = new byte[8][];

	private int[] prefixDepths = new int[8];

	private int prefixCount;

	private int[] attributes = new int[FIELDS * 8];

	private int attributeCount;

	/* The text of a <v> or <t> being read, as UTF-8. */
	private byte[] text = new byte[256];

	private int textLength;

	/* How much of the text is known to be whole UTF-8 characters. */
	private int textChecked;

	/**
	 * @param size the part's size, if known, or -1: a small part gets a small buffer, the
	 * workbook's other sheets being mostly small
	 */
	SheetXmlScanner(InputStream in, SheetCells cells, long size) {
		this.in = in;
		this.cells = cells;
		this.buf = new byte[(size >= 0 && size < BUFFER) ? Math.max(HEAD, (int) size + 1) : BUFFER];
	}

	/**
	 * Whether the part, at the start of {@code in} (which must support mark), is UTF-8
	 * XML 1.0; anything else is left to a StAX parser.
	 */
	static boolean takes(InputStream in) throws IOException {
		in.mark(HEAD);
		byte[] head = in.readNBytes(HEAD);
		in.reset();
		int i = startsWith(head, 0, "\u00EF\u00BB\u00BF") ? 3 : 0;
		if (i >= head.length) {
			return true;
		}
		if (!isDeclaration(head, i, head.length)) {
			int first = head[i] & 0xFF;
			return first == '<' || first == ' ' || first == '\t' || first == '\n' || first == '\r';
		}
		return isUtf8Declaration(new String(head, i, head.length - i, StandardCharsets.ISO_8859_1));
	}

	/**
	 * Whether the XML declaration at the start of {@code head} is one of XML 1.0 in
	 * UTF-8, written as the specification has it; any other is left to StAX.
	 */
	private static boolean isUtf8Declaration(String head) {
		return UTF8_DECLARATION.matcher(head).matches();
	}

	/** Whether an XML declaration, {@code <?xml} and a blank, is at {@code at}. */
	private static boolean isDeclaration(byte[] bytes, int at, int end) {
		return end - at > 5 && startsWith(bytes, at, "<?xml") && isSpace(bytes[at + 5]);
	}

	/** Whether the buffer holds {@code prefix} at {@code pos}. */
	private boolean at(String prefix) {
		return this.limit - this.pos >= prefix.length() && startsWith(this.buf, this.pos, prefix);
	}

	private static boolean startsWith(byte[] bytes, int at, String prefix) {
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

	void scan() throws IOException, XMLStreamException {
		ensure(HEAD);
		if (at("\u00EF\u00BB\u00BF")) {
			this.pos = 3;
		}
		if (isDeclaration(this.buf, this.pos, this.limit)) {
			skipPast('?', '>');
		}
		while (skipText()) {
			ensure(2);
			byte next = (this.pos + 1 < this.limit) ? this.buf[this.pos + 1] : 0;
			if (next == '/') {
				endTag();
			}
			else if (next == '?') {
				processingInstruction();
			}
			else if (next == '!') {
				bang(false);
			}
			else {
				if (this.depth == 0) {
					if (this.rootSeen) {
						throw error("根元素之后又有元素");
					}
					this.rootSeen = true;
				}
				startTag();
			}
		}
		if (this.depth > 0 || !this.rootSeen) {
			throw error("文件在元素结束前中断");
		}
	}

	/**
	 * Passes over character data up to the next {@code <}, checking it. @return false at
	 * the end of the part
	 */
	private boolean skipText() throws IOException, XMLStreamException {
		int brackets = 0;
		while (true) {
			byte[] b = this.buf;
			int end = this.limit;
			int i = this.pos;
			while (i < end) {
				int c = b[i];
				if (c == '<') {
					this.pos = i;
					return true;
				}
				if (c < 0) {
					int length = sequence(b, i, end);
					if (length == 0) {
						break;
					}
					if (this.depth == 0) {
						throw error("根元素之外有文本");
					}
					brackets = 0;
					i += length;
					continue;
				}
				if (c == '&') {
					if (this.depth == 0) {
						throw error("根元素之外有文本");
					}
					this.pos = i;
					reference();
					b = this.buf;
					end = this.limit;
					i = this.pos;
					brackets = 0;
					continue;
				}
				if (c <= ' ') {
					if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
						throw error("XML 不允许的字符");
					}
				}
				else if (this.depth == 0) {
					throw error("根元素之外有文本");
				}
				brackets = brackets(c, brackets);
				i++;
			}
			this.pos = i;
			if (!fill()) {
				if (this.pos < this.limit) {
					throw error("文件在 UTF-8 字符中间中断");
				}
				return false;
			}
		}
	}

	/**
	 * The closing brackets just passed in character data, after {@code c}: text may not
	 * hold {@code ]]>}.
	 */
	private int brackets(int c, int before) throws XMLStreamException {
		if (c == ']') {
			return before + 1;
		}
		if (c == '>' && before >= 2) {
			throw error("文本中不能有 ]]>");
		}
		return 0;
	}

	private void startTag() throws IOException, XMLStreamException {
		int gt = tagEnd();
		byte[] b = this.buf;
		int nameStart = this.pos + 1;
		int nameEnd = name(b, nameStart, gt);
		int colon = colon(b, nameStart, nameEnd);
		this.attributeCount = 0;
		boolean empty = false;
		int i = nameEnd;
		while (true) {
			int spaced = i;
			while (isSpace(b[i])) {
				i++;
			}
			if (b[i] == '>') {
				break;
			}
			if (b[i] == '/') {
				if (i + 1 != gt) {
					throw error("标签中 / 之后应为 >");
				}
				empty = true;
				break;
			}
			if (i == spaced) {
				throw error("属性之间缺少空白");
			}
			i = attribute(b, i, gt);
		}
		checkDuplicates(b);
		push(b, nameStart, nameEnd);
		declareNamespaces(b);
		checkPrefix(b, nameStart, colon);
		for (int a = 0; a < this.attributeCount; a++) {
			int at = a * FIELDS;
			int name = this.attributes[at + NAME];
			int prefixEnd = this.attributes[at + COLON];
			if (prefixEnd >= 0 && !isNamed(b, name, prefixEnd, "xmlns")) {
				checkPrefix(b, name, prefixEnd);
			}
		}
		int local = (colon >= 0) ? colon + 1 : nameStart;
		int length = nameEnd - local;
		boolean wantsText = false;
		boolean value = length == 1 && b[local] == 'v';
		if (length == 1 && b[local] == 'c') {
			startCell(b);
		}
		else if (length == 3 && b[local] == 'r' && b[local + 1] == 'o' && b[local + 2] == 'w') {
			startRow(b);
		}
		else if (value) {
			wantsText = true;
		}
		else if (length == 2 && b[local] == 'i' && b[local + 1] == 's') {
			this.cells.startInline();
		}
		else if (length == 1 && b[local] == 't') {
			wantsText = this.cells.inInline();
		}
		this.pos = gt + 1;
		if (wantsText) {
			String content = empty ? "" : elementText();
			if (value) {
				this.cells.value(content);
			}
			else {
				this.cells.inlineText(content);
			}
			if (!empty) {
				return;
			}
		}
		if (empty) {
			endElement(local, length, b);
		}
	}

	private void startRow(byte[] b) throws IOException, XMLStreamException {
		int number = -1;
		for (int a = 0; a < this.attributeCount; a++) {
			int at = a * FIELDS;
			int name = this.attributes[at + NAME];
			if (this.attributes[at + COLON] < 0 && this.attributes[at + NAME_END] - name == 1 && b[name] == 'r') {
				if (this.attributes[at + RAW] != 0) {
					decodeValue(at);
					number = SheetCells.parseInt(this.text, 0, this.textLength);
				}
				else {
					number = SheetCells.parseInt(b, this.attributes[at + VALUE], this.attributes[at + VALUE_END]);
				}
			}
		}
		this.cells.startRow(number);
	}

	private void startCell(byte[] b) throws IOException, XMLStreamException {
		this.cells.startCell();
		for (int a = 0; a < this.attributeCount; a++) {
			int at = a * FIELDS;
			int name = (this.attributes[at + COLON] >= 0) ? this.attributes[at + COLON] + 1
					: this.attributes[at + NAME];
			if (this.attributes[at + NAME_END] - name != 1) {
				continue;
			}
			/* The value as it stands in the tag, or resolved first. */
			byte[] value = b;
			int from = this.attributes[at + VALUE];
			int to = this.attributes[at + VALUE_END];
			if (this.attributes[at + RAW] != 0) {
				decodeValue(at);
				value = this.text;
				from = 0;
				to = this.textLength;
			}
			switch (b[name]) {
				case 'r' -> this.cells.cellColumn(SheetCells.columnOf(value, from, to));
				case 't' -> this.cells.cellType(type(value, from, to));
				case 's' -> this.cells.cellStyle(SheetCells.parseInt(value, from, to));
				default -> {
				}
			}
		}
	}

	/** A cell's type as the constant it mostly is. */
	private String type(byte[] b, int from, int to) throws XMLStreamException {
		int length = to - from;
		if (length == 1) {
			switch (b[from]) {
				case 's':
					return "s";
				case 'n':
					return "n";
				case 'b':
					return "b";
				case 'e':
					return "e";
				default:
			}
		}
		else if (length == 3 && b[from] == 's' && b[from + 1] == 't' && b[from + 2] == 'r') {
			return "str";
		}
		else if (length == 9 && Arrays.equals(b, from, to, INLINE_STR, 0, 9)) {
			return "inlineStr";
		}
		return utf8(b, from, to);
	}

	/** Reads one attribute from {@code i}. @return where the tag goes on after it */
	private int attribute(byte[] b, int i, int gt) throws XMLStreamException {
		int name = i;
		int nameEnd = name(b, i, gt);
		int colon = colon(b, name, nameEnd);
		i = nameEnd;
		while (isSpace(b[i])) {
			i++;
		}
		if (b[i] != '=') {
			throw error("属性缺少 =");
		}
		i++;
		while (isSpace(b[i])) {
			i++;
		}
		byte quote = b[i];
		if (quote != '"' && quote != '\'') {
			throw error("属性值缺少引号");
		}
		int value = ++i;
		int raw = 0;
		while (true) {
			if (i >= gt) {
				throw error("属性值没有结束");
			}
			int c = b[i];
			if (c == quote) {
				break;
			}
			if (c == '<') {
				throw error("属性值中不能有 <");
			}
			if (c == '&') {
				raw = 1;
			}
			else if (c >= 0 && c < ' ') {
				if (c != '\n' && c != '\t' && c != '\r') {
					throw error("XML 不允许的字符");
				}
				raw = 1;
			}
			i++;
		}
		if (raw != 0) {
			checkReferences(b, value, i);
		}
		int at = this.attributeCount * FIELDS;
		if (at + FIELDS > this.attributes.length) {
			this.attributes = Arrays.copyOf(this.attributes, this.attributes.length * 2);
		}
		this.attributes[at + NAME] = name;
		this.attributes[at + NAME_END] = nameEnd;
		this.attributes[at + COLON] = colon;
		this.attributes[at + VALUE] = value;
		this.attributes[at + VALUE_END] = i;
		this.attributes[at + RAW] = raw;
		this.attributeCount++;
		return i + 1;
	}

	private void checkReferences(byte[] b, int from, int to) throws XMLStreamException {
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

	/**
	 * The value of attribute {@code at} with its references and white space resolved,
	 * into {@link #text}.
	 */
	private void decodeValue(int at) throws XMLStreamException {
		byte[] b = this.buf;
		int from = this.attributes[at + VALUE];
		int to = this.attributes[at + VALUE_END];
		this.textLength = 0;
		for (int i = from; i < to; i++) {
			byte c = b[i];
			if (c == '&') {
				int semicolon = i + 1;
				while (b[semicolon] != ';') {
					semicolon++;
				}
				appendCodePoint(codePoint(b, i + 1, semicolon));
				i = semicolon;
			}
			else if (c == '\r' && i + 1 < to && b[i + 1] == '\n') {
				continue;
			}
			else {
				append((c == '\n' || c == '\t' || c == '\r') ? (byte) ' ' : c);
			}
		}
	}

	private void checkDuplicates(byte[] b) throws XMLStreamException {
		for (int a = 1; a < this.attributeCount; a++) {
			int one = a * FIELDS;
			int name = this.attributes[one + NAME];
			for (int other = 0; other < one; other += FIELDS) {
				/* Mostly told apart by their first letter, without a call. */
				if (b[name] == b[this.attributes[other + NAME]]
						&& Arrays.equals(b, name, this.attributes[one + NAME_END], b, this.attributes[other + NAME],
								this.attributes[other + NAME_END])) {
					throw error("属性重复");
				}
			}
		}
	}

	/** Records the {@code xmlns:p} attributes of the element just pushed. */
	private void declareNamespaces(byte[] b) throws XMLStreamException {
		for (int a = 0; a < this.attributeCount; a++) {
			int at = a * FIELDS;
			int name = this.attributes[at + NAME];
			int colon = this.attributes[at + COLON];
			if (colon >= 0 && isNamed(b, name, colon, "xmlns")) {
				if (this.attributes[at + VALUE] == this.attributes[at + VALUE_END]) {
					throw error("命名空间前缀不能绑定到空值");
				}
				int end = this.attributes[at + NAME_END];
				if (this.prefixCount == this.prefixes.length) {
					this.prefixes = Arrays.copyOf(this.prefixes, this.prefixCount * 2);
					this.prefixDepths = Arrays.copyOf(this.prefixDepths, this.prefixCount * 2);
				}
				this.prefixes[this.prefixCount] = Arrays.copyOfRange(b, colon + 1, end);
				this.prefixDepths[this.prefixCount++] = this.depth;
			}
		}
	}

	/**
	 * Refuses a prefix, the bytes from {@code from} to the colon, no element declared.
	 */
	private void checkPrefix(byte[] b, int from, int colon) throws XMLStreamException {
		if (colon < 0 || isNamed(b, from, colon, "xml")) {
			return;
		}
		for (int p = this.prefixCount - 1; p >= 0; p--) {
			byte[] prefix = this.prefixes[p];
			if (prefix.length == colon - from && Arrays.equals(prefix, 0, prefix.length, b, from, colon)) {
				return;
			}
		}
		throw error("命名空间前缀未声明");
	}

	private static boolean isNamed(byte[] b, int from, int to, String name) {
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

	private void push(byte[] b, int from, int to) throws XMLStreamException {
		if (this.depth == MAX_DEPTH) {
			throw error("元素嵌套过深");
		}
		int start = (this.depth > 0) ? this.nameEnds[this.depth - 1] : 0;
		int end = start + to - from;
		if (end > this.names.length) {
			this.names = Arrays.copyOf(this.names, Math.max(end, this.names.length * 2));
		}
		if (this.depth == this.nameEnds.length) {
			this.nameEnds = Arrays.copyOf(this.nameEnds, this.depth * 2);
		}
		System.arraycopy(b, from, this.names, start, to - from);
		this.nameEnds[this.depth++] = end;
	}

	private void endTag() throws IOException, XMLStreamException {
		int gt = tagEnd();
		byte[] b = this.buf;
		int nameStart = this.pos + 2;
		int nameEnd = name(b, nameStart, gt);
		int i = nameEnd;
		while (isSpace(b[i])) {
			i++;
		}
		if (i != gt) {
			throw error("结束标签格式不对");
		}
		if (this.depth == 0) {
			throw error("多余的结束标签");
		}
		int start = (this.depth > 1) ? this.nameEnds[this.depth - 2] : 0;
		int end = this.nameEnds[this.depth - 1];
		if (!Arrays.equals(this.names, start, end, b, nameStart, nameEnd)) {
			throw error("结束标签与开始标签不一致");
		}
		this.pos = gt + 1;
		int colon = colon(b, nameStart, nameEnd);
		int local = (colon >= 0) ? colon + 1 : nameStart;
		endElement(local, nameEnd - local, b);
	}

	private void endElement(int local, int length, byte[] b) {
		this.depth--;
		while (this.prefixCount > 0 && this.prefixDepths[this.prefixCount - 1] > this.depth) {
			this.prefixCount--;
		}
		if (length == 1 && b[local] == 'c') {
			this.cells.endCell();
		}
		else if (length == 3 && b[local] == 'r' && b[local + 1] == 'o' && b[local + 2] == 'w') {
			this.cells.endRow();
		}
	}

	/**
	 * The text of the element just started, up to its end tag, which is read too: what
	 * StAX's {@code getElementText} gives.
	 */
	private String elementText() throws IOException, XMLStreamException {
		byte[] b = this.buf;
		int i = this.pos;
		int end = this.limit;
		int seen = 0;
		while (i < end) {
			int c = b[i];
			if (c == '<' || c == '&' || c == ']' || (c >= 0 && c < ' ')) {
				break;
			}
			seen |= c;
			i++;
		}
		if (i + 1 < end && b[i] == '<' && b[i + 1] == '/') {
			/* Plain text in the buffer, as nearly every value is. */
			String content = (seen >= 0) ? new String(b, this.pos, i - this.pos, StandardCharsets.ISO_8859_1)
					: utf8(b, this.pos, i);
			this.pos = i;
			endTag();
			return content;
		}
		this.textLength = 0;
		this.textChecked = 0;
		int brackets = 0;
		while (true) {
			if (this.pos >= this.limit && !fill()) {
				throw error("文件在元素结束前中断");
			}
			byte c = this.buf[this.pos];
			if (c == '<') {
				ensure(9);
				byte next = (this.pos + 1 < this.limit) ? this.buf[this.pos + 1] : 0;
				/* A character may not run across markup. */
				checkText();
				if (next == '/') {
					String content = textString();
					endTag();
					return content;
				}
				if (next == '?') {
					processingInstruction();
				}
				else if (next == '!') {
					bang(true);
				}
				else {
					throw error("只应有文本的元素中出现了元素");
				}
				brackets = 0;
			}
			else if (c == '&') {
				checkText();
				appendCodePoint(reference());
				brackets = 0;
			}
			else if (c == '\r') {
				append((byte) '\n');
				this.pos++;
				if ((this.pos < this.limit || fill()) && this.buf[this.pos] == '\n') {
					this.pos++;
				}
				brackets = 0;
			}
			else {
				brackets = brackets(c, brackets);
				if (c >= 0 && c < ' ' && c != '\n' && c != '\t') {
					throw error("XML 不允许的字符");
				}
				append(c);
				this.pos++;
			}
		}
	}

	/** {@code <!--}, {@code <![CDATA[} or {@code <!DOCTYPE}; the text of a CDATA kept. */
	private void bang(boolean keep) throws IOException, XMLStreamException {
		ensure(9);
		if (at("<!--")) {
			this.pos += 4;
			while (true) {
				int c = next();
				if (c == '-' && peek() == '-') {
					this.pos++;
					if (next() != '>') {
						throw error("注释中不能有 --");
					}
					return;
				}
				checkChar(c);
			}
		}
		if (at("<![CDATA[")) {
			if (this.depth == 0) {
				throw error("根元素之外有 CDATA");
			}
			this.pos += 9;
			int brackets = 0;
			while (true) {
				int c = next();
				if (c == '>' && brackets >= 2) {
					if (keep) {
						this.textLength -= 2;
					}
					return;
				}
				brackets = (c == ']') ? brackets + 1 : 0;
				int length = checkChar(c);
				if (keep) {
					if (c == '\r') {
						append((byte) '\n');
						if (peek() == '\n') {
							this.pos++;
						}
					}
					else {
						for (int i = this.pos - length; i < this.pos; i++) {
							append(this.buf[i]);
						}
					}
				}
			}
		}
		if (XlsxPackage.isDoctype(this.buf, this.pos, this.limit) && !this.rootSeen) {
			throw XlsxPackage.unsafeXml();
		}
		throw error("无法识别的 <! 标记");
	}

	/**
	 * {@code <?target …?>}, which is passed over; {@code xml} is taken only at the start.
	 */
	private void processingInstruction() throws IOException, XMLStreamException {
		ensure(256);
		int nameStart = this.pos + 2;
		int i = nameStart;
		while (i < this.limit && NAME_CHAR[this.buf[i] & 0xFF]) {
			i++;
		}
		if (i == nameStart || !NAME_START[this.buf[nameStart] & 0xFF]) {
			throw error("处理指令缺少名称");
		}
		checkUtf8(this.buf, nameStart, i);
		if (i - nameStart == 3
				&& new String(this.buf, nameStart, 3, StandardCharsets.ISO_8859_1).equalsIgnoreCase("xml")) {
			throw error("XML 声明只能在文件开头");
		}
		if (i + 1 >= this.limit || !(isSpace(this.buf[i]) || (this.buf[i] == '?' && this.buf[i + 1] == '>'))) {
			throw error("处理指令名称之后应为空白");
		}
		this.pos = i;
		skipPast('?', '>');
	}

	/** Moves past the next {@code first second} pair, checking the characters passed. */
	private void skipPast(char first, char second) throws IOException, XMLStreamException {
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
	private int reference() throws IOException, XMLStreamException {
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
	private int codePoint(byte[] b, int from, int to) throws XMLStreamException {
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

	private static boolean isXmlChar(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

	/**
	 * Checks the character whose first byte {@code c} was just read by {@link #next},
	 * moving past the rest of it. @return its length in bytes
	 */
	private int checkChar(int c) throws IOException, XMLStreamException {
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
	private int tagEnd() throws IOException, XMLStreamException {
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
	private int name(byte[] b, int from, int gt) throws XMLStreamException {
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
	private int colon(byte[] b, int from, int to) throws XMLStreamException {
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

	private static boolean isSpace(byte c) {
		return c == ' ' || c == '\n' || c == '\t' || c == '\r';
	}

	/** The byte at {@code pos}, moving past it; -1 at the end of the part is an error. */
	private int next() throws IOException, XMLStreamException {
		if (this.pos >= this.limit && !fill()) {
			throw error("文件在标记结束前中断");
		}
		return this.buf[this.pos++] & 0xFF;
	}

	private int peek() throws IOException, XMLStreamException {
		return (this.pos < this.limit || fill()) ? this.buf[this.pos] & 0xFF : -1;
	}

	/** Makes {@code n} bytes from {@code pos} be in the buffer, if the part has them. */
	private void ensure(int n) throws IOException, XMLStreamException {
		while (this.limit - this.pos < n && fill()) {
			/* read on */
		}
	}

	/**
	 * Reads more of the part, keeping the bytes from {@code pos} on at the start of the
	 * buffer. @return false at the end of the part
	 */
	private boolean fill() throws IOException, XMLStreamException {
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

	private void append(byte c) {
		if (this.textLength == this.text.length) {
			this.text = Arrays.copyOf(this.text, this.text.length * 2);
		}
		this.text[this.textLength++] = c;
	}

	private void appendCodePoint(int c) {
		if (c < 0x80) {
			append((byte) c);
		}
		else {
			for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
				append(b);
			}
		}
	}

	private String textString() throws XMLStreamException {
		checkText();
		return new String(this.text, 0, this.textLength, StandardCharsets.UTF_8);
	}

	/** Checks the UTF-8 of the text added since the last check. */
	private void checkText() throws XMLStreamException {
		checkUtf8(this.text, this.textChecked, this.textLength);
		this.textChecked = this.textLength;
	}

	/** The UTF-8 text from {@code from} to {@code to}, refusing malformed bytes. */
	private String utf8(byte[] b, int from, int to) throws XMLStreamException {
		checkUtf8(b, from, to);
		return new String(b, from, to - from, StandardCharsets.UTF_8);
	}

	private void checkUtf8(byte[] b, int from, int to) throws XMLStreamException {
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
	private int sequence(byte[] b, int i, int end) throws XMLStreamException {
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

	private XMLStreamException error(String problem) {
		return new XMLStreamException("工作表 XML 第 " + (this.consumed + this.pos) + " 字节：" + problem);
	}

}
