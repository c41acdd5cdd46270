package org.feedback.reporting;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Draws the charts as inline SVG on the server, so pages need no JavaScript and work offline and as a
 * static site. Every chart is an {@code img} role with a title; the data table beside it carries the same
 * numbers for screen readers.
 */
final class Svg {

    /** Most bars drawn in a breakdown ordered by count; the data table lists every group. */
    static final int MAX_BARS = 20;
    /** Most lines drawn in a time series, the largest in the last week first; the table lists every line. */
    static final int MAX_LINES = 8;

    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f"};
    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 230;
    private static final int BAR_AREA = 380;
    private static final int ROW_HEIGHT = 22;
    private static final int MAX_LABEL_CHARS = 34;
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ISO_LOCAL_DATE;

    private Svg() {
    }

    /** Draws a horizontal bar per group with its server count and share. */
    static void bars(StringBuilder html, ChartData.Breakdown data, boolean sizeOrdered) {
        List<ChartData.Group> groups = data.groups();
        List<ChartData.Group> drawn = sizeOrdered || groups.size() <= MAX_BARS ? groups : groups.subList(0, MAX_BARS);
        long max = drawn.stream().mapToLong(ChartData.Group::servers).max().orElse(1);
        int height = Math.max(drawn.size(), 1) * ROW_HEIGHT + 10;
        open(html, data.chart(), data.title(), height);
        if (drawn.isEmpty()) {
            text(html, 10, 20, "start", "No group to show.");
        }
        for (int i = 0; i < drawn.size(); i++) {
            ChartData.Group group = drawn.get(i);
            int y = 5 + i * ROW_HEIGHT;
            double width = Math.max(1, BAR_AREA * (double) group.servers() / Math.max(max, 1));
            html.append("<g class=\"bar\"><title>").append(Html.escape(group.label())).append(": ")
                    .append(Html.count(group.servers())).append(group.servers() == 1 ? " server</title>" : " servers</title>");
            text(html, LABEL_WIDTH - 6, y + 15, "end", shorten(group.label()));
            html.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                    LABEL_WIDTH, y + 2, width, ROW_HEIGHT - 6, COLORS[0]));
            text(html, (int) (LABEL_WIDTH + width + 6), y + 15, "start",
                    Html.count(group.servers()) + " (" + Html.percent(group.share()) + ")");
            html.append("</g>\n");
        }
        html.append("</svg>\n");
    }

    /** Draws one polyline per line of the series, over weeks on the x axis. */
    static void lines(StringBuilder html, ChartData.Series data) {
        int height = 280;
        int left = 70;
        int top = 10;
        int plotWidth = WIDTH - left - 170;
        int plotHeight = height - top - 40;
        List<Integer> drawn = drawnLines(data);
        long max = Math.max(1, data.weeks().stream().flatMap(week -> week.servers().stream())
                .filter(value -> value != null).mapToLong(Long::longValue).max().orElse(1));
        open(html, data.chart(), data.title(), height);
        axes(html, data, left, top, plotWidth, plotHeight, max);
        int weeks = data.weeks().size();
        for (int position = 0; position < drawn.size(); position++) {
            int line = drawn.get(position);
            String color = COLORS[position % COLORS.length];
            html.append("<g class=\"line\"><title>").append(Html.escape(data.lines().get(line))).append("</title>");
            List<String> points = new ArrayList<>();
            for (int w = 0; w < weeks; w++) {
                Long value = data.weeks().get(w).servers().get(line);
                if (value == null) {
                    polyline(html, points, color);
                    continue;
                }
                double x = left + (weeks == 1 ? plotWidth / 2.0 : plotWidth * (double) w / (weeks - 1));
                double y = top + plotHeight - plotHeight * (double) value / max;
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            }
            polyline(html, points, color);
            html.append("</g>\n");
            legend(html, left + plotWidth + 15, top + 14 + position * 18, color, data.lines().get(line));
        }
        html.append("</svg>\n");
    }

    /** Returns the indexes of the lines to draw: the largest in the latest week that has them. */
    private static List<Integer> drawnLines(ChartData.Series data) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < data.lines().size(); i++) {
            indexes.add(i);
        }
        indexes.sort(Comparator.comparingLong((Integer line) -> latest(data, line)).reversed());
        return indexes.size() > MAX_LINES ? indexes.subList(0, MAX_LINES) : indexes;
    }

    private static long latest(ChartData.Series data, int line) {
        for (int w = data.weeks().size() - 1; w >= 0; w--) {
            Long value = data.weeks().get(w).servers().get(line);
            if (value != null) {
                return value + (long) w * Integer.MAX_VALUE;
            }
        }
        return 0;
    }

    private static void axes(StringBuilder html, ChartData.Series data, int left, int top, int width, int height,
                             long max) {
        html.append(String.format(Locale.ROOT,
                "<path d=\"M%d %d V%d H%d\" stroke=\"#555\" fill=\"none\"/>\n", left, top, top + height, left + width));
        for (int tick = 0; tick <= 2; tick++) {
            long value = max * tick / 2;
            int y = top + height - height * tick / 2;
            text(html, left - 6, y + 4, "end", Html.count(value));
        }
        int weeks = data.weeks().size();
        if (weeks > 0) {
            text(html, left, top + height + 18, "start", WEEK.format(data.weeks().get(0).start()));
            if (weeks > 1) {
                text(html, left + width, top + height + 18, "end", WEEK.format(data.weeks().get(weeks - 1).start()));
            }
        } else {
            text(html, left + 10, top + 20, "start", "No week to show.");
        }
    }

    private static void polyline(StringBuilder html, List<String> points, String color) {
        if (points.size() == 1) {
            String[] xy = points.get(0).split(",");
            html.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"3\" fill=\"")
                    .append(color).append("\"/>");
        } else if (points.size() > 1) {
            html.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"")
                    .append(String.join(" ", points)).append("\"/>");
        }
        points.clear();
    }

    private static void legend(StringBuilder html, int x, int y, String color, String label) {
        html.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                x, y - 10, color));
        text(html, x + 18, y, "start", shorten(label));
        html.append('\n');
    }

    private static void open(StringBuilder html, String chartId, String title, int height) {
        String titleId = "chart-" + chartId + "-title";
        html.append("<svg class=\"chart\" data-chart=\"").append(Html.escape(chartId))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"")
                .append(Html.escape(titleId)).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<title id=\"").append(Html.escape(titleId))
                .append("\">").append(Html.escape(title)).append("</title>\n");
    }

    private static void text(StringBuilder html, int x, int y, String anchor, String text) {
        html.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"").append(anchor)
                .append("\">").append(Html.escape(text)).append("</text>");
    }

    private static String shorten(String label) {
        String oneLine = label.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_LABEL_CHARS ? oneLine : oneLine.substring(0, MAX_LABEL_CHARS - 1) + "\u2026";
    }
}
