package org.huizong.intake;

import java.util.Arrays;

import javax.xml.stream.XMLStreamException;

/**
 * The namespace prefixes the open elements declared, so that a name with a prefix no
 * element declared is refused, as a conforming parser refuses it.
 */
final class XmlNamespaces {

	private final XmlBytes xml;

	private final XmlAttributes tag;

	/*
	 * The namespace prefixes declared by open elements, and the depth that declared them.
	 */
	private byte[][] prefixes = new byte[8][];

	private int[] prefixDepths = new int[8];

	private int prefixCount;

	XmlNamespaces(XmlBytes xml, XmlAttributes tag) {
		this.xml = xml;
		this.tag = tag;
	}

	/** Records the {@code xmlns:p} attributes of the element just pushed. */
	void declare(byte[] b, int depth) throws XMLStreamException {
		for (int a = 0; a < this.tag.count; a++) {
			int at = a * XmlAttributes.FIELDS;
			int name = this.tag.fields[at + XmlAttributes.NAME];
			int colon = this.tag.fields[at + XmlAttributes.COLON];
			if (colon >= 0 && XmlBytes.isNamed(b, name, colon, "xmlns")) {
				if (this.tag.fields[at + XmlAttributes.VALUE] == this.tag.fields[at + XmlAttributes.VALUE_END]) {
					throw this.xml.error("命名空间前缀不能绑定到空值");
				}
				int end = this.tag.fields[at + XmlAttributes.NAME_END];
				if (this.prefixCount == this.prefixes.length) {
					this.prefixes = Arrays.copyOf(this.prefixes, this.prefixCount * 2);
					this.prefixDepths = Arrays.copyOf(this.prefixDepths, this.prefixCount * 2);
				}
				this.prefixes[this.prefixCount] = Arrays.copyOfRange(b, colon + 1, end);
				this.prefixDepths[this.prefixCount++] = depth;
			}
		}
	}

	/**
	 * Refuses a prefix, the bytes from {@code from} to the colon, no element declared.
	 */
	void check(byte[] b, int from, int colon) throws XMLStreamException {
		if (colon < 0 || XmlBytes.isNamed(b, from, colon, "xml")) {
			return;
		}
		for (int p = this.prefixCount - 1; p >= 0; p--) {
			byte[] prefix = this.prefixes[p];
			if (prefix.length == colon - from && Arrays.equals(prefix, 0, prefix.length, b, from, colon)) {
				return;
			}
		}
		throw this.xml.error("命名空间前缀未声明");
	}

	/** Forgets the prefixes of elements deeper than {@code depth}, now closed. */
	void close(int depth) {
		while (this.prefixCount > 0 && this.prefixDepths[this.prefixCount - 1] > depth) {
			this.prefixCount--;
		}
	}

}
