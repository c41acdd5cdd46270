package org.feedback.reporting;

import java.time.Instant;
import java.util.List;

/**
 * What the dashboard shows: how many servers reported in a period, and how they split by version and by
 * operating system.
 *
 * @param since           start of the period; a server counts when it was last seen at or after it
 * @param activeServers   distinct servers seen since {@code since}
 * @param byVersion       server counts per full version string, largest first
 * @param byOs            server counts per operating system (distribution where known), largest first
 */
public record Summary(Instant since, long activeServers, List<Count> byVersion, List<Count> byOs) {

    /** Label shown for servers whose report did not carry the fact (for example, notices only). */
    public static final String UNKNOWN = "unknown";

    /**
     * One group of servers.
     *
     * @param label    the group's value, or {@link #UNKNOWN}
     * @param servers  number of distinct servers in the group
     */
    public record Count(String label, long servers) {
    }
}
