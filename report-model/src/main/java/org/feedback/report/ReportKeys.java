package org.feedback.report;

import java.util.Set;

/**
 * Names of the report entries that are not server variables or status values. The names MariaDB's
 * feedback plugin uses are kept where the fact is the same; the keys the plugin does not have are
 * described in {@code docs/report-format.md}.
 */
public final class ReportKeys {

    /** The server's anonymous id (base64 of a SHA-1 digest). */
    public static final String SERVER_UID = "FEEDBACK_SERVER_UID";
    /** Present only in a notice: {@code startup} or {@code shutdown}. */
    public static final String WHEN = "FEEDBACK_WHEN";
    /** Free text given by the server's administrator. */
    public static final String USER_INFO = "FEEDBACK_USER_INFO";
    /** Version of the key scheme an agent report follows; absent from the plugin's reports. */
    public static final String FORMAT_VERSION = "FEEDBACK_FORMAT_VERSION";
    /** Version of the agent that wrote the report. */
    public static final String AGENT_VERSION = "FEEDBACK_AGENT_VERSION";
    /** Company name given by the administrator. */
    public static final String COMPANY = "FEEDBACK_COMPANY";
    /** Geographic location given by the administrator. */
    public static final String LOCATION = "FEEDBACK_LOCATION";
    /** Support contract id given by the administrator. */
    public static final String CONTRACT_ID = "FEEDBACK_CONTRACT_ID";

    /** Number of logical CPUs. */
    public static final String CPU_COUNT = "Cpu_count";
    /** Total physical memory in bytes. */
    public static final String MEM_TOTAL = "Mem_total";
    /** Time the report was made, in seconds since the Unix epoch. */
    public static final String NOW = "Now";
    /** Operating system name, as {@code uname -s} prints it. */
    public static final String UNAME_SYSNAME = "Uname_sysname";
    /** Kernel release, as {@code uname -r} prints it. */
    public static final String UNAME_RELEASE = "Uname_release";
    /** Kernel version, as {@code uname -v} prints it. */
    public static final String UNAME_VERSION = "Uname_version";
    /** Machine architecture, as {@code uname -m} prints it. */
    public static final String UNAME_MACHINE = "Uname_machine";
    /** Distribution, for example {@code os-release: Debian GNU/Linux 12 (bookworm)}. */
    public static final String UNAME_DISTRIBUTION = "Uname_distribution";

    /** CPU model name, for example {@code Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz}. */
    public static final String HOST_CPU_MODEL = "Host_cpu_model";
    /** CPU vendor, for example {@code GenuineIntel} or {@code AuthenticAMD}. */
    public static final String HOST_CPU_VENDOR = "Host_cpu_vendor";
    /** Nominal CPU frequency, in Hz. */
    public static final String HOST_CPU_SPEED_HZ = "Host_cpu_speed_hz";
    /** Number of CPU sockets (physical packages). */
    public static final String HOST_CPU_SOCKETS = "Host_cpu_sockets";
    /** Number of physical CPU cores, over all sockets. */
    public static final String HOST_CPU_CORES = "Host_cpu_cores";
    /** Width of the CPU's address space: {@code 32} or {@code 64}. */
    public static final String HOST_CPU_BITS = "Host_cpu_bits";
    /** Hypervisor the host runs under, for example {@code kvm}, or {@code none}, or {@link #UNKNOWN}. */
    public static final String HOST_VIRTUALIZATION = "Host_virtualization";
    /** Container runtime the server runs in, for example {@code docker}, or {@code none}, or {@link #UNKNOWN}. */
    public static final String HOST_CONTAINER = "Host_container";
    /** Operating system family, for example {@code Linux}, {@code Windows}, {@code macOS}, {@code FreeBSD}. */
    public static final String OS_FAMILY = "Os_family";
    /** Distribution name, for example {@code Debian GNU/Linux} or {@code Ubuntu}. */
    public static final String OS_DISTRIBUTION_NAME = "Os_distribution_name";
    /** Distribution version, for example {@code 12} or {@code 22.04}. */
    public static final String OS_DISTRIBUTION_VERSION = "Os_distribution_version";
    /** Number of user databases (schemas other than the server's own). */
    public static final String DATABASES_COUNT = "Databases_count";
    /** Data and index size of all user databases, in bytes. */
    public static final String DATABASES_BYTES = "Databases_bytes";
    /**
     * Prefix of the database size histogram: {@code Databases_size_bucket_<k>} is the number of user
     * databases whose size in bytes lies in [10<sup>k</sup>, 10<sup>k+1</sup>); bucket 0 also counts
     * empty databases. See {@link #databasesSizeBucketKey(int)}.
     */
    public static final String DATABASES_SIZE_BUCKET_PREFIX = "Databases_size_bucket_";
    /** Length of the interval over which {@link #deltaKey} and {@link #rateKey} entries were sampled, in seconds. */
    public static final String IO_INTERVAL_SECONDS = "Io_interval_seconds";
    /** The value written when a fact could not be read. It is never written as {@code 0}. */
    public static final String UNKNOWN = "unknown";

    /** Prefix of MariaDB's feature counters, such as {@code Feature_json}, in the status values. */
    public static final String FEATURE_PREFIX = "Feature_";
    /** Prefix of the plugin's collation counters: {@code Collation used <collation>} = number of uses. */
    public static final String COLLATION_USED_PREFIX = "Collation used ";

    private static final String ENGINE_PREFIX = "Engine ";
    private static final String COLLECTOR_PREFIX = "Collector ";
    private static final String TABLES_SUFFIX = " tables";
    private static final String BYTES_SUFFIX = " bytes";
    private static final String VERSION_SUFFIX = " version";
    private static final String STATUS_SUFFIX = " status";
    private static final String TYPE_SUFFIX = " type";
    private static final String DELTA_SUFFIX = " delta";
    private static final String RATE_SUFFIX = " rate";

    /** The key scheme version this library writes in {@link #FORMAT_VERSION}. */
    public static final String CURRENT_FORMAT_VERSION = "1";

    /** Keys whose values the administrator typed in; never shown on public pages. */
    public static final Set<String> USER_GIVEN = Set.of(USER_INFO, COMPANY, LOCATION, CONTRACT_ID);

    /**
     * {@link #USER_GIVEN} as an array, for {@link #isUserGiven}. The scrubber calls it for many entries, and a
     * loop over a set allocates an iterator that the JIT compiler does not always eliminate.
     */
    private static final String[] USER_GIVEN_KEYS = USER_GIVEN.toArray(new String[0]);

    private ReportKeys() {
    }

    /** Returns {@code Engine <engine> tables}: the number of tables that use the storage engine. */
    public static String engineTablesKey(String engine) {
        return ENGINE_PREFIX + engine + TABLES_SUFFIX;
    }

    /** Returns {@code Engine <engine> bytes}: the data and index size of the engine's tables, in bytes. */
    public static String engineBytesKey(String engine) {
        return ENGINE_PREFIX + engine + BYTES_SUFFIX;
    }

    /** Returns {@code <plugin> version}: the plugin's own version, as MariaDB's feedback plugin names it. */
    public static String pluginVersionKey(String plugin) {
        return plugin + VERSION_SUFFIX;
    }

    /** Returns {@code <plugin> status}: {@code ACTIVE}, {@code DISABLED}, ... as {@code information_schema.PLUGINS} shows it. */
    public static String pluginStatusKey(String plugin) {
        return plugin + STATUS_SUFFIX;
    }

    /** Returns {@code <plugin> type}: {@code STORAGE ENGINE}, {@code AUTHENTICATION}, ... */
    public static String pluginTypeKey(String plugin) {
        return plugin + TYPE_SUFFIX;
    }

    /** Returns {@code <status> delta}: how much a status counter grew over {@link #IO_INTERVAL_SECONDS}. */
    public static String deltaKey(String statusName) {
        return statusName + DELTA_SUFFIX;
    }

    /** Returns {@code <status> rate}: the growth of a status counter per second over {@link #IO_INTERVAL_SECONDS}. */
    public static String rateKey(String statusName) {
        return statusName + RATE_SUFFIX;
    }

    /** Returns {@code Collector <name>}, whose value is {@code ok} or {@code failed: <reason>}. */
    public static String collectorKey(String collector) {
        return COLLECTOR_PREFIX + collector;
    }

    /** Returns {@code Databases_size_bucket_<k>}; see {@link #DATABASES_SIZE_BUCKET_PREFIX}. */
    public static String databasesSizeBucketKey(int exponent) {
        if (exponent < 0) {
            throw new IllegalArgumentException("size bucket exponent must be 0 or more, but was " + exponent);
        }
        return DATABASES_SIZE_BUCKET_PREFIX + exponent;
    }

    /**
     * Returns the item of a per-item key with the given group prefix and measure suffix, ignoring case,
     * or null: {@code itemOf("Engine InnoDB tables", "Engine ", " tables")} is {@code InnoDB}. Item names
     * (engines, plugins) hold no space, so a name with a space in the item part is no such key.
     */
    static String itemOf(String name, String prefix, String suffix) {
        int itemLength = name.length() - prefix.length() - suffix.length();
        if (itemLength <= 0
                || !name.regionMatches(true, 0, prefix, 0, prefix.length())
                || !name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length())) {
            return null;
        }
        String item = name.substring(prefix.length(), prefix.length() + itemLength);
        return item.indexOf(' ') >= 0 ? null : item;
    }

    static String engineOfTablesKey(String name) {
        return itemOf(name, ENGINE_PREFIX, TABLES_SUFFIX);
    }

    static String engineOfBytesKey(String name) {
        return itemOf(name, ENGINE_PREFIX, BYTES_SUFFIX);
    }

    static String pluginOfVersionKey(String name) {
        return itemOf(name, "", VERSION_SUFFIX);
    }

    static String pluginOfStatusKey(String name) {
        return itemOf(name, "", STATUS_SUFFIX);
    }

    /** Returns whether {@code name} is one of the {@link #USER_GIVEN} keys, ignoring case. */
    public static boolean isUserGiven(String name) {
        for (String key : USER_GIVEN_KEYS) {
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
