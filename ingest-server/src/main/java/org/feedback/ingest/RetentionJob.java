package org.feedback.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes raw reports older than {@code feedback.retention.max-age} every
 * {@code feedback.retention.interval}; servers and aggregate facts stay. With several instances each runs
 * the job; the deletes do not conflict, they only repeat the search.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    ReportArchive archive;

    @Inject
    IngestConfig config;

    private final Clock clock = Clock.systemUTC();

    /** Result of one run: the cutoff time and the number of raw reports deleted. */
    @RegisterForReflection
    public record Outcome(long cutoffEpochSeconds, int reportsDeleted) {
    }

    @Scheduled(every = "{feedback.retention.interval}", delayed = "{feedback.retention.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.errorf("the retention job failed; it runs again in %s: %s", config.retention().interval(), e.getMessage());
        }
    }

    /** Deletes the raw reports that arrived before now minus the maximum age. */
    public Outcome run() {
        Instant cutoff = clock.instant().minus(config.retention().maxAge());
        int deleted = archive.deleteReceivedBefore(cutoff.getEpochSecond());
        if (deleted > 0) {
            LOG.infof("retention deleted %d raw reports received before %s", deleted, cutoff);
        }
        return new Outcome(cutoff.getEpochSecond(), deleted);
    }
}
