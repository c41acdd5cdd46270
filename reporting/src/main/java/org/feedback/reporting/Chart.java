package org.feedback.reporting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One chart of the dashboard, which is also one JSON and one CSV resource of the API.
 *
 * @param id           the name in URLs, {@code /api/v1/stats/ID}
 * @param page         the page that shows it
 * @param title        its heading
 * @param kind         what it counts
 * @param dimension    the {@link Dimension} a breakdown counts by; empty string for time series
 * @param sizeOrdered  whether groups are sorted by the number or size their label names (memory, CPU
 *                     counts) rather than by servers
 */
public record Chart(String id, Page page, String title, Kind kind, String dimension, boolean sizeOrdered) {

    /** What a chart counts. */
    public enum Kind {
        /** Servers by one value each server has at most one of; shares are of all servers in range. */
        SERVERS,
        /** Servers by values a server may have several of; shares are of servers that sent a full report. */
        SERVERS_PER_VALUE,
        /** As {@link #SERVERS_PER_VALUE}, plus tables and bytes of data per storage engine. */
        ENGINES,
        /** Distinct servers active each week. */
        WEEKLY_ACTIVE,
        /** Distinct servers active each week, by the major.minor version they ran. */
        WEEKLY_BY_MAJOR_MINOR
    }

    /**
     * Returns whether this chart groups sizes in bytes into ranges between powers of two, such as
     * {@code 8-16 GiB}, whose upper bound belongs to the range.
     */
    public boolean isByteRanges() {
        return dimension.equals(Dimension.MEMORY) || Dimension.SETTINGS.stream()
                .anyMatch(setting -> setting.isSize() && dimension.equals(Dimension.setting(setting.variableName())));
    }

    /** Returns whether this chart is a weekly time series rather than a breakdown. */
    public boolean isSeries() {
        return kind == Kind.WEEKLY_ACTIVE || kind == Kind.WEEKLY_BY_MAJOR_MINOR;
    }

    /** Every chart, in page order. */
    public static final List<Chart> ALL = all();

    /** Returns the chart with id {@code id}. */
    public static Optional<Chart> byId(String id) {
        return ALL.stream().filter(chart -> chart.id.equals(id)).findFirst();
    }

    /** Returns the charts of {@code page}, in display order. */
    public static List<Chart> of(Page page) {
        return ALL.stream().filter(chart -> chart.page == page).toList();
    }

    private static List<Chart> all() {
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("active-weekly", Page.OVERVIEW, "Active servers per week", Kind.WEEKLY_ACTIVE, "", false));
        charts.add(servers("version", Page.OVERVIEW, "Servers by version", Dimension.VERSION));
        charts.add(servers("os", Page.OVERVIEW, "Servers by operating system", Dimension.OS));

        charts.add(servers("flavor", Page.VERSIONS, "Servers by flavor", Dimension.FLAVOR));
        charts.add(servers("major-minor", Page.VERSIONS, "Servers by major.minor version", Dimension.MAJOR_MINOR));
        charts.add(servers("release", Page.VERSIONS, "Servers by full version", Dimension.RELEASE));
        charts.add(new Chart("adoption", Page.VERSIONS, "Adoption of each major.minor version per week",
                Kind.WEEKLY_BY_MAJOR_MINOR, "", false));

        charts.add(servers("os-family", Page.PLATFORM, "Operating system family", Dimension.OS_FAMILY));
        charts.add(servers("distribution", Page.PLATFORM, "Distribution", Dimension.DISTRIBUTION));
        charts.add(servers("distribution-version", Page.PLATFORM, "Distribution and version",
                Dimension.DISTRIBUTION_VERSION));
        charts.add(servers("kernel", Page.PLATFORM, "Kernel release family", Dimension.KERNEL));
        charts.add(servers("architecture", Page.PLATFORM, "Architecture", Dimension.ARCHITECTURE));
        charts.add(sized("bitness", Page.PLATFORM, "Bitness", Dimension.BITNESS));
        charts.add(servers("virtualization", Page.PLATFORM, "Virtualisation", Dimension.VIRTUALIZATION));

        charts.add(sized("cpu-count", Page.HARDWARE, "Logical CPUs", Dimension.CPU_COUNT));
        charts.add(sized("cpu-cores", Page.HARDWARE, "CPU cores", Dimension.CPU_CORES));
        charts.add(sized("cpu-sockets", Page.HARDWARE, "CPU sockets", Dimension.CPU_SOCKETS));
        charts.add(servers("cpu-vendor", Page.HARDWARE, "CPU vendor", Dimension.CPU_VENDOR));
        charts.add(servers("cpu-model", Page.HARDWARE, "CPU model family", Dimension.CPU_MODEL));
        charts.add(sized("memory", Page.HARDWARE, "Memory", Dimension.MEMORY));

        charts.add(new Chart("engines", Page.USAGE, "Storage engines in use", Kind.ENGINES, Dimension.ENGINE, false));
        charts.add(perValue("plugins", "Plugins active", Dimension.PLUGIN));
        charts.add(perValue("features", "Features used", Dimension.FEATURE));
        charts.add(perValue("collations", "Collations used", Dimension.COLLATION));
        for (Dimension.Setting setting : Dimension.SETTINGS) {
            charts.add(new Chart("setting-" + setting.variableName(), Page.USAGE, "Setting " + setting.variableName(),
                    Kind.SERVERS, Dimension.setting(setting.variableName()), setting.isSize()));
        }
        return Collections.unmodifiableList(charts);
    }

    private static Chart servers(String id, Page page, String title, String dimension) {
        return new Chart(id, page, title, Kind.SERVERS, dimension, false);
    }

    private static Chart sized(String id, Page page, String title, String dimension) {
        return new Chart(id, page, title, Kind.SERVERS, dimension, true);
    }

    private static Chart perValue(String id, String title, String dimension) {
        return new Chart(id, Page.USAGE, title, Kind.SERVERS_PER_VALUE, dimension, false);
    }
}
