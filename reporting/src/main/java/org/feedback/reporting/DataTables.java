package org.feedback.reporting;

/** Writes the HTML data table of a chart: the numbers the chart draws, for screen readers and copying. */
final class DataTables {

    private DataTables() {
    }

    static void append(StringBuilder html, ChartData data) {
        if (data instanceof ChartData.Breakdown breakdown) {
            breakdown(html, breakdown);
        } else {
            series(html, (ChartData.Series) data);
        }
    }

    private static void breakdown(StringBuilder html, ChartData.Breakdown data) {
        boolean engines = data.groups().stream().anyMatch(group -> group.tableCount() != null || group.dataBytes() != null);
        long tables = data.groups().stream().mapToLong(group -> orZero(group.tableCount())).sum();
        long bytes = data.groups().stream().mapToLong(group -> orZero(group.dataBytes())).sum();
        html.append("<table id=\"table-").append(data.chart()).append("\">\n<caption>")
                .append(Html.escape(data.title())).append("</caption>\n<thead><tr><th scope=\"col\">Value</th>")
                .append("<th scope=\"col\">Servers</th><th scope=\"col\">Share of servers</th>");
        if (engines) {
            html.append("<th scope=\"col\">Tables</th><th scope=\"col\">Share of tables</th>")
                    .append("<th scope=\"col\">Data</th><th scope=\"col\">Share of data</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (ChartData.Group group : data.groups()) {
            html.append("<tr><td>").append(Html.escape(group.label())).append("</td><td class=\"count\">")
                    .append(Html.count(group.servers())).append("</td><td class=\"count\">")
                    .append(Html.percent(group.share())).append("</td>");
            if (engines) {
                html.append("<td class=\"count\">").append(Html.count(orZero(group.tableCount())))
                        .append("</td><td class=\"count\">").append(Html.percent(share(group.tableCount(), tables)))
                        .append("</td><td class=\"count\">").append(Html.bytes(orZero(group.dataBytes())))
                        .append("</td><td class=\"count\">").append(Html.percent(share(group.dataBytes(), bytes)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        if (data.groups().isEmpty()) {
            html.append("<tr><td colspan=\"3\">No group to show.</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void series(StringBuilder html, ChartData.Series data) {
        html.append("<table id=\"table-").append(data.chart()).append("\">\n<caption>")
                .append(Html.escape(data.title())).append("</caption>\n<thead><tr><th scope=\"col\">Week starting</th>");
        for (String line : data.lines()) {
            html.append("<th scope=\"col\">").append(Html.escape(line)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (ChartData.Week week : data.weeks()) {
            html.append("<tr><td>").append(week.start()).append("</td>");
            for (Long servers : week.servers()) {
                html.append("<td class=\"count\">").append(servers == null ? "" : Html.count(servers)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static double share(Long part, long whole) {
        return whole == 0 ? 0 : (double) orZero(part) / whole;
    }
}
