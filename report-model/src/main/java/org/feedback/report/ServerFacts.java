package org.feedback.report;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A typed, normalised view of the facts in one report, as storage and dashboards use them. A fact the
 * report does not carry, or carries in a form that cannot be read, is empty: never zero.
 */
public final class ServerFacts {

    /** What kind of report the facts come from. */
    public enum Kind {
        /** A full report. */
        FULL,
        /** A notice sent when the server started. */
        STARTUP,
        /** A notice sent when the server stopped. */
        SHUTDOWN,
        /** A notice whose kind is neither startup nor shutdown. */
        OTHER_NOTICE
    }

    /** Server product family. */
    public enum Flavor {
        MARIADB("MariaDB"),
        MYSQL("MySQL"),
        PERCONA_SERVER("Percona Server"),
        /** MariaDB MaxScale, the database proxy, whose feedback sender names itself with {@code PRODUCT maxscale}. */
        MAXSCALE("MaxScale"),
        OTHER("other");

        private final String displayName;

        Flavor(String displayName) {
            this.displayName = displayName;
        }

        /** Returns the product name as people write it. */
        public String displayName() {
            return displayName;
        }
    }

    /**
     * How much one storage engine is used: its number of tables and their data and index size in bytes,
     * from the agent's {@code Engine <ENGINE> tables} and {@code Engine <ENGINE> bytes} entries. Either is
     * empty when the report does not carry it.
     */
    public record EngineUsage(OptionalLong tables, OptionalLong bytes) {
        public EngineUsage {
            Objects.requireNonNull(tables, "tables");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** The plugin's CPU model name, which it writes as {@code Unknown} when it cannot read one. */
    private static final String PLUGIN_CPU_NAME = "Cpu_name";
    /** The plugin's socket count, which it writes as 1 when it cannot read one. */
    private static final String PLUGIN_CPU_SOCKETS = "Cpu_sockets";

    private final Report report;
    private final String serverUid;
    private final Kind kind;
    private final Instant reportTime;
    private final String version;
    private final ServerVersion versionParts;
    private final Flavor flavor;
    private final String osName;
    private final String osFamily;
    private final String distribution;
    private final String distributionName;
    private final String distributionVersion;
    private final String kernelRelease;
    private final String architecture;
    private final Integer bitness;
    private final Integer cpuCount;
    private final Integer cpuCores;
    private final Integer cpuSockets;
    private final String cpuModel;
    private final String cpuVendor;
    private final Long cpuSpeedHz;
    private final Long memoryBytes;
    private final String virtualization;
    private final String container;
    private final Long uptimeSeconds;
    private final Integer databaseCount;
    private final Long databaseBytes;
    private final ItemFacts items;

    private ServerFacts(Report report) {
        this.report = report;
        this.serverUid = text(report, ReportKeys.SERVER_UID);
        this.kind = kindOf(report);
        this.reportTime = epochSeconds(report, ReportKeys.NOW);

        this.version = text(report, "version");
        this.versionParts = ServerVersion.parse(version);
        this.flavor = version == null ? null : flavorOf(version, text(report, "version_comment"), text(report, "product"));

        this.osName = text(report, ReportKeys.UNAME_SYSNAME);
        this.osFamily = osFamilyOf(report);
        String[] nameAndVersion = distributionNameAndVersion(report);
        this.distributionName = nameAndVersion[0];
        this.distributionVersion = nameAndVersion[1];
        this.distribution = distributionOf(report, distributionName, distributionVersion);
        this.kernelRelease = text(report, ReportKeys.UNAME_RELEASE);
        String machine = text(report, ReportKeys.UNAME_MACHINE);
        this.architecture = machine == null ? null : Platforms.architecture(machine);
        this.bitness = bitnessOf(report, architecture);

        this.cpuCount = FactValues.positiveInt(report, ReportKeys.CPU_COUNT);
        this.cpuCores = FactValues.positiveInt(report, ReportKeys.HOST_CPU_CORES);
        this.cpuSockets = firstNonNull(FactValues.positiveInt(report, ReportKeys.HOST_CPU_SOCKETS),
                FactValues.positiveInt(report, PLUGIN_CPU_SOCKETS));
        this.cpuModel = firstNonNull(text(report, ReportKeys.HOST_CPU_MODEL), text(report, PLUGIN_CPU_NAME));
        this.cpuVendor = text(report, ReportKeys.HOST_CPU_VENDOR);
        this.cpuSpeedHz = FactValues.positiveLong(report, ReportKeys.HOST_CPU_SPEED_HZ);
        this.memoryBytes = FactValues.positiveLong(report, ReportKeys.MEM_TOTAL);
        this.virtualization = text(report, ReportKeys.HOST_VIRTUALIZATION);
        this.container = text(report, ReportKeys.HOST_CONTAINER);

        this.uptimeSeconds = FactValues.nonNegativeLong(report, "Uptime");
        Long databases = FactValues.nonNegativeLong(report, ReportKeys.DATABASES_COUNT);
        this.databaseCount = databases == null || databases > Integer.MAX_VALUE ? null : databases.intValue();
        this.databaseBytes = FactValues.nonNegativeLong(report, ReportKeys.DATABASES_BYTES);
        this.items = ItemFacts.of(report);
    }

    /** Extracts the facts of {@code report}. */
    public static ServerFacts from(Report report) {
        return new ServerFacts(report);
    }

    /** Returns the anonymous server id, with no surrounding white space. */
    public Optional<String> serverUid() {
        return Optional.ofNullable(serverUid);
    }

    public Kind kind() {
        return kind;
    }

    /** Returns when the sender made the report ({@code Now}), which may differ from when it arrived. */
    public Optional<Instant> reportTime() {
        return Optional.ofNullable(reportTime);
    }

    /** Returns the version of the key scheme the sender followed ({@code FEEDBACK_FORMAT_VERSION}); empty for the plugin. */
    public Optional<String> formatVersion() {
        return Optional.ofNullable(text(report, ReportKeys.FORMAT_VERSION));
    }

    /** Returns the full version string, for example {@code 10.11.19-MariaDB-0+deb12u1}. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public Optional<Flavor> flavor() {
        return Optional.ofNullable(flavor);
    }

    /** Returns the major and minor version, for example {@code 10.11}. */
    public Optional<String> majorMinor() {
        return Optional.ofNullable(versionParts.majorMinor());
    }

    /** Returns the major version, for example {@code 10} for {@code 10.11.19-MariaDB}. */
    public OptionalInt majorVersion() {
        return optionalInt(versionParts.major());
    }

    /** Returns the minor version, for example {@code 11} for {@code 10.11.19-MariaDB}. */
    public OptionalInt minorVersion() {
        return optionalInt(versionParts.minor());
    }

    /** Returns the patch version, for example {@code 19} for {@code 10.11.19-MariaDB}. */
    public OptionalInt patchVersion() {
        return optionalInt(versionParts.patch());
    }

    /**
     * Returns what follows {@code major.minor.patch} in the version, exactly as sent: {@code -log} for
     * {@code 5.7.44-log}, {@code -MariaDB-0+deb12u1} for {@code 10.11.19-MariaDB-0+deb12u1}, {@code -27} for
     * Percona's {@code 8.0.35-27}. Empty when nothing follows.
     */
    public Optional<String> versionSuffix() {
        return Optional.ofNullable(versionParts.suffix());
    }

    /**
     * Returns the value of a server variable (or of any other entry) by name, ignoring case: the first
     * entry of that name, exactly as sent. An empty value is returned as an empty string.
     */
    public Optional<String> setting(String variableName) {
        return report.value(variableName);
    }

    /** Returns the operating system name as {@code uname -s} prints it, for example {@code Linux}. */
    public Optional<String> osName() {
        return Optional.ofNullable(osName);
    }

    /**
     * Returns the operating system family, from {@code Os_family} or else {@code Uname_sysname}, normalised to
     * {@code Linux}, {@code Windows}, {@code macOS}, {@code FreeBSD}, {@code OpenBSD}, {@code NetBSD},
     * {@code Solaris} or {@code AIX}; another family is returned as sent.
     */
    public Optional<String> osFamily() {
        return Optional.ofNullable(osFamily);
    }

    /**
     * Returns the distribution as one text, for example {@code Debian GNU/Linux 12 (bookworm)}: the plugin's
     * {@code Uname_distribution} without its source prefix, or else the agent's name and version.
     */
    public Optional<String> distribution() {
        return Optional.ofNullable(distribution);
    }

    /**
     * Returns the distribution name, for example {@code Debian GNU/Linux}, from {@code Os_distribution_name}
     * or else the words of {@code Uname_distribution} before its version.
     */
    public Optional<String> distributionName() {
        return Optional.ofNullable(distributionName);
    }

    /**
     * Returns the distribution version, for example {@code 12}, from {@code Os_distribution_version} or else
     * the first word of {@code Uname_distribution} that starts with a digit.
     */
    public Optional<String> distributionVersion() {
        return Optional.ofNullable(distributionVersion);
    }

    public Optional<String> kernelRelease() {
        return Optional.ofNullable(kernelRelease);
    }

    /**
     * Returns the machine architecture, normalised to the names Linux's {@code uname -m} prints:
     * {@code x86_64}, {@code i686}, {@code aarch64}, {@code armv7l}, {@code ppc64le}, {@code s390x}, ...
     */
    public Optional<String> architecture() {
        return Optional.ofNullable(architecture);
    }

    /** Returns 32 or 64: {@code Host_cpu_bits}, or else what the architecture implies. */
    public OptionalInt bitness() {
        return optionalInt(bitness);
    }

    /** Returns the number of logical CPUs ({@code Cpu_count}). */
    public OptionalInt cpuCount() {
        return optionalInt(cpuCount);
    }

    /** Returns the number of physical cores ({@code Host_cpu_cores}). */
    public OptionalInt cpuCores() {
        return optionalInt(cpuCores);
    }

    /** Returns the number of CPU sockets ({@code Host_cpu_sockets}, or the plugin's {@code Cpu_sockets}). */
    public OptionalInt cpuSockets() {
        return optionalInt(cpuSockets);
    }

    /** Returns the CPU model ({@code Host_cpu_model}, or the plugin's {@code Cpu_name}). */
    public Optional<String> cpuModel() {
        return Optional.ofNullable(cpuModel);
    }

    /** Returns the CPU vendor ({@code Host_cpu_vendor}), for example {@code GenuineIntel}. */
    public Optional<String> cpuVendor() {
        return Optional.ofNullable(cpuVendor);
    }

    /** Returns the nominal CPU frequency in Hz ({@code Host_cpu_speed_hz}). */
    public OptionalLong cpuSpeedHz() {
        return optionalLong(cpuSpeedHz);
    }

    /** Returns the physical memory in bytes ({@code Mem_total}). */
    public OptionalLong memoryBytes() {
        return optionalLong(memoryBytes);
    }

    /** Returns the hypervisor, for example {@code kvm}, or {@code none} on bare metal ({@code Host_virtualization}). */
    public Optional<String> virtualization() {
        return Optional.ofNullable(virtualization);
    }

    /** Returns the container runtime, for example {@code docker}, or {@code none} ({@code Host_container}). */
    public Optional<String> container() {
        return Optional.ofNullable(container);
    }

    /** Returns the server's uptime in seconds (status value {@code Uptime}). */
    public OptionalLong uptimeSeconds() {
        return optionalLong(uptimeSeconds);
    }

    /** Returns the number of user databases ({@code Databases_count}). */
    public OptionalInt databaseCount() {
        return optionalInt(databaseCount);
    }

    /** Returns the data and index size of all user databases in bytes ({@code Databases_bytes}). */
    public OptionalLong databaseBytes() {
        return optionalLong(databaseBytes);
    }

    /**
     * Returns the database size histogram: exponent {@code k} to the number of user databases whose size in
     * bytes lies in [10<sup>k</sup>, 10<sup>k+1</sup>), from the {@code Databases_size_bucket_<k>} entries,
     * ordered by {@code k}. Empty when the report has none.
     */
    public Map<Integer, Long> databaseSizeBuckets() {
        return items.sizeBuckets();
    }

    /**
     * Returns the storage engines the report counts tables for, by engine name (look-ups ignore case, the
     * order is alphabetical), from the {@code Engine <ENGINE> tables} and {@code Engine <ENGINE> bytes} entries.
     */
    public Map<String, EngineUsage> engines() {
        return items.engines();
    }

    /**
     * Returns the names of the active plugins, in report order: those whose {@code <plugin> status} is
     * {@code ACTIVE}. A report without any {@code <plugin> status} entry (MariaDB's plugin sends none) lists
     * only loaded plugins, so there every plugin with a {@code <plugin> version} entry counts as active.
     */
    public Set<String> pluginsActive() {
        return items.activePlugins();
    }

    /**
     * Returns the features in use, lower case, in report order: {@code json} for MariaDB's
     * {@code Feature_json} above zero, and so on for every {@code Feature_*} status value. MySQL has no such
     * counters, so these status values stand in: {@code Com_xa_start} above zero gives {@code xa},
     * {@code Mysqlx_sessions_accepted} gives {@code x_protocol}, {@code Secondary_engine_execution_count}
     * gives {@code secondary_engine}, and {@code Rpl_semi_sync_master_status} or
     * {@code Rpl_semi_sync_source_status} {@code ON} gives {@code semisync_replication}.
     */
    public Set<String> featuresUsed() {
        return items.features();
    }

    /** Returns the plugin's {@code Collation used <name>} counters: collation name to number of uses, in report order. */
    public Map<String, Long> collationsUsed() {
        return items.collations();
    }

    /** Returns the collectors that failed ({@code Collector <name>} = {@code failed: <reason>}): name to reason. */
    public Map<String, String> failedCollectors() {
        return items.failedCollectors();
    }

    /** Returns the administrator's free text ({@code FEEDBACK_USER_INFO}); never shown on public pages. */
    public Optional<String> userInfo() {
        return Optional.ofNullable(text(report, ReportKeys.USER_INFO));
    }

    /** Returns the company the administrator gave ({@code FEEDBACK_COMPANY}); never shown on public pages. */
    public Optional<String> company() {
        return Optional.ofNullable(text(report, ReportKeys.COMPANY));
    }

    /** Returns the location the administrator gave ({@code FEEDBACK_LOCATION}); never shown on public pages. */
    public Optional<String> location() {
        return Optional.ofNullable(text(report, ReportKeys.LOCATION));
    }

    /** Returns the support contract id the administrator gave ({@code FEEDBACK_CONTRACT_ID}). */
    public Optional<String> contractId() {
        return Optional.ofNullable(text(report, ReportKeys.CONTRACT_ID));
    }

    private static String text(Report report, String name) {
        return FactValues.text(report, name);
    }

    private static String osFamilyOf(Report report) {
        String family = firstNonNull(text(report, ReportKeys.OS_FAMILY), text(report, ReportKeys.UNAME_SYSNAME));
        return family == null ? null : Platforms.osFamily(family);
    }

    private static String[] distributionNameAndVersion(Report report) {
        String name = text(report, ReportKeys.OS_DISTRIBUTION_NAME);
        String version = text(report, ReportKeys.OS_DISTRIBUTION_VERSION);
        String raw = text(report, ReportKeys.UNAME_DISTRIBUTION);
        if ((name == null || version == null) && raw != null) {
            String[] parsed = Platforms.distributionNameAndVersion(raw);
            name = firstNonNull(name, parsed[0]);
            version = firstNonNull(version, parsed[1]);
        }
        return new String[] {name, version};
    }

    private static String distributionOf(Report report, String name, String version) {
        String raw = text(report, ReportKeys.UNAME_DISTRIBUTION);
        if (raw != null) {
            return FactValues.known(Platforms.distributionDescription(raw));
        }
        if (name == null) {
            return null;
        }
        return version == null ? name : name + " " + version;
    }

    private static Integer bitnessOf(Report report, String architecture) {
        Integer bits = FactValues.positiveInt(report, ReportKeys.HOST_CPU_BITS);
        if (bits != null && (bits == 32 || bits == 64)) {
            return bits;
        }
        return architecture == null ? null : Platforms.bitsOf(architecture);
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    private static OptionalInt optionalInt(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static OptionalLong optionalLong(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static Kind kindOf(Report report) {
        String when = text(report, ReportKeys.WHEN);
        if (!report.isNotice()) {
            return Kind.FULL;
        }
        if ("startup".equalsIgnoreCase(when)) {
            return Kind.STARTUP;
        }
        if ("shutdown".equalsIgnoreCase(when)) {
            return Kind.SHUTDOWN;
        }
        return Kind.OTHER_NOTICE;
    }

    private static Flavor flavorOf(String version, String comment, String product) {
        if ("maxscale".equalsIgnoreCase(product)) {
            return Flavor.MAXSCALE;
        }
        String lowerVersion = version.toLowerCase(Locale.ROOT);
        String lowerComment = comment == null ? "" : comment.toLowerCase(Locale.ROOT);
        if (lowerVersion.contains("mariadb") || lowerComment.contains("mariadb")) {
            return Flavor.MARIADB;
        }
        if (lowerComment.contains("percona")) {
            return Flavor.PERCONA_SERVER;
        }
        if (lowerComment.contains("mysql") || Character.isDigit(version.charAt(0))) {
            return Flavor.MYSQL;
        }
        return Flavor.OTHER;
    }

    private static Instant epochSeconds(Report report, String name) {
        Long seconds = FactValues.positiveLong(report, name);
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }
}
