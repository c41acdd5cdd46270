package org.feedback.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.feedback.report.ServerFacts;

/**
 * Renders the dashboard pages as self-contained HTML with inline SVG charts, each followed by its data
 * table and download links. Every string that comes from a report is escaped, so a report cannot inject
 * markup.
 */
public final class DashboardPages {

    private static final DateTimeFormatter REFRESH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<String> DAY_CHOICES = List.of("7", "30", "90", "365", "all");
    private static final String STYLE = "body{font-family:sans-serif;margin:0;color:#222}"
            + "header{background:#00324d;padding:.5em 2em}header a{color:#fff;margin-right:1.5em;text-decoration:none}"
            + "header a[aria-current]{font-weight:bold;text-decoration:underline}"
            + "main{margin:1em 2em;max-width:60em}form.filters{display:flex;gap:1em;align-items:end;flex-wrap:wrap}"
            + "section.chart{margin:2em 0}svg.chart{max-width:100%;height:auto}"
            + "table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left}"
            + "td.count{text-align:right}.note{color:#555;font-size:.9em}";

    private DashboardPages() {
    }

    /** Returns the HTML of one page. */
    public static String render(PageData data, PageLinks links) {
        StringBuilder html = new StringBuilder(32_768);
        head(html, data.page());
        navigation(html, data, links);
        html.append("<main>\n<h1>").append(Html.escape(data.page().heading())).append("</h1>\n");
        if (links.hasFilterForm()) {
            filterForm(html, data);
        }
        note(html, data);
        if (data.page() == Page.OVERVIEW) {
            activeServers(html, data.activeServers());
        }
        for (ChartData chart : data.charts().values()) {
            chartSection(html, chart, data.filter(), links, data.refreshedAt());
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void head(StringBuilder html, Page page) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // An empty icon, so that browsers do not request /favicon.ico, which the server lacks.
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>Feedback: ").append(Html.escape(page.heading())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static void navigation(StringBuilder html, PageData data, PageLinks links) {
        html.append("<header><nav aria-label=\"Dashboard pages\">");
        for (Page page : Page.values()) {
            html.append("<a href=\"").append(Html.escape(links.page(page, data.filter()))).append('"');
            if (page == data.page()) {
                html.append(" aria-current=\"page\"");
            }
            html.append('>').append(Html.escape(page.navigationTitle())).append("</a>");
        }
        html.append("</nav></header>\n");
    }

    private static void filterForm(StringBuilder html, PageData data) {
        Filter filter = data.filter();
        html.append("<form class=\"filters\" method=\"get\">\n<label>Time range <select name=\"days\">");
        String days = filter.days().isPresent() ? Integer.toString(filter.days().getAsInt()) : "all";
        for (String choice : DAY_CHOICES) {
            option(html, choice, choice.equals("all") ? "all time" : "last " + choice + " days", choice.equals(days));
        }
        html.append("</select></label>\n<label>Flavor <select name=\"flavor\">");
        option(html, "", "all", filter.flavor().isEmpty());
        for (ServerFacts.Flavor flavor : Filter.dashboardFlavors()) {
            option(html, flavor.displayName(), flavor.displayName(),
                    filter.flavor().equals(Optional.of(flavor.displayName())));
        }
        html.append("</select></label>\n<label>Major version <select name=\"major\">");
        option(html, "", "all", filter.majorVersion().isEmpty());
        for (int major : data.majorVersions()) {
            option(html, Integer.toString(major), Integer.toString(major),
                    filter.majorVersion().equals(OptionalInt.of(major)));
        }
        html.append("</select></label>\n<button type=\"submit\">Apply</button>\n</form>\n");
    }

    private static void option(StringBuilder html, String value, String text, boolean selected) {
        html.append("<option value=\"").append(Html.escape(value)).append('"').append(selected ? " selected" : "")
                .append('>').append(Html.escape(text)).append("</option>");
    }

    private static void note(StringBuilder html, PageData data) {
        Filter filter = data.filter();
        html.append("<p class=\"note\">Servers count once each, by the facts of their latest full report, when")
                .append(filter.days().isPresent()
                        ? " their latest report arrived in the last " + filter.days().getAsInt() + " days (UTC)"
                        : " they ever reported")
                .append(filter.flavor().map(flavor -> "; flavor " + Html.escape(flavor)).orElse(""))
                .append(filter.majorVersion().isPresent() ? "; major version " + filter.majorVersion().getAsInt() : "")
                .append(data.minGroupSize() > 1
                        ? ". Groups of fewer than " + data.minGroupSize() + " servers are folded into \u201cother\u201d. "
                        : ". Every group is shown, however small. ")
                .append(data.refreshedAt().map(time -> "Numbers as of " + REFRESH_TIME.format(time) + ".")
                        .orElse("The numbers have not been computed yet."))
                .append("</p>\n");
    }

    private static void activeServers(StringBuilder html, List<Long> active) {
        int thirtyDays = DashboardQueries.ACTIVE_PERIODS_DAYS.indexOf(DashboardQueries.SUMMARY_DAYS);
        html.append("<p>Active servers in the last ").append(DashboardQueries.SUMMARY_DAYS).append(" days: ")
                .append("<strong id=\"active-servers\">").append(countOrSuppressed(active.get(thirtyDays)))
                .append("</strong></p>\n<table id=\"active-periods\">\n<caption>Active servers by period</caption>\n")
                .append("<thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Servers</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < active.size(); i++) {
            html.append("<tr><td>last ").append(DashboardQueries.ACTIVE_PERIODS_DAYS.get(i)).append(" days</td>")
                    .append("<td class=\"count\" id=\"active-").append(DashboardQueries.ACTIVE_PERIODS_DAYS.get(i))
                    .append("\">").append(countOrSuppressed(active.get(i))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String countOrSuppressed(Long count) {
        return count == null ? "fewer than the threshold" : Long.toString(count);
    }

    /** Returns whether the series' last week is the week of {@code time}, which had not ended then. */
    private static boolean endsInWeekOf(ChartData.Series series, Optional<Instant> time) {
        if (series.weeks().isEmpty() || time.isEmpty()) {
            return false;
        }
        LocalDate day = time.get().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
        return series.weeks().get(series.weeks().size() - 1).start().equals(monday);
    }

    private static void chartSection(StringBuilder html, ChartData data, Filter filter, PageLinks links,
                                     Optional<Instant> refreshedAt) {
        Chart chart = Chart.byId(data.chart()).orElseThrow();
        html.append("<section class=\"chart\" id=\"section-").append(chart.id()).append("\">\n<h2>")
                .append(Html.escape(chart.title())).append("</h2>\n");
        if (data instanceof ChartData.Breakdown breakdown) {
            if (breakdown.suppressed()) {
                html.append("<p class=\"note\">Too few servers match the filter to show this chart.</p>\n");
            }
            Svg.bars(html, breakdown, chart.sizeOrdered());
            if (chart.isByteRanges()) {
                html.append("<p class=\"note\">Each range includes its upper bound: 8-16 GiB counts servers with more"
                        + " than 8 GiB and at most 16 GiB.</p>\n");
            }
            if (!chart.sizeOrdered() && breakdown.groups().size() > Svg.MAX_BARS) {
                html.append("<p class=\"note\">The chart shows the ").append(Svg.MAX_BARS).append(" largest of ")
                        .append(breakdown.groups().size()).append(" groups; the data table lists them all.</p>\n");
            }
        } else {
            ChartData.Series series = (ChartData.Series) data;
            Svg.lines(html, series);
            if (endsInWeekOf(series, refreshedAt)) {
                html.append("<p class=\"note\">The last week is still in progress, so its count is partial.</p>\n");
            }
        }
        html.append("<p class=\"note\">Download: <a href=\"").append(Html.escape(links.csv(chart, filter)))
                .append("\">CSV</a>");
        links.json(chart, filter).ifPresent(json -> html.append(", <a href=\"").append(Html.escape(json))
                .append("\">JSON</a>"));
        html.append("</p>\n<details><summary>Data table</summary>\n");
        DataTables.append(html, data);
        html.append("</details>\n</section>\n");
    }
}
