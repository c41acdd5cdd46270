package org.feedback.agent.collect;

/**
 * Names of the entries the agent adds beyond MariaDB's plugin, as docs/report-format.md lists them.
 *
 * <p>NOTE: these mirror constants that report-model's {@code ReportKeys} is gaining; once it has them,
 * this class should refer to them instead of spelling the names again.
 */
final class Keys {

    /** Value of a fact that could not be read, for example for lack of a privilege; never written as 0. */
    static final String UNKNOWN = "unknown";

    static final String HOST_CPU_MODEL = "Host_cpu_model";
    static final String HOST_CPU_VENDOR = "Host_cpu_vendor";
    static final String HOST_CPU_SPEED_HZ = "Host_cpu_speed_hz";
    static final String HOST_CPU_SOCKETS = "Host_cpu_sockets";
    static final String HOST_CPU_CORES = "Host_cpu_cores";
    static final String HOST_CPU_BITS = "Host_cpu_bits";
    static final String HOST_VIRTUALIZATION = "Host_virtualization";
    static final String HOST_CONTAINER = "Host_container";
    static final String OS_FAMILY = "Os_family";
    static final String OS_DISTRIBUTION_NAME = "Os_distribution_name";
    static final String OS_DISTRIBUTION_VERSION = "Os_distribution_version";
    static final String DATABASES_COUNT = "Databases_count";
    static final String DATABASES_BYTES = "Databases_bytes";
    static final String DATABASES_SIZE_BUCKET_PREFIX = "Databases_size_bucket_";
    static final String IO_INTERVAL_SECONDS = "Io_interval_seconds";

    private Keys() {
    }

    /** {@code Engine <ENGINE> tables}: number of user tables of an engine. */
    static String engineTables(String engine) {
        return "Engine " + engine + " tables";
    }

    /** {@code Engine <ENGINE> bytes}: data and index bytes of an engine's user tables. */
    static String engineBytes(String engine) {
        return "Engine " + engine + " bytes";
    }

    /** {@code <plugin> version}, {@code <plugin> status} or {@code <plugin> type}. */
    static String plugin(String plugin, String fact) {
        return plugin + " " + fact;
    }

    /** {@code <Status_name> delta}: increase of a status counter over the interval. */
    static String delta(String statusName) {
        return statusName + " delta";
    }

    /** {@code <Status_name> rate}: increase per second over the interval. */
    static String rate(String statusName) {
        return statusName + " rate";
    }

    /** {@code Collector <name>}: {@code ok} or {@code failed: <reason>}. */
    static String collector(String name) {
        return "Collector " + name;
    }
}
