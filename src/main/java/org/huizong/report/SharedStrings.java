package org.huizong.report;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workbook's shared strings as POI wrote them, with those of {@code 数据来源} added
 * after: a name, a file or a cell written once however many rows show it. Only distinct
 * texts are held — units, files, names, cells — never the rows.
 */
final class SharedStrings {

	static final String ENTRY = "xl/sharedStrings.xml";

	private static final Pattern UNIQUE = Pattern.compile("uniqueCount=\"(\\d+)\"");

	private static final Pattern COUNT = Pattern.compile("\\scount=\"(\\d+)\"");

	private final String skeleton;

	private final int base;

	private final long baseCount;

	private final Map<String, Integer> added = new HashMap<>();

	private final StringBuilder entries = new StringBuilder();

	private long references;

	/**
	 * @param skeleton the {@code sst} part POI wrote
	 */
	SharedStrings(String skeleton) {
		this.skeleton = skeleton;
		Matcher unique = UNIQUE.matcher(skeleton);
		this.base = unique.find() ? Integer.parseInt(unique.group(1)) : 0;
		Matcher count = COUNT.matcher(skeleton);
		this.baseCount = count.find() ? Long.parseLong(count.group(1)) : 0;
	}

	/** The index of {@code text}, added if it is new. */
	int index(String text) {
		this.references++;
		Integer index = this.added.get(text);
		if (index == null) {
			index = this.base + this.added.size();
			this.added.put(text, index);
			this.entries.append(spaced(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>")
				.append(xml(text))
				.append("</t></si>");
		}
		return index;
	}

	/** One more use of a text already added, for the part's count. */
	void reference() {
		this.references++;
	}

	/** The part: POI's strings, then those added. */
	String xml() {
		int end = this.skeleton.lastIndexOf("</sst>");
		String head;
		if (end >= 0) {
			head = this.skeleton.substring(0, end);
		}
		else {
			int closed = this.skeleton.lastIndexOf("/>");
			head = this.skeleton.substring(0, closed) + ">";
		}
		head = UNIQUE.matcher(head).replaceFirst("uniqueCount=\"" + (this.base + this.added.size()) + "\"");
		head = COUNT.matcher(head).replaceFirst(" count=\"" + (this.baseCount + this.references) + "\"");
		return head + this.entries + "</sst>";
	}

	/**
	 * Whether the text starts or ends with white space, which XML keeps only when told.
	 */
	static boolean spaced(String text) {
		return Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1));
	}

	/** The text as XML character data: escaped, characters XML cannot hold as U+FFFD. */
	static String xml(String text) {
		if (plain(text)) {
			return text;
		}
		StringBuilder xml = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> xml.append("&amp;");
				case '<' -> xml.append("&lt;");
				case '>' -> xml.append("&gt;");
				case '"' -> xml.append("&quot;");
				default -> {
					boolean allowed = (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != '\ufffe'
							&& c != '\uffff' && (!Character.isSurrogate(c) || validPair(text, i));
					xml.append(allowed ? c : '\ufffd');
				}
			}
		}
		return xml.toString();
	}

	/** Whether the text can go into XML as it is, the case of nearly every cell. */
	private static boolean plain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c >= 0xD800) {
				return false;
			}
		}
		return true;
	}

	/** Whether the surrogate at {@code i} belongs to a whole pair. */
	private static boolean validPair(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
	}

}
