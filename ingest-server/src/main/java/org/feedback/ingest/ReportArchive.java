package org.feedback.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Reads and deletes stored raw reports for the admin API and the retention job, through the Panache
 * entities; the write path stores with plain JDBC in groups (see {@link ReportStore}). Nothing here is
 * reachable from the public endpoints.
 */
@ApplicationScoped
class ReportArchive {

    /** Most reports one listing returns; a server reporting weekly sends about 57 in a 400-day retention. */
    static final int MAX_LISTED = 1000;
    /** Reports deleted per transaction by retention, so that no delete holds locks for long. */
    static final int RETENTION_CHUNK = 1000;

    @Inject
    Event<ServerErasedEvent> erasedEvents;

    /** Metadata of one stored report, as the admin API lists it. */
    @RegisterForReflection
    record ReportInfo(long id, long receivedAt, long reportTime, String kind, String formatVersion, int entries,
                      int withheld, int textBytes, int storedBytes) {
    }

    /** Counts of the rows one erasure deleted. */
    @RegisterForReflection
    record Erasure(String serverUid, int reportsDeleted, boolean serverDeleted) {
    }

    /** Lists the newest {@value #MAX_LISTED} reports of one server, newest first. */
    List<ReportInfo> list(String serverUid) {
        List<ReportEntity> reports = ReportEntity.find("serverUid", Sort.descending("reportTime", "id"), serverUid)
                .page(0, MAX_LISTED).list();
        return reports.stream().map(ReportArchive::info).toList();
    }

    private static ReportInfo info(ReportEntity report) {
        return new ReportInfo(report.id, report.receivedAt, report.reportTime, report.kind, report.formatVersion,
                report.entryCount, report.scrubbedCount, report.bodyBytes, report.body.length);
    }

    /** Returns the scrubbed text of one report in the escaped format, or empty when there is no such report. */
    Optional<byte[]> text(long reportId) {
        return ReportEntity.<ReportEntity>findByIdOptional(reportId)
                .map(report -> BodyCodec.expand(report.bodyEncoding, report.body));
    }

    /**
     * Deletes every raw report and the {@code servers} row of one server, and fires {@link ServerErasedEvent}
     * in the same transaction so that observers delete what they derived.
     */
    Erasure erase(String serverUid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long reports = ReportEntity.delete("serverUid", serverUid);
            boolean server = ServerEntity.deleteById(serverUid);
            erasedEvents.fire(new ServerErasedEvent(serverUid));
            return new Erasure(serverUid, Math.toIntExact(reports), server);
        });
    }

    /**
     * Deletes raw reports that arrived before {@code cutoffEpochSeconds}, {@value #RETENTION_CHUNK} per
     * transaction; returns how many were deleted. Servers and everything derived from reports stay.
     */
    int deleteReceivedBefore(long cutoffEpochSeconds) {
        int deleted = 0;
        while (true) {
            int chunk = QuarkusTransaction.requiringNew().call(() -> deleteChunk(cutoffEpochSeconds));
            if (chunk == 0) {
                return deleted;
            }
            deleted += chunk;
        }
    }

    private static int deleteChunk(long cutoffEpochSeconds) {
        List<Long> ids = ReportEntity.getEntityManager()
                .createQuery("SELECT r.id FROM ReportEntity r WHERE r.receivedAt < :cutoff", Long.class)
                .setParameter("cutoff", cutoffEpochSeconds)
                .setMaxResults(RETENTION_CHUNK)
                .getResultList();
        return ids.isEmpty() ? 0 : Math.toIntExact(ReportEntity.delete("id in ?1", ids));
    }
}
