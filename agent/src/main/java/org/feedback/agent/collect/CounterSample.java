package org.feedback.agent.collect;

import java.util.Map;
import java.util.Objects;

/**
 * Status counters at one moment, the start of the next reporting interval. The server's {@code Uptime}
 * serves as the clock, so a change of the host's time does not distort rates.
 *
 * @param uptimeSeconds  the server's {@code Uptime} when the counters were read
 * @param counters       the counters {@link IoCollector} reports, by status name
 */
public record CounterSample(long uptimeSeconds, Map<String, Long> counters) {

    public CounterSample {
        counters = Map.copyOf(Objects.requireNonNull(counters, "counters"));
    }
}
