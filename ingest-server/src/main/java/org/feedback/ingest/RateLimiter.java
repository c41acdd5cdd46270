package org.feedback.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Limits uploads per client address with one token bucket per address: {@code burst} uploads at once, then
 * {@code uploads-per-minute} on average. Addresses are kept in memory only, never stored or logged, and an
 * address is forgotten once its bucket would be full again.
 */
@ApplicationScoped
class RateLimiter {

    private final boolean enabled;
    private final double tokensPerNano;
    private final int burst;
    private final Cache<String, Bucket> buckets;

    @Inject
    RateLimiter(IngestConfig config) {
        IngestConfig.RateLimit limit = config.rateLimit();
        if (limit.enabled() && (limit.uploadsPerMinute() < 1 || limit.burst() < 1)) {
            throw new IllegalArgumentException("feedback.rate-limit.uploads-per-minute (" + limit.uploadsPerMinute()
                    + ") and feedback.rate-limit.burst (" + limit.burst() + ") must be at least 1;"
                    + " set feedback.rate-limit.enabled=false to switch the limit off");
        }
        this.enabled = limit.enabled();
        this.burst = Math.max(1, limit.burst());
        this.tokensPerNano = Math.max(1, limit.uploadsPerMinute()) / (double) TimeUnit.MINUTES.toNanos(1);
        Duration refill = Duration.ofNanos((long) Math.ceil(burst / tokensPerNano));
        this.buckets = Caffeine.newBuilder()
                .maximumSize(limit.maxTrackedClients())
                .expireAfterAccess(refill)
                .build();
    }

    /**
     * Takes one upload from the client's bucket. Returns 0 when the upload may proceed, otherwise the whole
     * seconds until the client may upload again.
     */
    long acquire(String clientAddress) {
        if (!enabled) {
            return 0;
        }
        Bucket bucket = buckets.get(clientAddress, address -> new Bucket(burst, System.nanoTime()));
        return bucket.take(System.nanoTime(), tokensPerNano, burst);
    }

    /** Tokens of one client; refilled lazily from the time of the last call. */
    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(int tokens, long nowNanos) {
            this.tokens = tokens;
            this.updatedNanos = nowNanos;
        }

        synchronized long take(long nowNanos, double tokensPerNano, int burst) {
            tokens = Math.min(burst, tokens + (nowNanos - updatedNanos) * tokensPerNano);
            updatedNanos = nowNanos;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double waitNanos = (1 - tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(waitNanos / TimeUnit.SECONDS.toNanos(1)));
        }
    }
}
