package org.feedback.ingest;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.feedback.report.Report;
import org.feedback.report.ServerFacts;
import org.jboss.logging.Logger;

/**
 * Stores reports with group commit: uploads wait in a bounded queue, a few writer threads each take up to
 * {@code feedback.store.max-group-size} of them and write them in one transaction, and each upload's future
 * completes only after that transaction has committed. Under load a commit serves many reports; with a
 * single upload in flight the group has one report and waits for no other upload.
 *
 * <p>A group that fails for a reason other than a lost connection is retried one report at a time, so
 * that one report the database rejects cannot fail the others. A report that still fails, and every
 * report when the database is unreachable or the queue is full, completes with
 * {@link StorageUnavailableException}; the endpoints turn that into 503 and the sender retries.
 */
@Startup
@ApplicationScoped
public class ReportStore {

    private static final Logger LOG = Logger.getLogger(ReportStore.class);
    /** Attempts of one group: the first without looking up stored copies, then two with the look-up. */
    private static final int MAX_ATTEMPTS = 3;
    private static final long POLL_MILLIS = 200;
    private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Inject
    DataSource dataSource;

    @Inject
    Event<ReportsStoredEvent> storedEvents;

    @Inject
    IngestConfig config;

    @Inject
    IngestMetrics metrics;

    private BlockingQueue<PendingReport> queue;
    private GroupWriter groupWriter;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;
    private final LongAdder completed = new LongAdder();
    private final AtomicLong lastFailureLogNanos = new AtomicLong();
    private final AtomicLong suppressedFailures = new AtomicLong();

    @PostConstruct
    void start() {
        IngestConfig.Store store = config.store();
        queue = new ArrayBlockingQueue<>(store.queueCapacity());
        groupWriter = new GroupWriter(dataSource, storedEvents);
        running = true;
        for (int i = 0; i < store.writers(); i++) {
            Thread writer = new Thread(() -> drain(store.maxGroupSize()), "report-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** Stops taking reports, writes those still queued, and waits for the writers to finish. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /**
     * Queues one scrubbed report for storing. The returned future completes after the report's transaction
     * has committed, or exceptionally with {@link StorageUnavailableException}.
     */
    CompletableFuture<StoredReport> submit(ServerFacts facts, Report scrubbed, PreparedReport prepared, long receivedAt) {
        PendingReport pending = PendingReport.of(facts, scrubbed, prepared, receivedAt);
        if (!running || !queue.offer(pending)) {
            pending.result().completeExceptionally(new StorageUnavailableException(
                    "the server is overloaded: " + queue.size() + " reports are waiting to be stored", null));
        }
        return pending.result();
    }

    /** Returns the number of reports waiting to be written. */
    int queued() {
        return queue.size();
    }

    /** Returns how many uploads have had their report committed since start, resends included. */
    public long committedUploads() {
        return completed.sum();
    }

    private void drain(int maxGroupSize) {
        List<PendingReport> group = new ArrayList<>(maxGroupSize);
        while (running || !queue.isEmpty()) {
            try {
                PendingReport first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroupSize - 1);
                storeGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "writing a group of %d reports failed unexpectedly", group.size());
                fail(group, e);
            } finally {
                group.clear();
            }
        }
    }

    private void storeGroup(List<PendingReport> group) {
        try {
            complete(group, writeWithRetries(group));
        } catch (Exception e) {
            if (group.size() > 1 && !isConnectionFailure(e)) {
                LOG.warnf("a group of %d reports failed (%s); storing them one by one", group.size(), describe(e));
                for (PendingReport report : group) {
                    storeGroup(List.of(report));
                }
                return;
            }
            logFailure(group.size(), e);
            fail(group, e);
        }
    }

    private List<StoredReport> writeWithRetries(List<PendingReport> group) throws Exception {
        for (int attempt = 1; ; attempt++) {
            boolean lookUpExisting = attempt > 1;
            try {
                return inTransaction(group, lookUpExisting);
            } catch (Exception e) {
                if (attempt == MAX_ATTEMPTS || !isRetryable(e)) {
                    throw e;
                }
                LOG.debugf("retrying a group of %d reports after: %s", group.size(), describe(e));
            }
        }
    }

    private List<StoredReport> inTransaction(List<PendingReport> group, boolean lookUpExisting) throws Exception {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            return QuarkusTransaction.requiringNew().call(() -> groupWriter.write(group, lookUpExisting));
        } finally {
            requestContext.terminate();
        }
    }

    /** Logs a failed group; during an outage at most once per {@link #FAILURE_LOG_INTERVAL_NANOS}, with a count. */
    private void logFailure(int reports, Exception failure) {
        long now = System.nanoTime();
        long suppressed = suppressedFailures.incrementAndGet() - 1;
        long last = lastFailureLogNanos.get();
        if (last != 0 && now - last < FAILURE_LOG_INTERVAL_NANOS || !lastFailureLogNanos.compareAndSet(last, now)) {
            return;
        }
        suppressedFailures.addAndGet(-(suppressed + 1));
        LOG.errorf("storing %d report(s) failed, replying 503 so the senders retry: %s%s", reports, describe(failure),
                suppressed > 0 ? " (" + suppressed + " more failed groups since the last message)" : "");
    }

    private void complete(List<PendingReport> group, List<StoredReport> outcomes) {
        metrics.groupCommitted(group.size());
        completed.add(group.size());
        long now = System.nanoTime();
        for (int i = 0; i < group.size(); i++) {
            PendingReport report = group.get(i);
            metrics.storageLatency(now - report.submittedNanos());
            report.result().complete(outcomes.get(i));
        }
    }

    private static void fail(List<PendingReport> group, Exception cause) {
        // The reply is public: the cause (which may name the database host) goes to the log only.
        StorageUnavailableException failure = new StorageUnavailableException("the database is unavailable", cause);
        for (PendingReport report : group) {
            report.result().completeExceptionally(failure);
        }
    }

    /** Returns whether retrying can help: a unique-key violation (a copy stored meanwhile) or a deadlock. */
    private static boolean isRetryable(Throwable failure) {
        for (SQLException e : sqlExceptions(failure)) {
            String state = e.getSQLState();
            if (e instanceof SQLIntegrityConstraintViolationException || "23505".equals(state)
                    || "40001".equals(state) || "40P01".equals(state) || e.getErrorCode() == 1213) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable failure) {
        for (SQLException e : sqlExceptions(failure)) {
            String state = e.getSQLState();
            if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                    || state != null && state.startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Returns the SQL exceptions in the cause chain of {@code failure}, with their chained next exceptions. */
    private static List<SQLException> sqlExceptions(Throwable failure) {
        List<SQLException> found = new ArrayList<>();
        for (Throwable cause = failure; cause != null && found.size() < 20; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null && found.size() < 20; next = next.getNextException()) {
                    found.add(next);
                }
            }
        }
        return found;
    }

    /** Describes a failure by its innermost message, without class names, for logs and 503 replies. */
    private static String describe(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return message == null ? "no detail given" : message;
    }
}
