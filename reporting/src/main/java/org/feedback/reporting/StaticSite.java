package org.feedback.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the whole dashboard as static files: one HTML page per {@link Page} ({@code index.html},
 * {@code versions.html}, ...) and one CSV file per chart in {@code data/}, all linked relatively, so the
 * folder can be published on any web server or opened from disk. Pages use the default filter.
 */
public final class StaticSite {

    private final DashboardQueries queries;

    public StaticSite(DashboardQueries queries) {
        this.queries = queries;
    }

    /** Writes the site into {@code folder}, creating it when missing; returns the files written. */
    public List<Path> write(Path folder) throws SQLException, IOException {
        Path data = Files.createDirectories(folder.resolve("data"));
        List<Path> written = new ArrayList<>();
        for (Page page : Page.values()) {
            PageData pageData = queries.page(page, Filter.DEFAULT);
            written.add(write(folder.resolve(page.fileName() + ".html"), DashboardPages.render(pageData, PageLinks.STATIC_SITE)));
            for (Map.Entry<String, ChartData> chart : pageData.charts().entrySet()) {
                written.add(write(data.resolve(chart.getKey() + ".csv"), Csv.of(chart.getValue())));
            }
        }
        return written;
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
