package org.huizong.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
 * <p>
 * This class maps the markup to cells; the bytes are {@link XmlBytes}' (characters,
 * UTF-8, references, names, text), a start tag's attributes {@link XmlAttributes}', the
 * declared prefixes {@link XmlNamespaces}', and which parts it takes
 * {@link XmlDeclaration}'s. {@code SheetXmlDifferentialTests} holds it to Aalto on
 * 100,000 random worksheets.
 */
final class SheetXmlScanner {

	/** The deepest nesting taken; a worksheet's is six. */
	private static final int MAX_DEPTH = 10_000;

	private final XmlBytes xml;

	private final SheetCells cells;

	private final XmlAttributes tag;

	/* The open elements: their qualified names end to end, and where each ends. */
	private byte[] names = new byte[256];

	private int[] nameEnds = new int[16];

	private int depth;

	private boolean rootSeen;

	private final XmlNamespaces namespaces;

	/**
	 * @param size the part's size, if known, or -1: a small part gets a small buffer, the
	 * workbook's other sheets being mostly small
	 */
	SheetXmlScanner(InputStream in, SheetCells cells, long size) {
		this.xml = new XmlBytes(in, size);
		this.tag = new XmlAttributes(this.xml);
		this.namespaces = new XmlNamespaces(this.xml, this.tag);
		this.cells = cells;
	}

	void scan() throws IOException, XMLStreamException {
		this.xml.ensure(XmlBytes.HEAD);
		if (this.xml.at("\u00EF\u00BB\u00BF")) {
			this.xml.pos = 3;
		}
		if (XmlBytes.isDeclaration(this.xml.buf, this.xml.pos, this.xml.limit)) {
			this.xml.skipPast('?', '>');
		}
		while (skipText()) {
			this.xml.ensure(2);
			byte next = (this.xml.pos + 1 < this.xml.limit) ? this.xml.buf[this.xml.pos + 1] : 0;
			if (next == '/') {
				endTag();
			}
			else if (next == '?') {
				this.xml.processingInstruction();
			}
			else if (next == '!') {
				bang(false);
			}
			else {
				if (this.depth == 0) {
					if (this.rootSeen) {
						throw this.xml.error("根元素之后又有元素");
					}
					this.rootSeen = true;
				}
				startTag();
			}
		}
		if (this.depth > 0 || !this.rootSeen) {
			throw this.xml.error("文件在元素结束前中断");
		}
	}

	/**
	 * Passes over character data up to the next {@code <}, checking it. @return false at
	 * the end of the part
	 */
	private boolean skipText() throws IOException, XMLStreamException {
		int brackets = 0;
		while (true) {
			byte[] b = this.xml.buf;
			int end = this.xml.limit;
			int i = this.xml.pos;
			while (i < end) {
				int c = b[i];
				if (c == '<') {
					this.xml.pos = i;
					return true;
				}
				if (c < 0) {
					int length = this.xml.sequence(b, i, end);
					if (length == 0) {
						break;
					}
					if (this.depth == 0) {
						throw this.xml.error("根元素之外有文本");
					}
					brackets = 0;
					i += length;
					continue;
				}
				if (c == '&') {
					if (this.depth == 0) {
						throw this.xml.error("根元素之外有文本");
					}
					this.xml.pos = i;
					this.xml.reference();
					b = this.xml.buf;
					end = this.xml.limit;
					i = this.xml.pos;
					brackets = 0;
					continue;
				}
				if (c <= ' ') {
					if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
						throw this.xml.error("XML 不允许的字符");
					}
				}
				else if (this.depth == 0) {
					throw this.xml.error("根元素之外有文本");
				}
				brackets = this.xml.brackets(c, brackets);
				i++;
			}
			this.xml.pos = i;
			if (!this.xml.fill()) {
				if (this.xml.pos < this.xml.limit) {
					throw this.xml.error("文件在 UTF-8 字符中间中断");
				}
				return false;
			}
		}
	}

	private void startTag() throws IOException, XMLStreamException {
		int gt = this.xml.tagEnd();
		byte[] b = this.xml.buf;
		int nameStart = this.xml.pos + 1;
		int nameEnd = this.xml.name(b, nameStart, gt);
		int colon = this.xml.colon(b, nameStart, nameEnd);
		this.tag.count = 0;
		boolean empty = false;
		int i = nameEnd;
		while (true) {
			int spaced = i;
			while (XmlBytes.isSpace(b[i])) {
				i++;
			}
			if (b[i] == '>') {
				break;
			}
			if (b[i] == '/') {
				if (i + 1 != gt) {
					throw this.xml.error("标签中 / 之后应为 >");
				}
				empty = true;
				break;
			}
			if (i == spaced) {
				throw this.xml.error("属性之间缺少空白");
			}
			i = this.tag.read(b, i, gt);
		}
		this.tag.checkDuplicates(b);
		push(b, nameStart, nameEnd);
		this.namespaces.declare(b, this.depth);
		this.namespaces.check(b, nameStart, colon);
		for (int a = 0; a < this.tag.count; a++) {
			int at = a * XmlAttributes.FIELDS;
			int name = this.tag.fields[at + XmlAttributes.NAME];
			int prefixEnd = this.tag.fields[at + XmlAttributes.COLON];
			if (prefixEnd >= 0 && !XmlBytes.isNamed(b, name, prefixEnd, "xmlns")) {
				this.namespaces.check(b, name, prefixEnd);
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
		this.xml.pos = gt + 1;
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
		for (int a = 0; a < this.tag.count; a++) {
			int at = a * XmlAttributes.FIELDS;
			int name = this.tag.fields[at + XmlAttributes.NAME];
			if (this.tag.fields[at + XmlAttributes.COLON] < 0
					&& this.tag.fields[at + XmlAttributes.NAME_END] - name == 1 && b[name] == 'r') {
				if (this.tag.fields[at + XmlAttributes.RAW] != 0) {
					this.tag.decode(at);
					number = SheetCells.parseInt(this.xml.text, 0, this.xml.textLength);
				}
				else {
					number = SheetCells.parseInt(b, this.tag.fields[at + XmlAttributes.VALUE],
							this.tag.fields[at + XmlAttributes.VALUE_END]);
				}
			}
		}
		this.cells.startRow(number);
	}

	private void startCell(byte[] b) throws IOException, XMLStreamException {
		this.cells.startCell();
		for (int a = 0; a < this.tag.count; a++) {
			int at = a * XmlAttributes.FIELDS;
			int name = (this.tag.fields[at + XmlAttributes.COLON] >= 0) ? this.tag.fields[at + XmlAttributes.COLON] + 1
					: this.tag.fields[at + XmlAttributes.NAME];
			if (this.tag.fields[at + XmlAttributes.NAME_END] - name != 1) {
				continue;
			}
			/* The value as it stands in the tag, or resolved first. */
			byte[] value = b;
			int from = this.tag.fields[at + XmlAttributes.VALUE];
			int to = this.tag.fields[at + XmlAttributes.VALUE_END];
			if (this.tag.fields[at + XmlAttributes.RAW] != 0) {
				this.tag.decode(at);
				value = this.xml.text;
				from = 0;
				to = this.xml.textLength;
			}
			switch (b[name]) {
				case 'r' -> this.cells.cellColumn(SheetCells.columnOf(value, from, to));
				case 't' -> this.cells.cellType(SheetCells.type(this.xml, value, from, to));
				case 's' -> this.cells.cellStyle(SheetCells.parseInt(value, from, to));
				default -> {
				}
			}
		}
	}

	private void push(byte[] b, int from, int to) throws XMLStreamException {
		if (this.depth == MAX_DEPTH) {
			throw this.xml.error("元素嵌套过深");
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
		int gt = this.xml.tagEnd();
		byte[] b = this.xml.buf;
		int nameStart = this.xml.pos + 2;
		int nameEnd = this.xml.name(b, nameStart, gt);
		int i = nameEnd;
		while (XmlBytes.isSpace(b[i])) {
			i++;
		}
		if (i != gt) {
			throw this.xml.error("结束标签格式不对");
		}
		if (this.depth == 0) {
			throw this.xml.error("多余的结束标签");
		}
		int start = (this.depth > 1) ? this.nameEnds[this.depth - 2] : 0;
		int end = this.nameEnds[this.depth - 1];
		if (!Arrays.equals(this.names, start, end, b, nameStart, nameEnd)) {
			throw this.xml.error("结束标签与开始标签不一致");
		}
		this.xml.pos = gt + 1;
		int colon = this.xml.colon(b, nameStart, nameEnd);
		int local = (colon >= 0) ? colon + 1 : nameStart;
		endElement(local, nameEnd - local, b);
	}

	private void endElement(int local, int length, byte[] b) {
		this.depth--;
		this.namespaces.close(this.depth);
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
		byte[] b = this.xml.buf;
		int i = this.xml.pos;
		int end = this.xml.limit;
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
			String content = (seen >= 0) ? new String(b, this.xml.pos, i - this.xml.pos, StandardCharsets.ISO_8859_1)
					: this.xml.utf8(b, this.xml.pos, i);
			this.xml.pos = i;
			endTag();
			return content;
		}
		this.xml.textLength = 0;
		this.xml.textChecked = 0;
		int brackets = 0;
		while (true) {
			if (this.xml.pos >= this.xml.limit && !this.xml.fill()) {
				throw this.xml.error("文件在元素结束前中断");
			}
			byte c = this.xml.buf[this.xml.pos];
			if (c == '<') {
				this.xml.ensure(9);
				byte next = (this.xml.pos + 1 < this.xml.limit) ? this.xml.buf[this.xml.pos + 1] : 0;
				/* A character may not run across markup. */
				this.xml.checkText();
				if (next == '/') {
					String content = this.xml.textString();
					endTag();
					return content;
				}
				if (next == '?') {
					this.xml.processingInstruction();
				}
				else if (next == '!') {
					bang(true);
				}
				else {
					throw this.xml.error("只应有文本的元素中出现了元素");
				}
				brackets = 0;
			}
			else if (c == '&') {
				this.xml.checkText();
				this.xml.appendCodePoint(this.xml.reference());
				brackets = 0;
			}
			else if (c == '\r') {
				this.xml.append((byte) '\n');
				this.xml.pos++;
				if ((this.xml.pos < this.xml.limit || this.xml.fill()) && this.xml.buf[this.xml.pos] == '\n') {
					this.xml.pos++;
				}
				brackets = 0;
			}
			else {
				brackets = this.xml.brackets(c, brackets);
				if (c >= 0 && c < ' ' && c != '\n' && c != '\t') {
					throw this.xml.error("XML 不允许的字符");
				}
				this.xml.append(c);
				this.xml.pos++;
			}
		}
	}

	/** {@code <!--}, {@code <![CDATA[} or {@code <!DOCTYPE}; the text of a CDATA kept. */
	private void bang(boolean keep) throws IOException, XMLStreamException {
		this.xml.ensure(9);
		if (this.xml.at("<!--")) {
			this.xml.pos += 4;
			while (true) {
				int c = this.xml.next();
				if (c == '-' && this.xml.peek() == '-') {
					this.xml.pos++;
					if (this.xml.next() != '>') {
						throw this.xml.error("注释中不能有 --");
					}
					return;
				}
				this.xml.checkChar(c);
			}
		}
		if (this.xml.at("<![CDATA[")) {
			if (this.depth == 0) {
				throw this.xml.error("根元素之外有 CDATA");
			}
			this.xml.pos += 9;
			int brackets = 0;
			while (true) {
				int c = this.xml.next();
				if (c == '>' && brackets >= 2) {
					if (keep) {
						this.xml.textLength -= 2;
					}
					return;
				}
				brackets = (c == ']') ? brackets + 1 : 0;
				int length = this.xml.checkChar(c);
				if (keep) {
					if (c == '\r') {
						this.xml.append((byte) '\n');
						if (this.xml.peek() == '\n') {
							this.xml.pos++;
						}
					}
					else {
						for (int i = this.xml.pos - length; i < this.xml.pos; i++) {
							this.xml.append(this.xml.buf[i]);
						}
					}
				}
			}
		}
		if (XlsxPackage.isDoctype(this.xml.buf, this.xml.pos, this.xml.limit) && !this.rootSeen) {
			throw XlsxPackage.unsafeXml();
		}
		throw this.xml.error("无法识别的 <! 标记");
	}

	/**
	 * Whether the part, at the start of {@code in} (which must support mark), is UTF-8
	 * XML 1.0; anything else is left to a StAX parser.
	 */
	static boolean takes(InputStream in) throws IOException {
		return XmlDeclaration.takes(in);
	}

}
