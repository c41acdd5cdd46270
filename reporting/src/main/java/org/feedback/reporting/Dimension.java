package org.feedback.reporting;

import java.util.List;

/**
 * Names of the breakdowns the dashboards count servers by. Each name is stored in the {@code dimension}
 * column of the dashboard tables, so renaming one needs a migration.
 */
public final class Dimension {

    /** Totals written by the rollup refresh: label {@link #ACTIVE} counts every server, {@link #WITH_FACTS}
     * those that sent at least one full report. */
    public static final String TOTAL = "total";
    public static final String ACTIVE = "active";
    public static final String WITH_FACTS = "with_facts";

    public static final String FLAVOR = "flavor";
    public static final String MAJOR_MINOR = "major_minor";
    /** Flavor and numeric version, {@code MariaDB 10.11.19}. */
    public static final String RELEASE = "release";
    /** The version string exactly as the server reports it, {@code 10.11.19-MariaDB-0+deb12u1}. */
    public static final String VERSION = "version";
    /** Distribution with its version where known, else the operating system name. */
    public static final String OS = "os";
    public static final String OS_FAMILY = "os_family";
    public static final String DISTRIBUTION = "distribution";
    public static final String DISTRIBUTION_VERSION = "distribution_version";
    public static final String KERNEL = "kernel";
    public static final String ARCHITECTURE = "architecture";
    public static final String BITNESS = "bitness";
    public static final String VIRTUALIZATION = "virtualization";
    public static final String CPU_COUNT = "cpu_count";
    public static final String CPU_CORES = "cpu_cores";
    public static final String CPU_SOCKETS = "cpu_sockets";
    public static final String CPU_VENDOR = "cpu_vendor";
    public static final String CPU_MODEL = "cpu_model";
    public static final String MEMORY = "memory";
    public static final String ENGINE = "engine";
    public static final String PLUGIN = "plugin";
    public static final String FEATURE = "feature";
    public static final String COLLATION = "collation";

    /**
     * Server variables whose values the usage page shows, and how each is grouped. Sizes are grouped in ranges
     * between powers of two; other values are shown as sent, in upper case.
     */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("innodb_buffer_pool_size", true, null),
            new Setting("binlog_format", false, null),
            new Setting("query_cache_type", false, null),
            new Setting("default_storage_engine", false, null),
            // MariaDB before 11.1 and MySQL before 5.7.20 name it tx_isolation.
            new Setting("transaction_isolation", false, "tx_isolation"),
            new Setting("max_connections", false, null));

    private static final String SETTING_PREFIX = "setting:";

    private Dimension() {
    }

    /** Returns the dimension that counts servers by the value of server variable {@code variableName}. */
    public static String setting(String variableName) {
        return SETTING_PREFIX + variableName;
    }

    /**
     * A server variable shown on the usage page.
     *
     * @param variableName  the variable, as {@code SHOW GLOBAL VARIABLES} names it
     * @param isSize        whether the value is a size in bytes, grouped in ranges between powers of two
     * @param formerName    the variable's name in older server versions, read when the report lacks
     *                      {@code variableName}; or null
     */
    public record Setting(String variableName, boolean isSize, String formerName) {
    }
}
