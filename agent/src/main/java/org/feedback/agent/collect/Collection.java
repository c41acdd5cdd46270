package org.feedback.agent.collect;

import java.util.Optional;
import org.feedback.report.Report;

/**
 * The outcome of one collection.
 *
 * @param report    the scrubbed report, ready to print or send
 * @param stats     what the collection cost the database server
 * @param counters  the status counters read, the start of the next interval; {@code null} when they could not be read
 */
public record Collection(Report report, CollectionStats stats, CounterSample counters) {

    /** Returns the counters to pass to the next collection, when they were read. */
    public Optional<CounterSample> nextIntervalStart() {
        return Optional.ofNullable(counters);
    }
}
