package org.feedback.reporting;

import java.time.LocalDate;
import java.util.List;

/** The numbers of one chart after filtering and small-group suppression: a breakdown or a time series. */
public sealed interface ChartData permits ChartData.Breakdown, ChartData.Series {

    /** Label of the group that small groups are folded into. */
    String OTHER = "other";
    /** Label of the servers whose reports do not carry the chart's fact, notices-only servers included. */
    String UNKNOWN = "unknown";

    /** Returns the chart's id. */
    String chart();

    /**
     * Servers grouped by one dimension.
     *
     * @param chart       the chart's id
     * @param title       the chart's heading
     * @param population  servers the shares are taken of: all servers in range, or for charts of several
     *                    values per server those that sent a full report; {@code null} when suppressed
     * @param suppressed  whether the filtered population is below the threshold, so no group is shown
     * @param groups      the groups, largest first or in size order; groups below the threshold are
     *                    folded into {@value ChartData#OTHER}
     */
    record Breakdown(String chart, String title, Long population, boolean suppressed, List<Group> groups)
            implements ChartData {
    }

    /**
     * One group of a breakdown.
     *
     * @param label       the value, {@value ChartData#OTHER} or {@value ChartData#UNKNOWN}
     * @param servers     servers in the group; for {@value ChartData#OTHER} in a chart of several values per
     *                    server, the sum over the folded values, so a server may count more than once
     * @param share       {@code servers} divided by the population, from 0 to 1
     * @param tableCount  tables in the engine, for the engines chart; otherwise {@code null}
     * @param dataBytes   bytes of data in the engine, for the engines chart; otherwise {@code null}
     */
    record Group(String label, long servers, double share, Long tableCount, Long dataBytes) {
    }

    /**
     * Distinct servers active per week, in one line or in one line per major.minor version.
     *
     * @param chart  the chart's id
     * @param title  the chart's heading
     * @param lines  the name of each line, in the order of {@link Week#servers()}
     * @param weeks  every week from the first in range to the last with a report, oldest first
     */
    record Series(String chart, String title, List<String> lines, List<Week> weeks) implements ChartData {
    }

    /**
     * One week of a time series.
     *
     * @param start    the Monday the week starts on (UTC)
     * @param servers  servers active that week per line; {@code null} where suppressed or none
     */
    record Week(LocalDate start, List<Long> servers) {
    }
}
