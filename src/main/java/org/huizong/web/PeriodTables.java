package org.huizong.web;

import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Map;

import org.huizong.report.Roster;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * The rows of a period's roster and figures as HTML, made once for each state of the
 * tables rather than at every request: a period of 2,000 units is 2,000 rows, and offices
 * open that page all at once on the due date.
 */
final class PeriodTables {

	private PeriodTables() {
	}

	static String roster(List<Roster.Entry> entries) {
		StringBuilder html = new StringBuilder(entries.size() * 400);
		SimpleDateFormat time = new SimpleDateFormat("yyyy-MM-dd HH:mm");
		for (Roster.Entry e : entries) {
			String kind = e.sent() ? "sent" : ("rejected".equals(e.status()) ? "rejected" : "missing");
			String unit = UriUtils.encodePathSegment(e.unit(), StandardCharsets.UTF_8);
			html.append("<tr class=\"").append(kind).append("\"><td><a href=\"/units/").append(unit).append("\">");
			text(html, e.unit()).append("</a></td><td>");
			text(html, e.file()).append("</td><td>");
			html.append((e.receivedAt() != null) ? time.format(e.receivedAt()) : "").append("</td><td>");
			text(html, e.statusText()).append("</td><td class=\"num\">").append(e.errors());
			html.append("</td><td class=\"num\">").append(e.warnings()).append("</td><td>");
			text(html, e.reason()).append("</td><td>");
			if (e.errors() + e.warnings() > 0 || "rejected".equals(e.status())) {
				html.append("<a href=\"/units/")
					.append(unit)
					.append("/feedback/")
					.append(UriUtils.encodePathSegment(e.period(), StandardCharsets.UTF_8))
					.append("\">问题反馈</a>");
			}
			html.append("</td></tr>\n");
		}
		return html.toString();
	}

	static String figures(String period, List<Map<String, String>> figures) {
		StringBuilder html = new StringBuilder(figures.size() * 300);
		for (Map<String, String> f : figures) {
			html.append("<tr><td>");
			text(html, f.get("campaign")).append("</td><td>");
			text(html, f.get("metric")).append("</td><td>");
			text(html, f.get("source")).append("</td><td class=\"num\"><a href=\"/periods/");
			html.append(UriUtils.encodePathSegment(period, StandardCharsets.UTF_8))
				.append("/cells?campaign=")
				.append(query(f.get("campaign")))
				.append("&amp;metric=")
				.append(query(f.get("metric")))
				.append("&amp;source=")
				.append(query(f.get("source")))
				.append("\">");
			text(html, f.get("value")).append("</a></td><td class=\"num\">");
			text(html, f.get("previous")).append("</td><td class=\"num\">");
			text(html, f.get("ytd")).append("</td><td>");
			text(html, f.get("measure")).append("</td><td class=\"num\">");
			text(html, f.get("units")).append("</td></tr>\n");
		}
		return html.toString();
	}

	private static StringBuilder text(StringBuilder html, String text) {
		return html.append(HtmlUtils.htmlEscape((text != null) ? text : "", "UTF-8"));
	}

	private static String query(String text) {
		return UriUtils.encodeQueryParam((text != null) ? text : "", StandardCharsets.UTF_8);
	}

}
