package org.feedback.agent.deliver;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.feedback.report.Report;
import org.feedback.report.ReportWriter;

/**
 * Delivers every report to every URL, through outages and restarts. A report is written to the
 * {@link Spool} before the first post, then each URL is tried on its own: a URL that fails is tried again
 * after the retry wait until it takes the report, the report is superseded by a newer full report, or the
 * server rejects it as invalid (400, 413, 415, 422), which is logged and not retried.
 *
 * <p>All work runs on the given scheduler, which must have one thread: the spool is not thread-safe.
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Spool spool;
    private final ReportSender sender;
    private final List<URI> urls;
    private final Duration retryWait;
    private final ScheduledExecutorService scheduler;

    /**
     * @param spool      where undelivered reports are kept
     * @param sender     posts one report to one URL
     * @param urls       the configured URLs
     * @param retryWait  wait before posting again to a URL that failed
     * @param scheduler  a single-threaded scheduler that runs every attempt
     */
    public Outbox(Spool spool, ReportSender sender, List<URI> urls, Duration retryWait, ScheduledExecutorService scheduler) {
        this.spool = spool;
        this.sender = sender;
        this.urls = List.copyOf(urls);
        this.retryWait = retryWait;
        this.scheduler = scheduler;
    }

    /**
     * Schedules the delivery of what an earlier run left in the spool. URLs that are no longer configured,
     * and reports of a kind no longer enabled, are dropped and logged: a setting disabled in the
     * configuration stays disabled for reports made before.
     */
    public void resume(Set<ReportKind> enabledKinds) throws IOException {
        for (Spool.Entry entry : spool.entries()) {
            if (!enabledKinds.contains(entry.kind())) {
                LOG.info("spooled report " + entry.name() + " is not sent: its kind " + entry.kind() + " is no longer enabled");
                spool.remove(entry.name());
                continue;
            }
            for (URI url : entry.pendingUrls()) {
                if (urls.contains(url)) {
                    schedule(entry.name(), url, Duration.ZERO);
                } else {
                    LOG.info("spooled report " + entry.name() + " is not sent to '" + url + "': the URL is no longer configured");
                    spool.markServed(entry.name(), url);
                }
            }
        }
    }

    /** Spools {@code report} for every URL and schedules its delivery now; a full report supersedes older ones. */
    public void submit(Report report, ReportKind kind) throws IOException {
        if (kind == ReportKind.FULL) {
            for (Spool.Entry older : spool.entries()) {
                if (older.kind() == ReportKind.FULL) {
                    LOG.warning("undelivered report " + older.name() + " for " + older.pendingUrls()
                            + " is superseded by a newer full report and dropped");
                    spool.remove(older.name());
                }
            }
        }
        Spool.Entry entry = spool.add(ReportWriter.toBytes(report), kind, urls);
        for (URI url : entry.pendingUrls()) {
            schedule(entry.name(), url, Duration.ZERO);
        }
    }

    /**
     * Spools {@code report} and posts it to every URL at once on the calling thread, for the shutdown
     * notice; what is not delivered stays in the spool for the next start. Each post takes at most
     * {@code timeoutPerUrl}.
     */
    public void submitAndWait(Report report, ReportKind kind, Duration timeoutPerUrl) throws IOException {
        Spool.Entry entry = spool.add(ReportWriter.toBytes(report), kind, urls);
        for (URI url : new ArrayList<>(entry.pendingUrls())) {
            Delivery delivery = sender.send(entry.report(), url, timeoutPerUrl);
            if (delivery.succeeded() || delivery.rejectedAsInvalid()) {
                spool.markServed(entry.name(), url);
            }
            if (!delivery.succeeded()) {
                LOG.severe("shutdown notice to '" + url + "' failed: " + delivery.failureReason()
                        + (delivery.rejectedAsInvalid() ? "" : "; it stays in the spool for the next start"));
            }
        }
    }

    private void schedule(String name, URI url, Duration delay) {
        try {
            scheduler.schedule(() -> attempt(name, url), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the agent is stopping; the report stays in the spool for the next start
        }
    }

    private void attempt(String name, URI url) {
        try {
            Spool.Entry entry = spool.find(name);
            if (entry == null || !entry.pendingUrls().contains(url)) {
                return;
            }
            Delivery delivery = sender.send(entry.report(), url);
            if (delivery.succeeded()) {
                spool.markServed(name, url);
            } else if (delivery.rejectedAsInvalid()) {
                LOG.severe("server at '" + url + "' rejected report " + name + " as invalid (" + delivery.failureReason()
                        + "); it is not sent there again");
                spool.markServed(name, url);
            } else if (!Thread.currentThread().isInterrupted()) {
                LOG.warning("report to '" + url + "' failed: " + delivery.failureReason() + "; retrying in "
                        + retryWait.toSeconds() + " s");
                schedule(name, url, retryWait);
            }
        } catch (IOException e) {
            LOG.severe("spool failed while delivering report " + name + " to '" + url + "': " + e.getMessage()
                    + "; retrying in " + retryWait.toSeconds() + " s");
            schedule(name, url, retryWait);
        }
    }
}
