package org.feedback.reporting;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Renders a {@link Summary} as a self-contained HTML page. Every string that comes from a report is
 * escaped, so a report cannot inject markup.
 */
public final class DashboardPage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private DashboardPage() {
    }

    /** Returns the HTML page for {@code summary}. */
    public static String render(Summary summary) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Feedback: MariaDB and MySQL servers</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}")
                .append("table{border-collapse:collapse;margin-bottom:2em}")
                .append("th,td{border:1px solid #ccc;padding:.3em .8em;text-align:left}")
                .append("td.count{text-align:right}</style>\n</head>\n<body>\n")
                .append("<h1>MariaDB and MySQL servers reporting</h1>\n")
                .append("<p>Active servers in the last ").append(DashboardQueries.ACTIVE_PERIOD.toDays())
                .append(" days (since ").append(DATE.format(summary.since())).append("): ")
                .append("<strong id=\"active-servers\">").append(summary.activeServers()).append("</strong></p>\n");
        appendTable(html, "by-version", "Servers by version", "Version", summary.byVersion());
        appendTable(html, "by-os", "Servers by operating system", "Operating system", summary.byOs());
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void appendTable(StringBuilder html, String id, String caption, String header, List<Summary.Count> rows) {
        html.append("<table id=\"").append(id).append("\">\n<caption>").append(caption).append("</caption>\n")
                .append("<thead><tr><th scope=\"col\">").append(header)
                .append("</th><th scope=\"col\">Servers</th></tr></thead>\n<tbody>\n");
        for (Summary.Count row : rows) {
            html.append("<tr><td>").append(escape(row.label())).append("</td><td class=\"count\">")
                    .append(row.servers()).append("</td></tr>\n");
        }
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"2\">No server has reported yet.</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** Escapes text for use in HTML element content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
