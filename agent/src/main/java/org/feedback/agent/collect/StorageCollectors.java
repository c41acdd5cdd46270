package org.feedback.agent.collect;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.feedback.report.Report;
import org.feedback.report.ReportKeys;

/** The collectors of storage facts: tables and bytes per engine, and the number and sizes of databases. */
final class StorageCollectors {

    private StorageCollectors() {
    }

    /**
     * {@code Engine <ENGINE> tables} and {@code Engine <ENGINE> bytes} for each engine that has user tables.
     * When the account does not see every table, every active engine is listed with {@code unknown}.
     */
    static final class Engines implements Collector {
        @Override
        public String name() {
            return "engines";
        }

        @Override
        public List<String> keysOnFailure() {
            return List.of();
        }

        @Override
        public void collect(CollectionContext context, Report.Builder out) throws SQLException {
            StorageInventory inventory = context.inventory();
            Optional<Map<String, Long>> tablesByEngine = inventory.tablesByEngine();
            if (tablesByEngine.isEmpty()) {
                for (String engine : activeEngines(context)) {
                    out.add(ReportKeys.engineTablesKey(engine), ReportKeys.UNKNOWN);
                    out.add(ReportKeys.engineBytesKey(engine), ReportKeys.UNKNOWN);
                }
                return;
            }
            tablesByEngine.get().forEach((engine, tables) -> {
                out.add(ReportKeys.engineTablesKey(engine), String.valueOf(tables));
                out.add(ReportKeys.engineBytesKey(engine), known(inventory.engineBytes(engine)));
            });
        }

        private static List<String> activeEngines(CollectionContext context) {
            List<String> engines = context.activeEngines();
            return engines == null ? List.of() : engines.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        }
    }

    /**
     * {@code Databases_count}, {@code Databases_bytes} and {@code Databases_size_bucket_<k>}: the number of
     * user databases whose size in bytes is in [10^k, 10^(k+1)), where k = 0 also counts empty ones. The
     * buckets run from 0 to the largest occupied one and are written only when every size is known.
     */
    static final class Databases implements Collector {
        @Override
        public String name() {
            return "databases";
        }

        @Override
        public List<String> keysOnFailure() {
            return List.of(ReportKeys.DATABASES_COUNT, ReportKeys.DATABASES_BYTES);
        }

        @Override
        public void collect(CollectionContext context, Report.Builder out) throws SQLException {
            StorageInventory inventory = context.inventory();
            Optional<List<String>> databases = inventory.databases();
            if (databases.isEmpty()) {
                out.add(ReportKeys.DATABASES_COUNT, ReportKeys.UNKNOWN);
                out.add(ReportKeys.DATABASES_BYTES, ReportKeys.UNKNOWN);
                return;
            }
            out.add(ReportKeys.DATABASES_COUNT, String.valueOf(databases.get().size()));

            long total = 0;
            Map<Integer, Long> buckets = new TreeMap<>();
            for (String database : databases.get()) {
                OptionalLong bytes = inventory.databaseBytes(database);
                if (bytes.isEmpty()) {
                    out.add(ReportKeys.DATABASES_BYTES, ReportKeys.UNKNOWN);
                    return;
                }
                total += bytes.getAsLong();
                buckets.merge(bucket(bytes.getAsLong()), 1L, Long::sum);
            }
            out.add(ReportKeys.DATABASES_BYTES, String.valueOf(total));
            int largest = buckets.isEmpty() ? -1 : ((TreeMap<Integer, Long>) buckets).lastKey();
            for (int k = 0; k <= largest; k++) {
                out.add(ReportKeys.databasesSizeBucketKey(k), String.valueOf(buckets.getOrDefault(k, 0L)));
            }
        }

        /** Returns k such that {@code bytes} is in [10^k, 10^(k+1)); 0 for 0 bytes. */
        static int bucket(long bytes) {
            int k = 0;
            for (long bound = 10; bytes >= bound && k < 18; bound *= 10) {
                k++;
            }
            return k;
        }
    }

    private static String known(OptionalLong value) {
        return value.isPresent() ? String.valueOf(value.getAsLong()) : ReportKeys.UNKNOWN;
    }
}
