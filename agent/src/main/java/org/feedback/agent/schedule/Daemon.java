package org.feedback.agent.schedule;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.feedback.agent.collect.Collection;
import org.feedback.agent.collect.CounterSample;
import org.feedback.agent.collect.ReportCollector;
import org.feedback.agent.collect.ReportCollector.CollectionException;
import org.feedback.agent.config.AgentConfig;
import org.feedback.agent.config.SendingMode;
import org.feedback.agent.deliver.Outbox;
import org.feedback.agent.deliver.ReportKind;
import org.feedback.agent.deliver.ReportSender;
import org.feedback.agent.deliver.Spool;

/**
 * The {@code run} daemon: sends a startup notice, a full report every interval and a shutdown notice, as
 * the sending modes choose, and keeps delivering what is undelivered.
 *
 * <p>All scheduled work runs on one thread. {@link #stop()} returns within the shutdown timeout plus at
 * most 7 seconds (2 for the join, 5 for closing the HTTP client), so a service manager's SIGTERM does not
 * wait on a hung database or URL. What is not delivered by then stays in the spool for the next start.
 */
public final class Daemon {

    private static final Logger LOG = Logger.getLogger(Daemon.class.getName());

    private final AgentConfig config;
    private final ReportCollector collector;
    private final Clock clock;
    private final RandomGenerator random;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "feedback-agent-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private StateDirectoryLock lock;
    private ReportSender sender;
    private Outbox outbox;
    private PeriodicSchedule schedule;
    private CounterSample intervalStart;
    private boolean stopRequested;
    /** Whether a failed full report is waiting for its next try; touched only by the scheduler thread. */
    private boolean fullReportRetrying;

    public Daemon(AgentConfig config, ReportCollector collector, Clock clock, RandomGenerator random) {
        this.config = config;
        this.collector = collector;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Takes the state directory's lock, resumes the spool and schedules the reports; returns at once.
     *
     * @throws StateDirectoryLock.LockedException when another agent runs on the same state directory
     */
    public void start() throws IOException, StateDirectoryLock.LockedException {
        lock = StateDirectoryLock.acquire(config.stateDir());
        Spool spool = Spool.open(config.stateDir().resolve("spool"), config.spoolMaxReports(), config.spoolMaxBytes());
        sender = new ReportSender(config.http(), collector.agentVersion());
        outbox = new Outbox(spool, sender, config.urls(), config.sendRetryWait(), scheduler);
        // On the scheduler thread, like every other use of the spool, which is not thread-safe.
        scheduleQuietly(this::resumeSpool, Duration.ZERO);
        schedule = new PeriodicSchedule(config.stateDir(), config.interval(), config.spread(), config.startupDelay(), random);

        scheduleQuietly(this::sampleIntervalStart, Duration.ZERO);
        if (config.sendingModes().contains(SendingMode.STARTUP)) {
            scheduleQuietly(this::sendStartupNotice, config.startupDelay());
        }
        String next = "none (PERIODIC is off)";
        if (config.sendingModes().contains(SendingMode.PERIODIC)) {
            Instant due = schedule.firstDue(clock.instant());
            schedule.keep(due);
            scheduleFullReport(due);
            next = due.toString();
        }
        LOG.info("feedback-agent started: reading " + config.server().describe() + ", sending " + config.sendingModes()
                + " to " + config.urls().size() + " URL(s), next full report at " + next + ", state in " + config.stateDir());
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops the schedule, sends the shutdown notice if enabled, and releases the lock, all within the
     * shutdown timeout plus a few seconds. Calling it again waits for the first call.
     */
    public void stop() {
        synchronized (this) {
            if (stopRequested) {
                awaitQuietly();
                return;
            }
            stopRequested = true;
        }
        Thread steps = new Thread(this::stopSteps, "feedback-agent-shutdown");
        steps.setDaemon(true);
        steps.start();
        try {
            steps.join(config.shutdownTimeout().plusSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (steps.isAlive()) {
            LOG.warning("shutdown did not finish within " + config.shutdownTimeout().toSeconds()
                    + " s; stopping anyway, undelivered reports stay in the spool");
        }
        release();
        LOG.info("feedback-agent stopped");
        stopped.countDown();
    }

    private void stopSteps() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!config.sendingModes().contains(SendingMode.SHUTDOWN) || outbox == null) {
            return;
        }
        Duration perUrl = config.shutdownTimeout().dividedBy(Math.max(1, config.urls().size()));
        Duration timeout = perUrl.compareTo(config.http().sendTimeout()) < 0 ? perUrl : config.http().sendTimeout();
        try {
            outbox.submitAndWait(collector.notice("shutdown"), ReportKind.SHUTDOWN, timeout);
        } catch (CollectionException | IOException e) {
            LOG.severe("shutdown notice not sent: " + e.getMessage());
        }
    }

    private void release() {
        if (sender != null) {
            sender.close();
        }
        try {
            if (lock != null) {
                lock.close();
            }
        } catch (IOException e) {
            LOG.warning("cannot release " + StateDirectoryLock.FILE_NAME + ": " + e.getMessage());
        }
    }

    private void awaitQuietly() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<ReportKind> enabledKinds() {
        Set<ReportKind> kinds = EnumSet.noneOf(ReportKind.class);
        for (SendingMode mode : config.sendingModes()) {
            kinds.add(switch (mode) {
                case STARTUP -> ReportKind.STARTUP;
                case PERIODIC -> ReportKind.FULL;
                case SHUTDOWN -> ReportKind.SHUTDOWN;
            });
        }
        return kinds;
    }

    private void resumeSpool() {
        try {
            outbox.resume(enabledKinds());
        } catch (IOException e) {
            LOG.severe("cannot read the spool in " + config.stateDir() + ": " + e.getMessage()
                    + "; reports left by an earlier run are not sent");
        }
    }

    private void sampleIntervalStart() {
        try {
            intervalStart = collector.sampleCounters();
        } catch (CollectionException e) {
            LOG.warning(e.getMessage() + "; the first full report counts I/O since the server started");
        }
    }

    private void sendStartupNotice() {
        try {
            outbox.submit(collector.notice("startup"), ReportKind.STARTUP);
        } catch (CollectionException | IOException e) {
            LOG.severe("startup notice not sent: " + e.getMessage() + "; trying again in " + config.sendRetryWait().toSeconds() + " s");
            scheduleQuietly(this::sendStartupNotice, config.sendRetryWait());
        }
    }

    private void scheduleFullReport(Instant due) {
        Duration delay = Duration.between(clock.instant(), due);
        scheduleQuietly(() -> {
            if (!fullReportRetrying) {
                sendFullReport();
            }
            scheduleFullReport(schedule.next(due));
        }, delay.isNegative() ? Duration.ZERO : delay);
    }

    /**
     * Collects and submits a full report; when the database cannot be read, tries again after the retry
     * wait, and a due time that comes meanwhile joins those tries instead of starting more.
     */
    private void sendFullReport() {
        fullReportRetrying = false;
        try {
            Collection collection = collector.collect(intervalStart, false);
            collection.nextIntervalStart().ifPresent(counters -> intervalStart = counters);
            outbox.submit(collection.report(), ReportKind.FULL);
            LOG.info("full report collected with " + collection.report().size() + " entries; " + collection.stats().describe());
        } catch (CollectionException e) {
            LOG.severe("full report not collected: " + e.getMessage() + "; trying again in " + config.sendRetryWait().toSeconds() + " s");
            fullReportRetrying = true;
            scheduleQuietly(this::sendFullReport, config.sendRetryWait());
        } catch (IOException e) {
            LOG.severe("full report not written to the spool: " + e.getMessage());
        }
    }

    /** Runs a task and logs what it throws, which the scheduler would otherwise keep to itself. */
    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.log(java.util.logging.Level.SEVERE, "scheduled task failed: " + e, e);
        }
    }

    private void scheduleQuietly(Runnable task, Duration delay) {
        try {
            scheduler.schedule(() -> runLogged(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // stop() has begun; nothing more is scheduled
        }
    }
}
