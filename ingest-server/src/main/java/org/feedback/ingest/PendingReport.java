package org.feedback.ingest;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.feedback.report.Report;
import org.feedback.report.ServerFacts;

/**
 * A report waiting in the store's queue, with the future that completes once its transaction has
 * committed (or once storing it has failed).
 *
 * @param receivedAt  arrival time, in seconds since the Unix epoch
 * @param reportTime  the sender's {@code Now} entry, or {@code receivedAt} when the report has none
 */
record PendingReport(String serverUid, ServerFacts facts, Report scrubbed, PreparedReport prepared,
                     long receivedAt, long reportTime, long submittedNanos, CompletableFuture<StoredReport> result) {

    static PendingReport of(ServerFacts facts, Report scrubbed, PreparedReport prepared, long receivedAt) {
        // NOTE: reports without Now (the plugin's notices) fall back to the arrival second, so a resent
        // notice is merged only when it arrives within the same second as the first copy.
        long reportTime = facts.reportTime().map(time -> time.getEpochSecond()).orElse(receivedAt);
        return new PendingReport(facts.serverUid().orElseThrow(), facts, scrubbed, prepared, receivedAt, reportTime,
                System.nanoTime(), new CompletableFuture<>());
    }

    /** Returns the report kind as stored: {@code full}, {@code startup}, {@code shutdown} or {@code other_notice}. */
    String kind() {
        return facts.kind().name().toLowerCase(Locale.ROOT);
    }

    /** Returns the dedupe key: a resend has the same server id, report time and content. */
    DedupeKey key() {
        return new DedupeKey(serverUid, reportTime, prepared.contentSha256());
    }

    StoredReport stored(long reportId, boolean duplicate) {
        return new StoredReport(reportId, serverUid, kind(), prepared.entryCount(), prepared.scrubbedCount(), duplicate);
    }

    /** The columns of the unique key {@code reports_dedupe}. */
    record DedupeKey(String serverUid, long reportTime, String contentSha256) {
    }
}
