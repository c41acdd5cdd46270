package org.feedback.agent.collect;

import java.time.Duration;
import java.util.Optional;

/**
 * What one collection cost the database server.
 *
 * @param statements  SQL statements sent, session set-up included
 * @param roundTrip   time from sending each statement to reading its last row, summed
 * @param serverTime  the server's own time for those statements from {@code SHOW PROFILES}; {@code null}
 *                    when profiling was off or the server did not tell
 */
public record CollectionStats(int statements, Duration roundTrip, Duration serverTime) {

    /** Returns the server's own time, when it was measured. */
    public Optional<Duration> measuredServerTime() {
        return Optional.ofNullable(serverTime);
    }

    /** Returns one line for a person: statement count, round-trip time and server time in milliseconds. */
    public String describe() {
        String server = measuredServerTime().map(d -> String.format(java.util.Locale.ROOT, "%.3f ms", d.toNanos() / 1e6))
                .orElse("not measured");
        return String.format(java.util.Locale.ROOT, "%d SQL statements, %.3f ms round trip, server time %s",
                statements, roundTrip.toNanos() / 1e6, server);
    }
}
