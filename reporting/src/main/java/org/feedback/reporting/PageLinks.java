package org.feedback.reporting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the links of a dashboard page point: to the ingest server's resources or to a static site's files. */
public interface PageLinks {

    /** Returns the link to {@code page} with {@code filter}. */
    String page(Page page, Filter filter);

    /** Returns the link to the CSV download of {@code chart}. */
    String csv(Chart chart, Filter filter);

    /** Returns the link to the JSON of {@code chart}, or empty when there is none (static sites). */
    Optional<String> json(Chart chart, Filter filter);

    /** Returns whether the page shows the filter form, which needs a server to answer it. */
    boolean hasFilterForm();

    /** Links of the ingest server: pages at {@code /PATH}, data at {@code /api/v1/stats/ID}. */
    PageLinks SERVER = new PageLinks() {
        @Override
        public String page(Page page, Filter filter) {
            return "/" + page.path() + query(filter);
        }

        @Override
        public String csv(Chart chart, Filter filter) {
            return "/api/v1/stats/" + chart.id() + ".csv" + query(filter);
        }

        @Override
        public Optional<String> json(Chart chart, Filter filter) {
            return Optional.of("/api/v1/stats/" + chart.id() + query(filter));
        }

        @Override
        public boolean hasFilterForm() {
            return true;
        }
    };

    /** Links of a static site: pages as {@code NAME.html} and CSV files in {@code data/}, all relative. */
    PageLinks STATIC_SITE = new PageLinks() {
        @Override
        public String page(Page page, Filter filter) {
            return page.fileName() + ".html";
        }

        @Override
        public String csv(Chart chart, Filter filter) {
            return "data/" + chart.id() + ".csv";
        }

        @Override
        public Optional<String> json(Chart chart, Filter filter) {
            return Optional.empty();
        }

        @Override
        public boolean hasFilterForm() {
            return false;
        }
    };

    /** Returns the query string that selects {@code filter}, empty for the default filter. */
    static String query(Filter filter) {
        List<String> parameters = new ArrayList<>();
        if (!filter.days().equals(Filter.DEFAULT.days())) {
            parameters.add("days=" + (filter.days().isPresent() ? filter.days().getAsInt() : "all"));
        }
        filter.flavor().ifPresent(flavor -> parameters.add("flavor=" + URLEncoder.encode(flavor, StandardCharsets.UTF_8)));
        filter.majorVersion().ifPresent(major -> parameters.add("major=" + major));
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }
}
