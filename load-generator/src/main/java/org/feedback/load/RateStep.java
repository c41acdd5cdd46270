package org.feedback.load;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** One fixed upload rate for a fixed time, and what came of it. */
final class RateStep {

    private static final long DRAIN_SECONDS = 30;

    private final Vertx vertx;
    private final HttpClient client;
    private final String path;
    private final ReportBodies bodies;
    private final int servers;
    private final String runId;
    private final long firstSequence;
    private final int maxInFlight;

    // Touched only on the Vert.x event loop that runs the timer and the replies.
    private final Histogram latencyMicros = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    private final Map<String, Long> failures = new TreeMap<>();
    private long sent;
    private long stored;
    private long inFlight;
    private boolean overloaded;
    private long startNanos;
    private long drainedNanos;

    RateStep(Vertx vertx, HttpClient client, String path, ReportBodies bodies, int servers, String runId,
             long firstSequence, int maxInFlight) {
        this.vertx = vertx;
        this.client = client;
        this.path = path;
        this.bodies = bodies;
        this.servers = servers;
        this.runId = runId;
        this.firstSequence = firstSequence;
        this.maxInFlight = maxInFlight;
    }

    /** Summary of one step; {@code storedPerSecond} divides by the time from the first send to the last reply. */
    record Result(int rate, int seconds, long sent, long stored, double storedPerSecond, Map<String, Long> failures,
                  double p50Millis, double p99Millis, double maxMillis, boolean overloaded) {

        @Override
        public String toString() {
            return String.format("rate %5d/s for %d s: sent %d, stored %d (%.0f/s), failed %s, p50 %.1f ms, p99 %.1f ms,"
                    + " max %.1f ms%s", rate, seconds, sent, stored, storedPerSecond, failures, p50Millis, p99Millis,
                    maxMillis, overloaded ? ", OVERLOADED" : "");
        }
    }

    /** Sends at {@code rate} uploads per second for {@code seconds}, waits for the replies, and summarizes. */
    Result run(int rate, int seconds) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long total = (long) rate * seconds;
        vertx.runOnContext(ignored -> {
            startNanos = System.nanoTime();
            vertx.setPeriodic(1, timer -> {
                long due = Math.min(total, (System.nanoTime() - startNanos) * rate / TimeUnit.SECONDS.toNanos(1));
                while (sent < due && !overloaded) {
                    long intendedNanos = startNanos + sent * TimeUnit.SECONDS.toNanos(1) / rate;
                    send(firstSequence + sent, intendedNanos, done, total);
                    sent++;
                    overloaded = inFlight > maxInFlight;
                }
                if (sent >= total || overloaded) {
                    vertx.cancelTimer(timer);
                    completeWhenDrained(done);
                }
            });
        });
        try {
            done.get(seconds + DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            overloaded = true;
        }
        CompletableFuture<Result> result = new CompletableFuture<>();
        vertx.runOnContext(ignored -> result.complete(summarize(rate, seconds)));
        return result.get(10, TimeUnit.SECONDS);
    }

    private void send(long sequence, long intendedNanos, CompletableFuture<Void> done, long total) {
        inFlight++;
        client.request(HttpMethod.POST, path)
                .compose(request -> request
                        .putHeader(HttpHeaders.CONTENT_TYPE, ReportBodies.CONTENT_TYPE)
                        .putHeader(HttpHeaders.ACCEPT, "application/json")
                        .send(bodies.body(sequence, servers, runId)))
                .compose(response -> response.body().map(ignored -> response))
                .onComplete(reply -> {
                    inFlight--;
                    latencyMicros.recordValue(Math.min(latencyMicros.getHighestTrackableValue(),
                            (System.nanoTime() - intendedNanos) / 1000));
                    if (reply.succeeded() && reply.result().statusCode() == 200) {
                        stored++;
                    } else {
                        failures.merge(describe(reply.succeeded() ? reply.result() : null, reply.cause()), 1L, Long::sum);
                    }
                    if (sent >= total || overloaded) {
                        completeWhenDrained(done);
                    }
                });
    }

    private void completeWhenDrained(CompletableFuture<Void> done) {
        if (inFlight == 0 && !done.isDone()) {
            drainedNanos = System.nanoTime();
            done.complete(null);
        }
    }

    private static String describe(HttpClientResponse response, Throwable cause) {
        if (response != null) {
            return "HTTP " + response.statusCode();
        }
        return cause == null ? "unknown" : cause.getClass().getSimpleName();
    }

    private Result summarize(int rate, int seconds) {
        long endNanos = drainedNanos != 0 ? drainedNanos : System.nanoTime();
        double elapsedSeconds = (endNanos - startNanos) / (double) TimeUnit.SECONDS.toNanos(1);
        return new Result(rate, seconds, sent, stored, stored / elapsedSeconds, Map.copyOf(failures),
                latencyMicros.getValueAtPercentile(50) / 1000.0, latencyMicros.getValueAtPercentile(99) / 1000.0,
                latencyMicros.getMaxValue() / 1000.0, overloaded);
    }
}
