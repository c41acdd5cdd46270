package org.feedback.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's Prometheus metrics, served at {@code /q/metrics}: uploads accepted by report kind, rejected
 * by reason, deduplicated resends, entries the scrubber changed, and storage latency. Created at startup, so
 * that every reject reason is listed with 0 before the first upload.
 */
@Startup
@ApplicationScoped
public class IngestMetrics {

    /** Reason an upload was not stored, as the value of the {@code reason} tag. */
    enum RejectReason {
        INVALID_REPORT, MALFORMED_UPLOAD, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, RATE_LIMITED, UNAVAILABLE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<String, Counter> acceptedByKind = new ConcurrentHashMap<>();
    private final Map<RejectReason, Counter> rejectedByReason = new ConcurrentHashMap<>();
    private final Counter deduplicated;
    private final Counter scrubbedEntries;
    private final Timer storageLatency;
    private final DistributionSummary groupSize;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.deduplicated = Counter.builder("feedback.reports.deduplicated")
                .description("Uploads of a report that was already stored (a resend), stored once").register(registry);
        this.scrubbedEntries = Counter.builder("feedback.scrubbed.entries")
                .description("Entries the privacy rules dropped, masked or redacted in stored reports").register(registry);
        this.storageLatency = Timer.builder("feedback.storage.latency")
                .description("Time from handing a report to the store until its transaction committed")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.groupSize = DistributionSummary.builder("feedback.store.group.size")
                .description("Reports committed together in one transaction")
                .register(registry);
        for (RejectReason reason : RejectReason.values()) {
            counter(reason);
        }
    }

    void accepted(StoredReport stored) {
        if (stored.duplicate()) {
            deduplicated.increment();
            return;
        }
        acceptedByKind.computeIfAbsent(stored.kind(), kind -> Counter.builder("feedback.reports.accepted")
                .description("Reports stored, by kind").tag("kind", kind).register(registry)).increment();
        scrubbedEntries.increment(stored.withheld());
    }

    void rejected(RejectReason reason) {
        counter(reason).increment();
    }

    void storageLatency(long nanos) {
        storageLatency.record(Duration.ofNanos(nanos));
    }

    void groupCommitted(int reports) {
        groupSize.record(reports);
    }

    private Counter counter(RejectReason reason) {
        return rejectedByReason.computeIfAbsent(reason, r -> Counter.builder("feedback.reports.rejected")
                .description("Uploads not stored, by reason").tag("reason", r.tag()).register(registry));
    }
}
