package org.feedback.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The server's own settings, under the prefix {@code feedback}; the README lists them with their defaults. */
@ConfigMapping(prefix = "feedback")
public interface IngestConfig {

    /**
     * Folder of the embedded H2 database: an absolute path, or one starting with {@code ./}. Only the default
     * JDBC URL uses it.
     */
    @WithDefault("./data")
    String dataDir();

    /** Largest accepted upload body; larger uploads get 413. */
    @WithDefault("256K")
    MemorySize maxUploadSize();

    /** How long a sender should wait before retrying after a 503 reply, sent as {@code Retry-After}. */
    @WithDefault("30S")
    Duration retryAfter();

    RateLimit rateLimit();

    Store store();

    Retention retention();

    Admin admin();

    /** Per-client limit on uploads, kept in memory only. */
    interface RateLimit {

        /** Whether uploads are limited per client address at all. */
        @WithDefault("true")
        boolean enabled();

        /** Uploads one client address may send per minute on average. */
        @WithDefault("60")
        int uploadsPerMinute();

        /** Uploads one client address may send in a burst before the average applies. */
        @WithDefault("30")
        int burst();

        /** Client addresses tracked at once; the least recently seen are forgotten first. */
        @WithDefault("100000")
        int maxTrackedClients();
    }

    /** How reports are written: in small groups, one transaction per group. */
    interface Store {

        /** Maximum number of reports committed in one transaction. */
        @WithDefault("64")
        int maxGroupSize();

        /**
         * Threads writing groups concurrently, each with its own database connection. One is the default:
         * reports that arrive while it commits wait and form the next group, so groups grow with the load
         * and the database does fewer, larger transactions (docs/benchmarks.md).
         */
        @WithDefault("1")
        int writers();

        /** Reports waiting to be written before new uploads get 503. */
        @WithDefault("10000")
        int queueCapacity();

        /** Zstd level (1 fastest to 19 smallest) of stored report bodies. */
        @WithDefault("1")
        int compressionLevel();
    }

    /** Deletion of old raw reports; servers and aggregate facts are kept. */
    interface Retention {

        /** Age after which a raw report is deleted, measured from its arrival. */
        @WithDefault("400d")
        Duration maxAge();

        /** How often the retention job runs. */
        @WithDefault("1h")
        String interval();
    }

    /** The admin API under {@code /api/v1/admin}. */
    interface Admin {

        /**
         * API keys that unlock the admin API, sent as {@code Authorization: Bearer KEY}. Without any key the
         * admin API rejects every call.
         */
        Optional<List<String>> apiKeys();
    }
}
