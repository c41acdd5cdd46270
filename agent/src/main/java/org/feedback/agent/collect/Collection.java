package org.feedback.agent.collect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.feedback.report.Report;
import org.feedback.report.Scrubber;

/**
 * The outcome of one collection.
 *
 * @param report     the scrubbed report, ready to print or send
 * @param stats      what the collection cost the database server
 * @param counters   the status counters read, the start of the next interval; {@code null} when they could not be read
 * @param origins    the collector that wrote each key, by lower-case key
 * @param scrubbed   what the scrubber dropped, masked or redacted before the report was final
 */
public record Collection(Report report, CollectionStats stats, CounterSample counters, Map<String, String> origins,
                         List<Scrubber.Change> scrubbed) {

    public Collection {
        origins = Map.copyOf(origins);
        scrubbed = List.copyOf(scrubbed);
    }

    /** Returns the counters to pass to the next collection, when they were read. */
    public Optional<CounterSample> nextIntervalStart() {
        return Optional.ofNullable(counters);
    }

    /** Returns where a key of the report came from and why it may be sent. */
    public KeyExplanation explain(String key) {
        return KeyExplanation.of(origins.getOrDefault(key.toLowerCase(Locale.ROOT), "agent"), key);
    }
}
