package org.feedback.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import org.feedback.report.Report;
import org.feedback.report.ServerFacts;

/** Writes a report and updates its server's row in one transaction. */
@ApplicationScoped
public class ReportStore {

    @Inject
    Event<ReportStoredEvent> stored;

    /**
     * Stores one scrubbed report. Returns only after the transaction has committed, so a caller that
     * acknowledges the report afterwards never acknowledges something that is not durable.
     */
    @Transactional
    public StoredReport save(ServerFacts facts, Report scrubbed, PreparedReport report, long receivedAt) {
        String serverUid = facts.serverUid().orElseThrow();
        ServerEntity server = ServerEntity.findById(serverUid);
        if (server == null) {
            server = new ServerEntity();
            server.serverUid = serverUid;
            server.firstSeen = receivedAt;
            server.persist();
        }
        server.lastSeen = Math.max(server.lastSeen, receivedAt);
        server.reportCount++;
        if (facts.kind() == ServerFacts.Kind.FULL) {
            copyFacts(facts, server);
        }

        ReportEntity entity = new ReportEntity();
        entity.serverUid = serverUid;
        entity.receivedAt = receivedAt;
        entity.reportTime = facts.reportTime().map(java.time.Instant::getEpochSecond).orElse(receivedAt);
        entity.kind = facts.kind().name().toLowerCase(Locale.ROOT);
        entity.formatVersion = report.formatVersion();
        entity.contentSha256 = report.contentSha256();
        entity.entryCount = report.entryCount();
        entity.scrubbedCount = report.scrubbedCount();
        entity.bodyBytes = report.bodyBytes();
        entity.bodyEncoding = "gzip";
        entity.body = report.bodyGzip();
        entity.persist();
        stored.fire(new ReportStoredEvent(entity.id, receivedAt, facts, scrubbed));

        return new StoredReport(entity.id, serverUid, entity.kind, entity.entryCount, entity.scrubbedCount);
    }

    private static void copyFacts(ServerFacts facts, ServerEntity server) {
        server.version = facts.version().orElse(null);
        server.flavor = facts.flavor().map(ServerFacts.Flavor::displayName).orElse(null);
        server.majorMinor = facts.majorMinor().orElse(null);
        server.osName = facts.osName().orElse(null);
        server.distribution = facts.distribution().orElse(null);
        server.architecture = facts.architecture().orElse(null);
        server.cpuCount = facts.cpuCount().isPresent() ? facts.cpuCount().getAsInt() : null;
        server.memoryBytes = facts.memoryBytes().isPresent() ? facts.memoryBytes().getAsLong() : null;
    }
}
