package org.huizong.intake;

import java.util.Arrays;

import javax.xml.stream.XMLStreamException;

/**
 * The attributes of the start tag being read, as offsets into the buffer of its
 * {@link XmlBytes}: each attribute's name, prefix, value, and whether its value holds a
 * reference or white space to normalise. Values are made strings only when asked.
 */
final class XmlAttributes {

	private final XmlBytes xml;

	/* An attribute of the start tag being read: offsets into the buffer, and a flag. */
	static final int NAME = 0;

	static final int NAME_END = 1;

	/* Where the prefix ends, or -1. */
	static final int COLON = 2;

	static final int VALUE = 3;

	static final int VALUE_END = 4;

	/* Whether the value holds a reference or a white-space character to normalise. */
	static final int RAW = 5;

	static final int FIELDS = 6;

	int[] fields = new int[FIELDS * 8];

	int count;

	/** Reads one attribute from {@code i}. @return where the tag goes on after it */
	int read(byte[] b, int i, int gt) throws XMLStreamException {
		int name = i;
		int nameEnd = this.xml.name(b, i, gt);
		int colon = this.xml.colon(b, name, nameEnd);
		i = nameEnd;
		while (XmlBytes.isSpace(b[i])) {
			i++;
		}
		if (b[i] != '=') {
			throw this.xml.error("属性缺少 =");
		}
		i++;
		while (XmlBytes.isSpace(b[i])) {
			i++;
		}
		byte quote = b[i];
		if (quote != '"' && quote != '\'') {
			throw this.xml.error("属性值缺少引号");
		}
		int value = ++i;
		int raw = 0;
		while (true) {
			if (i >= gt) {
				throw this.xml.error("属性值没有结束");
			}
			int c = b[i];
			if (c == quote) {
				break;
			}
			if (c == '<') {
				throw this.xml.error("属性值中不能有 <");
			}
			if (c == '&') {
				raw = 1;
			}
			else if (c >= 0 && c < ' ') {
				if (c != '\n' && c != '\t' && c != '\r') {
					throw this.xml.error("XML 不允许的字符");
				}
				raw = 1;
			}
			i++;
		}
		if (raw != 0) {
			this.xml.checkReferences(b, value, i);
		}
		int at = this.count * FIELDS;
		if (at + FIELDS > this.fields.length) {
			this.fields = Arrays.copyOf(this.fields, this.fields.length * 2);
		}
		this.fields[at + NAME] = name;
		this.fields[at + NAME_END] = nameEnd;
		this.fields[at + COLON] = colon;
		this.fields[at + VALUE] = value;
		this.fields[at + VALUE_END] = i;
		this.fields[at + RAW] = raw;
		this.count++;
		return i + 1;
	}

	/**
	 * The value of attribute {@code at} with its references and white space resolved,
	 * into {@link #text}.
	 */
	void decode(int at) throws XMLStreamException {
		byte[] b = this.xml.buf;
		int from = this.fields[at + VALUE];
		int to = this.fields[at + VALUE_END];
		this.xml.textLength = 0;
		for (int i = from; i < to; i++) {
			byte c = b[i];
			if (c == '&') {
				int semicolon = i + 1;
				while (b[semicolon] != ';') {
					semicolon++;
				}
				this.xml.appendCodePoint(this.xml.codePoint(b, i + 1, semicolon));
				i = semicolon;
			}
			else if (c == '\r' && i + 1 < to && b[i + 1] == '\n') {
				continue;
			}
			else {
				this.xml.append((c == '\n' || c == '\t' || c == '\r') ? (byte) ' ' : c);
			}
		}
	}

	void checkDuplicates(byte[] b) throws XMLStreamException {
		for (int a = 1; a < this.count; a++) {
			int one = a * FIELDS;
			int name = this.fields[one + NAME];
			for (int other = 0; other < one; other += FIELDS) {
				/* Mostly told apart by their first letter, without a call. */
				if (b[name] == b[this.fields[other + NAME]] && Arrays.equals(b, name, this.fields[one + NAME_END], b,
						this.fields[other + NAME], this.fields[other + NAME_END])) {
					throw this.xml.error("属性重复");
				}
			}
		}
	}

	XmlAttributes(XmlBytes xml) {
		this.xml = xml;
	}

}
