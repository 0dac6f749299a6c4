package org.huizong.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the HTML tables that web systems save as {@code .xls}: each {@code
 *
<table>
 * } is a sheet named {@code 表1}, {@code 表2} …, headings and paragraphs before it are rows
 * above it (a title, a {@code 填报单位} line), and {@code colspan}/{@code rowspan} place
 * cells where a spreadsheet would. Such files are small; the document is parsed whole,
 * within {@link #MAX_BYTES}.
 */
final class HtmlTableReader implements SubmissionReader {

	static final long MAX_BYTES = 50L * 1024 * 1024;

	private static final Pattern META_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_-]+)",
			Pattern.CASE_INSENSITIVE);

	private final Path file;

	private final ReadLimits limits;

	private final Charset charset;

	HtmlTableReader(Path file, ReadLimits limits, byte[] head) throws IOException {
		this.file = file;
		this.limits = limits;
		this.charset = charset(file, head);
	}

	@Override
	public SubmissionFormat format() {
		return SubmissionFormat.HTML;
	}

	@Override
	public String encoding() {
		return this.charset.name();
	}

	@Override
	public void read(RowSink sink) throws IOException {
		if (Files.size(this.file) > MAX_BYTES) {
			throw RejectionReason.HTML_TOO_LARGE.rejection(MAX_BYTES / 1024 / 1024);
		}
		Document document;
		try (InputStream in = Files.newInputStream(this.file)) {
			document = Jsoup.parse(in, this.charset.name(), "");
		}
		List<String> above = new ArrayList<>();
		int tableNo = 0;
		for (Element element : document.body().getAllElements()) {
			String tag = element.tagName().toLowerCase(Locale.ROOT);
			if (tag.equals("table")) {
				if (element.parents().stream().anyMatch((p) -> p.tagName().equalsIgnoreCase("table"))) {
					continue;
				}
				sink.startSheet("表" + (++tableNo));
				int rowNumber = 0;
				for (String text : above) {
					sink.row(new Row(++rowNumber, List.of(Cell.text(0, this.limits.cut(text)))));
				}
				above.clear();
				table(element, rowNumber, sink);
				sink.endSheet();
			}
			else if (tag.matches("h[1-6]|p|caption")
					&& element.parents().stream().noneMatch((p) -> p.tagName().equalsIgnoreCase("table"))) {
				String text = element.text().strip();
				if (!text.isEmpty()) {
					above.add(text);
				}
			}
		}
		if (tableNo == 0) {
			throw RejectionReason.HTML_NO_TABLE.rejection();
		}
	}

	private void table(Element table, int rowsAbove, RowSink sink) {
		Map<Integer, Integer> spanningDown = new HashMap<>();
		int rowNumber = rowsAbove;
		for (Element tr : table.select("tr")) {
			if (tr.closest("table") != table) {
				continue;
			}
			rowNumber++;
			if (rowNumber - rowsAbove > this.limits.maxRowsPerSheet()) {
				throw RejectionReason.HTML_TOO_MANY_ROWS.rejection(this.limits.maxRowsPerSheet());
			}
			List<Cell> cells = new ArrayList<>();
			int column = 0;
			for (Element td : tr.children()) {
				if (!td.tagName().equalsIgnoreCase("td") && !td.tagName().equalsIgnoreCase("th")) {
					continue;
				}
				while (spanningDown.getOrDefault(column, 0) > 0) {
					column++;
				}
				String text = td.text().replace('\u00a0', ' ').strip();
				if (!text.isEmpty() && column < this.limits.maxColumns()) {
					cells.add(Cell.text(column, this.limits.cut(text)));
				}
				int colspan = span(td.attr("colspan"));
				int rowspan = span(td.attr("rowspan"));
				for (int c = column; c < column + colspan; c++) {
					if (rowspan > 1) {
						spanningDown.put(c, rowspan);
					}
				}
				column += colspan;
			}
			spanningDown.replaceAll((c, left) -> left - 1);
			spanningDown.values().removeIf((left) -> left <= 0);
			sink.row(new Row(rowNumber, cells));
		}
	}

	private static int span(String attribute) {
		try {
			return Math.max(1, Math.min(Integer.parseInt(attribute.trim()), 256));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static Charset charset(Path file, byte[] head) throws IOException {
		Matcher meta = META_CHARSET.matcher(new String(head, StandardCharsets.ISO_8859_1));
		if (meta.find()) {
			try {
				Charset declared = Charset.forName(meta.group(1));
				String name = declared.name().toUpperCase(Locale.ROOT);
				return (name.startsWith("GB")) ? TextEncoding.GB18030 : declared;
			}
			catch (IllegalArgumentException ex) {
				// an unknown name: decide from the bytes, as for a file without one
			}
		}
		return TextEncoding.detect(file).charset();
	}

}
