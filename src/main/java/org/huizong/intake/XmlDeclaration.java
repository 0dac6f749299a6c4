package org.huizong.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Whether a part is XML 1.0 in UTF-8, by its declaration: what the scanner takes. */
final class XmlDeclaration {

	/** White space and an equals sign between it, in the XML declaration. */
	private static final String S = "[ \t\r\n]";

	private static final String EQ = S + "*=" + S + "*";

	/** The XML declaration of XML 1.0 in UTF-8, and whatever follows it. */
	private static final Pattern UTF8_DECLARATION = Pattern.compile("<\\?xml" + S + "+version" + EQ
			+ "(\"1\\.0\"|'1\\.0')" + "(" + S + "+encoding" + EQ + "(\"(?i:utf-8)\"|'(?i:utf-8)'))?" + "(" + S
			+ "+standalone" + EQ + "(\"(yes|no)\"|'(yes|no)'))?" + S + "*\\?>[\\s\\S]*");

	/**
	 * Whether the part, at the start of {@code in} (which must support mark), is UTF-8
	 * XML 1.0; anything else is left to a StAX parser.
	 */
	static boolean takes(InputStream in) throws IOException {
		in.mark(XmlBytes.HEAD);
		byte[] head = in.readNBytes(XmlBytes.HEAD);
		in.reset();
		int i = XmlBytes.startsWith(head, 0, "\u00EF\u00BB\u00BF") ? 3 : 0;
		if (i >= head.length) {
			return true;
		}
		if (!XmlBytes.isDeclaration(head, i, head.length)) {
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

	private XmlDeclaration() {
	}

}
