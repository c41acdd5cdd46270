package org.feedback.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The per-item facts of one report, gathered in one pass over its entries: engines, plugins, features,
 * collations, the database size histogram and the collectors that failed.
 */
final class ItemFacts {

    /**
     * MySQL status values that stand for a feature MariaDB counts with a {@code Feature_*} value, or that
     * MySQL alone has: the feature counts as used when the value is a number above zero or {@code ON}.
     * These are counters since the server started, so a feature used only before the last restart is missed.
     */
    private static final StatusFeature[] STATUS_FEATURES = {
            new StatusFeature("Com_xa_start", "xa"),
            new StatusFeature("Mysqlx_sessions_accepted", "x_protocol"),
            new StatusFeature("Secondary_engine_execution_count", "secondary_engine"),
            new StatusFeature("Rpl_semi_sync_master_status", "semisync_replication"),
            new StatusFeature("Rpl_semi_sync_source_status", "semisync_replication")};

    /**
     * Bit {@code n} is set when a name in {@link #STATUS_FEATURES} has {@code n} characters. Names of other
     * lengths cannot equal one of them, ignoring case or not, so they skip the loop.
     */
    private static final long STATUS_FEATURE_NAME_LENGTHS = lengthBits(STATUS_FEATURES);

    /** A MySQL status value and the feature whose use it counts. */
    private record StatusFeature(String status, String feature) {
    }

    private static final String COLLECTOR_PREFIX = ReportKeys.collectorKey("");
    private static final String FAILED_PREFIX = "failed:";

    private final Map<String, Long> tablesByEngine = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Long> bytesByEngine = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<String> activePlugins = new LinkedHashSet<>();
    private final Set<String> versionedPlugins = new LinkedHashSet<>();
    private boolean hasPluginStatus;
    private final Set<String> features = new LinkedHashSet<>();
    private final Map<String, Long> collations = new LinkedHashMap<>();
    private final Map<Integer, Long> sizeBuckets = new TreeMap<>();
    private final Map<String, String> failedCollectors = new LinkedHashMap<>();

    private ItemFacts() {
    }

    static ItemFacts of(Report report) {
        ItemFacts facts = new ItemFacts();
        for (Report.Entry entry : report.entries()) {
            facts.accept(entry.name(), entry.value());
        }
        return facts;
    }

    private void accept(String name, String value) {
        if (name.indexOf(' ') < 0) {
            acceptStatusLike(name, value);
        } else if (startsWithIgnoreCase(name, COLLECTOR_PREFIX)) {
            acceptCollector(name.substring(COLLECTOR_PREFIX.length()), value);
        } else {
            acceptItem(name, value);
        }
    }

    /** Handles names without a space: variables, status values and the agent's own keys. */
    private void acceptStatusLike(String name, String value) {
        if (startsWithIgnoreCase(name, ReportKeys.FEATURE_PREFIX)) {
            Long count = FactValues.nonNegativeLong(FactValues.known(value));
            if (count != null && count > 0 && name.length() > ReportKeys.FEATURE_PREFIX.length()) {
                features.add(name.substring(ReportKeys.FEATURE_PREFIX.length()).toLowerCase(Locale.ROOT));
            }
        } else if (startsWithIgnoreCase(name, ReportKeys.DATABASES_SIZE_BUCKET_PREFIX)) {
            acceptSizeBucket(name.substring(ReportKeys.DATABASES_SIZE_BUCKET_PREFIX.length()), value);
        } else {
            String feature = featureOfStatus(name);
            if (feature != null && isUsed(value)) {
                features.add(feature);
            }
        }
    }

    /** Handles names with a space: per-engine, per-plugin and per-collation keys. */
    private void acceptItem(String name, String value) {
        String item;
        if (startsWithIgnoreCase(name, ReportKeys.COLLATION_USED_PREFIX)) {
            Long count = FactValues.nonNegativeLong(FactValues.known(value));
            String collation = name.substring(ReportKeys.COLLATION_USED_PREFIX.length()).strip();
            if (count != null && !collation.isEmpty()) {
                collations.merge(collation, count, Long::sum);
            }
        } else if ((item = ReportKeys.engineOfTablesKey(name)) != null) {
            putCount(tablesByEngine, item, value);
        } else if ((item = ReportKeys.engineOfBytesKey(name)) != null) {
            putCount(bytesByEngine, item, value);
        } else if ((item = ReportKeys.pluginOfStatusKey(name)) != null) {
            hasPluginStatus = true;
            if ("ACTIVE".equalsIgnoreCase(value.strip())) {
                activePlugins.add(item);
            }
        } else if ((item = ReportKeys.pluginOfVersionKey(name)) != null) {
            versionedPlugins.add(item);
        }
    }

    private void acceptCollector(String collector, String value) {
        String status = value.strip();
        if (startsWithIgnoreCase(status, FAILED_PREFIX) && !collector.isBlank()) {
            failedCollectors.put(collector, status.substring(FAILED_PREFIX.length()).strip());
        }
    }

    private void acceptSizeBucket(String exponentText, String value) {
        Long exponent = FactValues.nonNegativeLong(exponentText);
        Long count = FactValues.nonNegativeLong(FactValues.known(value));
        if (exponent != null && exponent <= 20 && count != null) {
            sizeBuckets.put(exponent.intValue(), count);
        }
    }

    private static void putCount(Map<String, Long> target, String item, String value) {
        Long count = FactValues.nonNegativeLong(FactValues.known(value));
        if (count != null) {
            target.putIfAbsent(item, count);
        }
    }

    private static boolean isUsed(String value) {
        String known = FactValues.known(value);
        if (known == null) {
            return false;
        }
        if (known.equalsIgnoreCase("ON")) {
            return true;
        }
        Long count = FactValues.nonNegativeLong(known);
        return count != null && count > 0;
    }

    /**
     * Returns the feature whose use the MySQL status value {@code name} counts, ignoring case, or null. The
     * length test and a loop over five names cost less than a case-insensitive map look-up.
     */
    private static String featureOfStatus(String name) {
        if (name.length() >= Long.SIZE || (STATUS_FEATURE_NAME_LENGTHS & (1L << name.length())) == 0) {
            return null;
        }
        for (StatusFeature candidate : STATUS_FEATURES) {
            if (candidate.status().equalsIgnoreCase(name)) {
                return candidate.feature();
            }
        }
        return null;
    }

    private static long lengthBits(StatusFeature[] statusFeatures) {
        long bits = 0;
        for (StatusFeature statusFeature : statusFeatures) {
            bits |= 1L << statusFeature.status().length();
        }
        return bits;
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    Map<String, ServerFacts.EngineUsage> engines() {
        Map<String, ServerFacts.EngineUsage> engines = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> names = new LinkedHashSet<>(tablesByEngine.keySet());
        names.addAll(bytesByEngine.keySet());
        for (String engine : names) {
            engines.putIfAbsent(engine, new ServerFacts.EngineUsage(optional(tablesByEngine.get(engine)),
                    optional(bytesByEngine.get(engine))));
        }
        return Collections.unmodifiableMap(engines);
    }

    /** Plugins whose status is {@code ACTIVE}; for a report without any status, every plugin with a version. */
    Set<String> activePlugins() {
        return Collections.unmodifiableSet(hasPluginStatus ? activePlugins : versionedPlugins);
    }

    Set<String> features() {
        return Collections.unmodifiableSet(features);
    }

    Map<String, Long> collations() {
        return Collections.unmodifiableMap(collations);
    }

    Map<Integer, Long> sizeBuckets() {
        return Collections.unmodifiableMap(sizeBuckets);
    }

    Map<String, String> failedCollectors() {
        return Collections.unmodifiableMap(failedCollectors);
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
