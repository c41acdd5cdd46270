package org.feedback.generator;

import java.util.List;
import java.util.Map;

/**
 * The distributions the synthetic servers are drawn from. They are estimates chosen to look like a real
 * installed base (many servers on the previous long-term releases, a long tail of old versions, mostly
 * x86_64 Linux on small virtual machines), not measurements.
 */
final class Population {

    /** One release series of a flavor, with the series it is usually upgraded from. */
    record Series(String flavor, String majorMinor, int latestPatch, String upgradedFrom, String comment, String suffix) {
    }

    /** One Linux distribution with its kernel release. */
    record Distribution(String osRelease, String kernelRelease) {
    }

    /** One CPU line, with the vendor string {@code /proc/cpuinfo} reports. */
    record Cpu(String vendor, String model) {
    }

    static final double NOTICES_ONLY_SHARE = 0.02;

    static final Weighted<Series> SERIES = new Weighted<Series>()
            .add(17, mariadb("10.11", 14, "10.6"))
            .add(14, mariadb("10.6", 23, "10.5"))
            .add(9, mariadb("11.4", 8, "10.11"))
            .add(6, mariadb("10.5", 29, "10.3"))
            .add(4, mariadb("10.3", 39, null))
            .add(3, mariadb("11.8", 3, "11.4"))
            .add(2, mariadb("10.4", 34, "10.3"))
            .add(2, mariadb("5.5", 68, null))
            .add(20, mysql("8.0", 43, "5.7"))
            .add(7, mysql("8.4", 6, "8.0"))
            .add(6, mysql("5.7", 44, null))
            .add(1, mysql("9.4", 0, "8.4"))
            .add(4, percona("8.0", 42, "5.7"))
            .add(1.5, percona("5.7", 44, null))
            .add(0.5, percona("8.4", 5, "8.0"));

    static final Weighted<Distribution> LINUX = new Weighted<Distribution>()
            .add(22, new Distribution("Ubuntu 22.04.5 LTS (Jammy Jellyfish)", "5.15.0-122-generic"))
            .add(15, new Distribution("Ubuntu 24.04.1 LTS (Noble Numbat)", "6.8.0-45-generic"))
            .add(18, new Distribution("Debian GNU/Linux 12 (bookworm)", "6.1.0-26-amd64"))
            .add(8, new Distribution("Debian GNU/Linux 11 (bullseye)", "5.10.0-32-amd64"))
            .add(8, new Distribution("Red Hat Enterprise Linux 9.4 (Plow)", "5.14.0-427.37.1.el9_4.x86_64"))
            .add(6, new Distribution("Red Hat Enterprise Linux 8.10 (Ootpa)", "4.18.0-553.22.1.el8_10.x86_64"))
            .add(6, new Distribution("Rocky Linux 9.4 (Blue Onyx)", "5.14.0-427.13.1.el9_4.x86_64"))
            .add(5, new Distribution("AlmaLinux 9.4 (Seafoam Ocelot)", "5.14.0-427.18.1.el9_4.x86_64"))
            .add(5, new Distribution("CentOS Linux 7 (Core)", "3.10.0-1160.119.1.el7.x86_64"))
            .add(4, new Distribution("Amazon Linux 2023", "6.1.109-118.189.amzn2023.x86_64"))
            .add(3, new Distribution("SUSE Linux Enterprise Server 15 SP6", "6.4.0-150600.23.25-default"));

    static final Weighted<String> ARCHITECTURE = new Weighted<String>()
            .add(90, "x86_64").add(9.5, "aarch64").add(0.3, "ppc64le").add(0.2, "s390x");

    static final Weighted<Integer> CPU_COUNT = new Weighted<Integer>()
            .add(5, 1).add(20, 2).add(28, 4).add(22, 8).add(13, 16).add(7, 32).add(4, 64).add(1, 128);

    static final Weighted<Integer> SOCKETS = new Weighted<Integer>().add(85, 1).add(14, 2).add(1, 4);

    static final Weighted<Cpu> X86_CPU = new Weighted<Cpu>()
            .add(25, new Cpu("GenuineIntel", "Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz"))
            .add(15, new Cpu("GenuineIntel", "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz"))
            .add(10, new Cpu("GenuineIntel", "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz"))
            .add(20, new Cpu("AuthenticAMD", "AMD EPYC 7763 64-Core Processor"))
            .add(10, new Cpu("AuthenticAMD", "AMD EPYC 9654 96-Core Processor"))
            .add(5, new Cpu("GenuineIntel", "Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz"))
            .add(3, new Cpu("AuthenticAMD", "AMD Ryzen 9 5950X 16-Core Processor"));

    static final Weighted<Cpu> ARM_CPU = new Weighted<Cpu>()
            .add(60, new Cpu("ARM", "Neoverse-N1"))
            .add(40, new Cpu("ARM", "Neoverse-V1"));

    static final Weighted<String> VIRTUALIZATION = new Weighted<String>()
            .add(45, "kvm").add(25, "none").add(12, "vmware").add(6, "xen").add(5, "microsoft").add(7, "amazon");

    static final Weighted<Integer> MEMORY_GIB_PER_CPU = new Weighted<Integer>().add(30, 2).add(45, 4).add(25, 8);

    static final Weighted<String> BINLOG_FORMAT = new Weighted<String>().add(70, "ROW").add(20, "MIXED").add(10, "STATEMENT");
    static final Weighted<String> QUERY_CACHE_TYPE = new Weighted<String>().add(85, "OFF").add(10, "ON").add(5, "DEMAND");
    static final Weighted<String> ISOLATION = new Weighted<String>().add(80, "REPEATABLE-READ").add(20, "READ-COMMITTED");
    static final Weighted<String> MAX_CONNECTIONS = new Weighted<String>()
            .add(50, "151").add(20, "500").add(15, "1000").add(10, "2000").add(5, "5000");

    /** Plugins every server of a flavor has loaded. */
    static final Map<String, List<String>> BASE_PLUGINS = Map.of(
            "MariaDB", List.of("binlog", "mysql_native_password", "CSV", "MEMORY", "Aria", "MyISAM", "MRG_MyISAM",
                    "InnoDB", "PERFORMANCE_SCHEMA", "SEQUENCE", "unix_socket", "partition"),
            "MySQL", List.of("binlog", "mysql_native_password", "caching_sha2_password", "CSV", "MEMORY", "MyISAM",
                    "MRG_MYISAM", "InnoDB", "PERFORMANCE_SCHEMA", "mysqlx"),
            "Percona Server", List.of("binlog", "mysql_native_password", "caching_sha2_password", "CSV", "MEMORY",
                    "MyISAM", "MRG_MYISAM", "InnoDB", "PERFORMANCE_SCHEMA", "mysqlx"));

    /** Plugins some servers add, with the share of servers that do. */
    static final Map<String, Double> OPTIONAL_PLUGINS = Map.of(
            "FEEDBACK", 0.30, "server_audit", 0.06, "rpl_semi_sync_master", 0.08, "validate_password", 0.10,
            "file_key_management", 0.04, "QUERY_RESPONSE_TIME", 0.03, "ROCKSDB", 0.01, "auth_pam", 0.05);

    /** MariaDB {@code Feature_*} counters, with the share of servers where each is above zero. */
    static final Map<String, Double> FEATURES = Map.of(
            "subquery", 0.70, "json", 0.40, "trigger", 0.30, "window_functions", 0.25, "fulltext", 0.15,
            "check_constraint", 0.10, "gis", 0.08, "dynamic_columns", 0.03, "system_versioning", 0.02,
            "application_time_periods", 0.01);

    /** Collations, with the share of servers that use each. */
    static final Map<String, Double> COLLATIONS = Map.of(
            "binary", 1.0, "utf8mb4_general_ci", 0.70, "latin1_swedish_ci", 0.50, "utf8mb3_general_ci", 0.60,
            "utf8mb4_unicode_ci", 0.40, "utf8mb4_bin", 0.30, "utf8mb4_0900_ai_ci", 0.35, "utf8mb4_uca1400_ai_ci", 0.10);

    private Population() {
    }

    private static Series mariadb(String majorMinor, int latestPatch, String upgradedFrom) {
        return new Series("MariaDB", majorMinor, latestPatch, upgradedFrom, "mariadb.org binary distribution", "-MariaDB");
    }

    private static Series mysql(String majorMinor, int latestPatch, String upgradedFrom) {
        return new Series("MySQL", majorMinor, latestPatch, upgradedFrom, "MySQL Community Server - GPL", "");
    }

    private static Series percona(String majorMinor, int latestPatch, String upgradedFrom) {
        return new Series("Percona Server", majorMinor, latestPatch, upgradedFrom,
                "Percona Server (GPL), Release 30, Revision 1", "-30");
    }
}
