package org.feedback.agent.collect;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.feedback.report.PrivacyRules;
import org.feedback.report.Report;
import org.feedback.report.ReportKeys;
import org.feedback.report.Scrubber;

/**
 * Collects reports from one database server and its host.
 *
 * <p>A full report holds, in order: the id and the administrator's entries, then what each collector adds
 * (variables, status, plugins, engines, databases, io, host), then one {@code Collector <name>} line per
 * collector. All SQL runs on one connection opened for the collection and closed after it (see
 * {@link Session}). The finished report passes the same {@link Scrubber} the ingest server applies.
 *
 * <p>Instances keep the last server id they saw, for the notices; they are safe for use by one thread at a time.
 */
public final class ReportCollector {

    private static final Logger LOG = Logger.getLogger(ReportCollector.class.getName());

    /** Maximum time the host facts may take, because OSHI reads many files and can stall on a hung file system. */
    private static final long HOST_TIMEOUT_SECONDS = 20;

    private final ServerConnection server;
    private final UserFacts userFacts;
    private final String agentVersion;
    private final Path stateDir;
    private final Clock clock;
    private final HostFiles hostFiles;
    private final ServerUid.MacSource macSource;
    private final PrivacyRules rules = PrivacyRules.defaults();
    private volatile String lastServerUid;

    /**
     * @param server        the database server to read
     * @param userFacts     what the administrator shares
     * @param agentVersion  version written to {@code FEEDBACK_AGENT_VERSION}
     * @param stateDir      where a random server id is kept on a host without a MAC address
     */
    public ReportCollector(ServerConnection server, UserFacts userFacts, String agentVersion, Path stateDir) {
        this(server, userFacts, agentVersion, stateDir, Clock.systemUTC(), HostFiles.system(), ServerUid::firstMacAddress);
    }

    ReportCollector(ServerConnection server, UserFacts userFacts, String agentVersion, Path stateDir, Clock clock,
                    HostFiles hostFiles, ServerUid.MacSource macSource) {
        this.server = server;
        this.userFacts = userFacts;
        this.agentVersion = agentVersion;
        this.stateDir = stateDir;
        this.clock = clock;
        this.hostFiles = hostFiles;
        this.macSource = macSource;
    }

    /** Returns the version written to {@code FEEDBACK_AGENT_VERSION}, which the sender also puts in its User-Agent. */
    public String agentVersion() {
        return agentVersion;
    }

    /**
     * Collects a full report.
     *
     * @param intervalStart  counters at the start of the reporting interval, or {@code null} to measure
     *                       activity since the server started
     * @param profile        whether to measure the server's own time per statement ({@code report --stats})
     * @throws CollectionException when no connection to the server can be opened; a failure after that only
     *                             marks the collectors it hits
     */
    public Collection collect(CounterSample intervalStart, boolean profile) throws CollectionException {
        IoCollector io = new IoCollector();
        List<Collector> sqlCollectors = List.of(new ServerCollectors.Variables(rules), new ServerCollectors.Status(),
                new ServerCollectors.Plugins(), new StorageCollectors.Engines(), new StorageCollectors.Databases(), io);
        return collect(sqlCollectors, io, intervalStart, profile);
    }

    /** Collects with the given SQL collectors; tests add collectors that act out faults here. */
    Collection collect(List<Collector> sqlCollectors, IoCollector io, CounterSample intervalStart, boolean profile)
            throws CollectionException {
        Report.Builder body = Report.builder();
        Map<String, String> origins = new java.util.HashMap<>();
        List<String[]> outcomes = new ArrayList<>();
        CollectionContext context;
        CollectionStats stats;
        try (Session session = openSession(profile)) {
            context = new CollectionContext(session, intervalStart, server.isLocal());
            for (Collector collector : sqlCollectors) {
                outcomes.add(new String[] {collector.name(), run(collector, context, body, origins)});
            }
            stats = session.stats();
        }
        outcomes.add(new String[] {"host", runWithTimeout(new HostCollector(clock, hostFiles), context, body, origins)});

        Report.Builder report = Report.builder();
        report.add(ReportKeys.SERVER_UID, serverUid(context.variables()));
        addHeader(report);
        report.addAll(body.build());
        for (String[] outcome : outcomes) {
            report.add(ReportKeys.collectorKey(outcome[0]), outcome[1]);
            origins.put(ReportKeys.collectorKey(outcome[0]).toLowerCase(java.util.Locale.ROOT), "outcome");
        }
        Scrubber.Result scrubbed = new Scrubber(rules).scrub(report.build());
        return new Collection(scrubbed.report(), stats, io.sample(), origins, scrubbed.changes());
    }

    /**
     * Returns a notice as MariaDB's plugin sends one: the server id, {@code FEEDBACK_WHEN} and the user
     * info. Uses the id seen last when there is one, else reads it from the server.
     *
     * @param when  {@code startup} or {@code shutdown}
     */
    public Report notice(String when) throws CollectionException {
        String serverUid = lastServerUid;
        if (serverUid == null) {
            serverUid = readServerUid();
        }
        return Report.builder()
                .add(ReportKeys.SERVER_UID, serverUid)
                .add(ReportKeys.WHEN, when)
                .add(ReportKeys.USER_INFO, userFacts.userInfo())
                .build();
    }

    /** Reads the status counters alone, as the start of a reporting interval. */
    public CounterSample sampleCounters() throws CollectionException {
        try (Session session = openSession(false)) {
            Map<String, String> status = new java.util.HashMap<>();
            for (String[] row : session.query("SHOW GLOBAL STATUS")) {
                status.put(row[0], row[1]);
            }
            return IoCollector.sampleOf(status);
        } catch (SQLException | IllegalStateException e) {
            throw new CollectionException("cannot read the status counters of " + server.describe() + ": " + e.getMessage(), e);
        }
    }

    private String readServerUid() throws CollectionException {
        try (Session session = openSession(false)) {
            Map<String, String> variables = new java.util.HashMap<>();
            for (String[] row : session.query("SHOW GLOBAL VARIABLES WHERE Variable_name IN ('server_uid', 'port')")) {
                variables.put(row[0], row[1]);
            }
            return serverUid(variables);
        } catch (SQLException e) {
            throw new CollectionException("cannot read the server id from " + server.describe() + ": " + e.getMessage(), e);
        }
    }

    private void addHeader(Report.Builder report) {
        report.add(ReportKeys.FORMAT_VERSION, ReportKeys.CURRENT_FORMAT_VERSION);
        report.add(ReportKeys.AGENT_VERSION, agentVersion);
        report.add(ReportKeys.USER_INFO, userFacts.userInfo());
        addIfGiven(report, ReportKeys.COMPANY, userFacts.company());
        addIfGiven(report, ReportKeys.LOCATION, userFacts.location());
        addIfGiven(report, ReportKeys.CONTRACT_ID, userFacts.contractId());
    }

    private static void addIfGiven(Report.Builder report, String key, String value) {
        if (!value.isEmpty()) {
            report.add(key, value);
        }
    }

    private Session openSession(boolean profile) throws CollectionException {
        try {
            return Session.open(server, profile);
        } catch (SQLException e) {
            throw new CollectionException("cannot read the database server " + server.describe() + ": "
                    + e.getMessage() + "; check --host, --port, --user and --password", e);
        }
    }

    /** Runs one collector; returns {@code ok} or {@code failed: <reason>} and keeps its entries only on success. */
    private static String run(Collector collector, CollectionContext context, Report.Builder report, Map<String, String> origins) {
        Report.Builder own = Report.builder();
        try {
            collector.collect(context, own);
            keep(collector, own.build(), report, origins);
            return "ok";
        } catch (Exception e) {
            return failed(collector, e, report);
        }
    }

    private static String runWithTimeout(Collector collector, CollectionContext context, Report.Builder report,
                                         Map<String, String> origins) {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "feedback-agent-" + collector.name());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Report.Builder own = Report.builder();
            Future<?> done = executor.submit(() -> {
                collector.collect(context, own);
                return null;
            });
            done.get(HOST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            keep(collector, own.build(), report, origins);
            return "ok";
        } catch (ExecutionException e) {
            return failed(collector, e.getCause(), report);
        } catch (TimeoutException e) {
            return failed(collector, e, report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(collector, e, report);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void keep(Collector collector, Report entries, Report.Builder report, Map<String, String> origins) {
        report.addAll(entries);
        for (Report.Entry entry : entries.entries()) {
            origins.putIfAbsent(entry.name().toLowerCase(java.util.Locale.ROOT), collector.name());
        }
    }

    private static String failed(Collector collector, Throwable failure, Report.Builder report) {
        for (String key : collector.keysOnFailure()) {
            report.add(key, ReportKeys.UNKNOWN);
        }
        String reason = FailureReason.of(failure);
        LOG.log(Level.WARNING, "collector " + collector.name() + " failed, so its facts are reported as unknown: "
                + (failure.getMessage() == null ? reason : failure.getMessage()));
        return "failed: " + reason;
    }

    private String serverUid(Map<String, String> variables) {
        String variable = variables == null ? null : variables.get("server_uid");
        int port = variables == null ? server.port() : parsePort(variables.get("port"), server.port());
        String uid = ServerUid.resolve(variable, port, macSource, stateDir);
        lastServerUid = uid;
        return uid;
    }

    private static int parsePort(String port, int fallback) {
        try {
            return port == null ? fallback : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Raised when a report cannot be collected because the database server cannot be reached or read. */
    public static final class CollectionException extends Exception {
        private static final long serialVersionUID = 1L;

        CollectionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
