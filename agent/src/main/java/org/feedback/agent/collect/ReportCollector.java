package org.feedback.agent.collect;

import java.net.SocketException;
import java.sql.SQLException;
import java.time.Clock;
import org.feedback.report.PrivacyRules;
import org.feedback.report.Report;
import org.feedback.report.ReportKeys;
import org.feedback.report.Scrubber;

/**
 * Assembles a full report: the identity and user-given entries first, then what the database server and
 * the host contribute. The finished report passes the same {@link Scrubber} the ingest server applies,
 * so nothing the denylist forbids leaves the host.
 */
public final class ReportCollector {

    private final ServerConnection server;
    private final String userInfo;
    private final String agentVersion;
    private final Clock clock;

    /**
     * @param server        the database server to read
     * @param userInfo      free text for {@code FEEDBACK_USER_INFO}, empty for none
     * @param agentVersion  version written to {@code FEEDBACK_AGENT_VERSION}
     */
    public ReportCollector(ServerConnection server, String userInfo, String agentVersion) {
        this(server, userInfo, agentVersion, Clock.systemUTC());
    }

    ReportCollector(ServerConnection server, String userInfo, String agentVersion, Clock clock) {
        this.server = server;
        this.userInfo = userInfo;
        this.agentVersion = agentVersion;
        this.clock = clock;
    }

    /** Collects a report; fails when the database server cannot be read. */
    public Report collect() throws CollectionException {
        PrivacyRules rules = PrivacyRules.defaults();
        ServerCollector.ServerPart serverPart;
        try {
            serverPart = new ServerCollector(server, rules).collect();
        } catch (SQLException e) {
            throw new CollectionException("cannot read the database server " + server.describe() + ": "
                    + e.getMessage() + "; check --host, --port, --user and --password", e);
        }

        Report report = Report.builder()
                .add(ReportKeys.SERVER_UID, serverUid(serverPart))
                .add(ReportKeys.FORMAT_VERSION, ReportKeys.CURRENT_FORMAT_VERSION)
                .add(ReportKeys.AGENT_VERSION, agentVersion)
                .add(ReportKeys.USER_INFO, userInfo)
                .addAll(serverPart.entries())
                .addAll(new HostCollector(clock).collect())
                .build();
        return new Scrubber(rules).scrub(report).report();
    }

    private static String serverUid(ServerCollector.ServerPart part) throws CollectionException {
        if (part.serverUid() != null && !part.serverUid().isBlank()) {
            return part.serverUid().strip();
        }
        try {
            byte[] mac = ServerUid.firstMacAddress().orElseThrow(() -> new CollectionException(
                    "the server has no server_uid variable and this host has no MAC address to derive an id from", null));
            return ServerUid.compute(part.port(), mac);
        } catch (SocketException e) {
            throw new CollectionException("cannot list the network interfaces to derive the server id: " + e.getMessage(), e);
        }
    }

    /** Raised when a report cannot be collected. */
    public static final class CollectionException extends Exception {
        private static final long serialVersionUID = 1L;

        CollectionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
