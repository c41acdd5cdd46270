package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerFactsTest {

    @Test
    void from_mariadb1011Fixture_readsVersionAndPlatform() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MARIADB_10_11));

        assertThat(facts.serverUid()).contains("fXdYp7ZWAMMBm0PUMZFJoAcM0o0=");
        assertThat(facts.kind()).isEqualTo(ServerFacts.Kind.FULL);
        assertThat(facts.version()).contains("10.11.19-MariaDB-0+deb12u1");
        assertThat(facts.flavor()).contains(ServerFacts.Flavor.MARIADB);
        assertThat(facts.majorMinor()).contains("10.11");
        assertThat(facts.osName()).contains("Linux");
        assertThat(facts.distribution()).contains("Debian GNU/Linux 12 (bookworm)");
        assertThat(facts.architecture()).contains("x86_64");
        assertThat(facts.cpuCount()).hasValue(2);
        assertThat(facts.memoryBytes()).hasValue(25276203008L);
        assertThat(facts.reportTime()).contains(Instant.ofEpochSecond(1796412047L));
    }

    @Test
    void from_notice_hasKindAndNoVersion() throws Exception {
        Report notice = new ReportParser().parse("FEEDBACK_SERVER_UID\tabc=\0\nFEEDBACK_WHEN\tstartup\nFEEDBACK_USER_INFO\t\n\n");

        ServerFacts facts = ServerFacts.from(notice);

        assertThat(facts.kind()).isEqualTo(ServerFacts.Kind.STARTUP);
        assertThat(facts.serverUid()).contains("abc=");
        assertThat(facts.version()).isEmpty();
        assertThat(facts.cpuCount()).isEmpty();
    }

    @Test
    void from_mysqlLowerCaseNames_readsFlavor() {
        Report report = Report.builder()
                .add("version", "8.0.36")
                .add("version_comment", "MySQL Community Server - GPL")
                .build();

        ServerFacts facts = ServerFacts.from(report);

        assertThat(facts.flavor()).contains(ServerFacts.Flavor.MYSQL);
        assertThat(facts.majorMinor()).contains("8.0");
    }

    @Test
    void from_perconaComment_readsPercona() {
        Report report = Report.builder()
                .add("VERSION", "8.0.35-27")
                .add("VERSION_COMMENT", "Percona Server (GPL), Release 27, Revision 2f8eeab2")
                .build();

        assertThat(ServerFacts.from(report).flavor()).contains(ServerFacts.Flavor.PERCONA_SERVER);
    }

    @Test
    void from_maxScaleReport_readsMaxScaleNotMysql() {
        // The keys MaxScale's feedback sender writes: a bare version number, and its product name.
        Report report = Report.builder()
                .add("FEEDBACK_SERVER_UID", "5a1e5f0c9d2b4e7a8c3f6b1d0e9a2c4b7f8e1d3a")
                .add("VERSION", "2.5.29")
                .add("NOW", "1796212800")
                .add("PRODUCT", "maxscale")
                .build();

        ServerFacts facts = ServerFacts.from(report);

        assertThat(facts.flavor()).contains(ServerFacts.Flavor.MAXSCALE);
        assertThat(facts.majorMinor()).contains("2.5");
    }

    @Test
    void from_zeroOrGarbageNumbers_staysUnknown() {
        Report report = Report.builder().add("Cpu_count", "0").add("Mem_total", "lots").build();

        ServerFacts facts = ServerFacts.from(report);

        assertThat(facts.cpuCount()).isEmpty();
        assertThat(facts.memoryBytes()).isEmpty();
    }

    @Test
    void from_mariadb1011Fixture_splitsVersion() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MARIADB_10_11));

        assertThat(facts.majorVersion()).hasValue(10);
        assertThat(facts.minorVersion()).hasValue(11);
        assertThat(facts.patchVersion()).hasValue(19);
        assertThat(facts.versionSuffix()).contains("-MariaDB-0+deb12u1");
    }

    @Test
    void from_mariadb1011Fixture_readsOsFamilyDistributionAndBitness() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MARIADB_10_11));

        assertThat(facts.osFamily()).contains("Linux");
        assertThat(facts.distributionName()).contains("Debian GNU/Linux");
        assertThat(facts.distributionVersion()).contains("12");
        assertThat(facts.kernelRelease()).contains("6.18.44-fc-v1252");
        assertThat(facts.bitness()).hasValue(64);
    }

    @Test
    void from_mariadb1011Fixture_readsFeaturesAboveZero() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MARIADB_10_11));

        assertThat(facts.featuresUsed()).containsExactly("check_constraint", "json");
    }

    @Test
    void from_mariadb1011Fixture_countsEveryVersionedPluginAsActive() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MARIADB_10_11));

        assertThat(facts.pluginsActive()).contains("InnoDB", "FEEDBACK", "Aria", "unix_socket", "partition");
        assertThat(facts.pluginsActive()).hasSize(73);
    }

    @Test
    void from_mariadb1011Fixture_readsCollationCounters() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MARIADB_10_11));

        assertThat(facts.collationsUsed()).containsExactly(
                Map.entry("latin1_swedish_ci", 34L), Map.entry("utf8mb3_general_ci", 59L),
                Map.entry("utf8mb4_general_ci", 2L), Map.entry("utf8mb4_bin", 1L),
                Map.entry("binary", 3L), Map.entry("utf8mb3_bin", 81L));
    }

    @Test
    void from_mariadb1011Fixture_readsSettingsUptimeAndUserInfo() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MARIADB_10_11));

        assertThat(facts.setting("binlog_format")).contains("MIXED");
        assertThat(facts.setting("Binlog_Format")).contains("MIXED");
        assertThat(facts.setting("no_such_variable")).isEmpty();
        assertThat(facts.uptimeSeconds()).isPresent();
        assertThat(facts.userInfo()).contains("acme-test");
        assertThat(facts.formatVersion()).isEmpty();
    }

    @Test
    void from_mariadb1011Fixture_leavesAgentOnlyFactsUnknown() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MARIADB_10_11));

        assertThat(facts.cpuCores()).isEmpty();
        assertThat(facts.cpuSockets()).isEmpty();
        assertThat(facts.cpuModel()).isEmpty();
        assertThat(facts.cpuSpeedHz()).isEmpty();
        assertThat(facts.virtualization()).isEmpty();
        assertThat(facts.container()).isEmpty();
        assertThat(facts.engines()).isEmpty();
        assertThat(facts.databaseCount()).isEmpty();
        assertThat(facts.databaseBytes()).isEmpty();
        assertThat(facts.databaseSizeBuckets()).isEmpty();
        assertThat(facts.company()).isEmpty();
    }

    @Test
    void from_agentHostKeys_readsCpuAndPlatform() {
        Report report = Report.builder()
                .add(ReportKeys.HOST_CPU_MODEL, "AMD EPYC 7B13")
                .add(ReportKeys.HOST_CPU_VENDOR, "AuthenticAMD")
                .add(ReportKeys.HOST_CPU_SPEED_HZ, "2450000000")
                .add(ReportKeys.HOST_CPU_SOCKETS, "2")
                .add(ReportKeys.HOST_CPU_CORES, "64")
                .add(ReportKeys.HOST_CPU_BITS, "64")
                .add(ReportKeys.HOST_VIRTUALIZATION, "kvm")
                .add(ReportKeys.HOST_CONTAINER, "none")
                .add(ReportKeys.OS_FAMILY, "Linux")
                .add(ReportKeys.OS_DISTRIBUTION_NAME, "Ubuntu")
                .add(ReportKeys.OS_DISTRIBUTION_VERSION, "22.04")
                .add(ReportKeys.UNAME_MACHINE, "amd64")
                .build();

        ServerFacts facts = ServerFacts.from(report);

        assertThat(facts.cpuModel()).contains("AMD EPYC 7B13");
        assertThat(facts.cpuVendor()).contains("AuthenticAMD");
        assertThat(facts.cpuSpeedHz()).hasValue(2_450_000_000L);
        assertThat(facts.cpuSockets()).hasValue(2);
        assertThat(facts.cpuCores()).hasValue(64);
        assertThat(facts.bitness()).hasValue(64);
        assertThat(facts.virtualization()).contains("kvm");
        assertThat(facts.container()).contains("none");
        assertThat(facts.osFamily()).contains("Linux");
        assertThat(facts.distributionName()).contains("Ubuntu");
        assertThat(facts.distributionVersion()).contains("22.04");
        assertThat(facts.distribution()).contains("Ubuntu 22.04");
        assertThat(facts.architecture()).contains("x86_64");
    }

    @Test
    void from_unknownValues_readAsEmpty() {
        Report report = Report.builder()
                .add(ReportKeys.HOST_CPU_MODEL, ReportKeys.UNKNOWN)
                .add(ReportKeys.HOST_CPU_CORES, ReportKeys.UNKNOWN)
                .add(ReportKeys.HOST_VIRTUALIZATION, "unknown")
                .add(ReportKeys.HOST_CONTAINER, "Unknown")
                .add(ReportKeys.DATABASES_COUNT, ReportKeys.UNKNOWN)
                .add(ReportKeys.engineTablesKey("InnoDB"), ReportKeys.UNKNOWN)
                .build();

        ServerFacts facts = ServerFacts.from(report);

        assertThat(facts.cpuModel()).isEmpty();
        assertThat(facts.cpuCores()).isEmpty();
        assertThat(facts.virtualization()).isEmpty();
        assertThat(facts.container()).isEmpty();
        assertThat(facts.databaseCount()).isEmpty();
        assertThat(facts.engines()).isEmpty();
    }

    @Test
    void from_pluginCpuKeys_usedWhenAgentKeysMissing() {
        Report report = Report.builder().add("Cpu_name", "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz").add("Cpu_sockets", "2").build();

        ServerFacts facts = ServerFacts.from(report);

        assertThat(facts.cpuModel()).contains("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz");
        assertThat(facts.cpuSockets()).hasValue(2);
    }

    @Test
    void from_pluginCpuNameUnknown_staysEmpty() {
        Report report = Report.builder().add("Cpu_name", "Unknown").build();

        assertThat(ServerFacts.from(report).cpuModel()).isEmpty();
    }

    @Test
    void from_engineKeys_readsTablesAndBytesPerEngine() {
        Report report = Report.builder()
                .add(ReportKeys.engineTablesKey("InnoDB"), "120")
                .add(ReportKeys.engineBytesKey("InnoDB"), "73400320")
                .add(ReportKeys.engineTablesKey("Aria"), "0")
                .add(ReportKeys.engineBytesKey("MyISAM"), "1024")
                .build();

        Map<String, ServerFacts.EngineUsage> engines = ServerFacts.from(report).engines();

        assertThat(engines).containsOnlyKeys("Aria", "InnoDB", "MyISAM");
        assertThat(engines.get("InnoDB")).isEqualTo(new ServerFacts.EngineUsage(OptionalLong.of(120), OptionalLong.of(73_400_320)));
        assertThat(engines.get("innodb")).isEqualTo(engines.get("InnoDB"));
        assertThat(engines.get("Aria")).isEqualTo(new ServerFacts.EngineUsage(OptionalLong.of(0), OptionalLong.empty()));
        assertThat(engines.get("MyISAM")).isEqualTo(new ServerFacts.EngineUsage(OptionalLong.empty(), OptionalLong.of(1024)));
    }

    @Test
    void from_pluginStatusKeys_listsOnlyActivePlugins() {
        Report report = Report.builder()
                .add(ReportKeys.pluginVersionKey("InnoDB"), "10.11")
                .add(ReportKeys.pluginStatusKey("InnoDB"), "ACTIVE")
                .add(ReportKeys.pluginTypeKey("InnoDB"), "STORAGE ENGINE")
                .add(ReportKeys.pluginVersionKey("ARCHIVE"), "3.0")
                .add(ReportKeys.pluginStatusKey("ARCHIVE"), "DISABLED")
                .add(ReportKeys.pluginStatusKey("unix_socket"), "ACTIVE")
                .build();

        assertThat(ServerFacts.from(report).pluginsActive()).containsExactly("InnoDB", "unix_socket");
    }

    @Test
    void from_mysqlStatusCounters_readsFeatureEquivalents() {
        Report report = Report.builder()
                .add("Com_xa_start", "3")
                .add("Mysqlx_sessions_accepted", "0")
                .add("Secondary_engine_execution_count", "12")
                .add("Rpl_semi_sync_source_status", "ON")
                .build();

        assertThat(ServerFacts.from(report).featuresUsed()).containsExactly("xa", "secondary_engine", "semisync_replication");
    }

    @Test
    void from_mysqlStatusCountersOtherCase_readsFeatureEquivalents() {
        Report report = Report.builder()
                .add("COM_XA_START", "1")
                .add("mysqlx_sessions_accepted", "2")
                .add("RPL_SEMI_SYNC_MASTER_STATUS", "on")
                .add("Com_xa_starts", "5")
                .add("Com_xa_star", "5")
                .build();

        assertThat(ServerFacts.from(report).featuresUsed()).containsExactly("xa", "x_protocol", "semisync_replication");
    }

    @Test
    void from_databaseKeys_readsCountBytesAndBuckets() {
        Report report = Report.builder()
                .add(ReportKeys.DATABASES_COUNT, "3")
                .add(ReportKeys.DATABASES_BYTES, "5000000")
                .add(ReportKeys.databasesSizeBucketKey(0), "1")
                .add(ReportKeys.databasesSizeBucketKey(6), "2")
                .build();

        ServerFacts facts = ServerFacts.from(report);

        assertThat(facts.databaseCount()).hasValue(3);
        assertThat(facts.databaseBytes()).hasValue(5_000_000L);
        assertThat(facts.databaseSizeBuckets()).containsExactly(Map.entry(0, 1L), Map.entry(6, 2L));
    }

    @Test
    void from_userGivenKeysAndFormatVersion_read() {
        Report report = Report.builder()
                .add(ReportKeys.FORMAT_VERSION, ReportKeys.CURRENT_FORMAT_VERSION)
                .add(ReportKeys.COMPANY, "Acme")
                .add(ReportKeys.LOCATION, "Berlin")
                .add(ReportKeys.CONTRACT_ID, "C-42")
                .add(ReportKeys.USER_INFO, "  ")
                .build();

        ServerFacts facts = ServerFacts.from(report);

        assertThat(facts.formatVersion()).contains("1");
        assertThat(facts.company()).contains("Acme");
        assertThat(facts.location()).contains("Berlin");
        assertThat(facts.contractId()).contains("C-42");
        assertThat(facts.userInfo()).isEmpty();
    }

    @Test
    void from_failedCollector_listedWithReason() {
        Report report = Report.builder()
                .add(ReportKeys.collectorKey("host"), "ok")
                .add(ReportKeys.collectorKey("databases"), "failed: SELECT command denied")
                .build();

        assertThat(ServerFacts.from(report).failedCollectors()).containsExactly(Map.entry("databases", "SELECT command denied"));
    }

    @ParameterizedTest
    @CsvSource({
            "x86_64, x86_64, 64", "amd64, x86_64, 64", "x64, x86_64, 64", "AMD64, x86_64, 64",
            "i386, i686, 32", "x86, i686, 32", "arm64, aarch64, 64", "aarch64, aarch64, 64",
            "armv7l, armv7l, 32", "ppc64el, ppc64le, 64", "ppc64le, ppc64le, 64", "s390x, s390x, 64",
            "riscv64, riscv64, 64", "sun4v, sparc64, 64"})
    void from_unameMachine_normalisesArchitectureAndBitness(String machine, String architecture, int bits) {
        ServerFacts facts = ServerFacts.from(Report.builder().add(ReportKeys.UNAME_MACHINE, machine).build());

        assertThat(facts.architecture()).contains(architecture);
        assertThat(facts.bitness()).hasValue(bits);
    }

    @Test
    void from_unknownArchitecture_keptWithoutBitness() {
        ServerFacts facts = ServerFacts.from(Report.builder().add(ReportKeys.UNAME_MACHINE, "e2k").build());

        assertThat(facts.architecture()).contains("e2k");
        assertThat(facts.bitness()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Linux | Linux", "Windows Server 2019 | Windows", "Windows | Windows", "Mac OS X | macOS",
            "Darwin | macOS", "FreeBSD | FreeBSD", "SunOS | Solaris", "Debian GNU/Linux | Linux", "Haiku | Haiku"})
    void from_unameSysname_normalisesOsFamily(String sysname, String family) {
        ServerFacts facts = ServerFacts.from(Report.builder().add(ReportKeys.UNAME_SYSNAME, sysname).build());

        assertThat(facts.osFamily()).contains(family);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "os-release: Debian GNU/Linux 12 (bookworm) | Debian GNU/Linux | 12",
            "lsb: Ubuntu 22.04.3 LTS | Ubuntu | 22.04.3",
            "redhat-release: CentOS Linux release 7.9.2009 (Core) | CentOS Linux | 7.9.2009",
            "redhat-release: Red Hat Enterprise Linux release 9.2 (Plow) | Red Hat Enterprise Linux | 9.2",
            "SuSE-release: openSUSE 13.2 (x86_64) | openSUSE | 13.2",
            "alpine-release: Alpine Linux v3.18 | Alpine Linux | 3.18",
            "os-release: PRETTY_NAME=\"Rocky Linux 9.3 (Blue Onyx)\" | Rocky Linux | 9.3",
            "debian_version: 10.13 | Debian | 10.13"})
    void from_unameDistribution_splitsNameAndVersion(String raw, String name, String version) {
        ServerFacts facts = ServerFacts.from(Report.builder().add(ReportKeys.UNAME_DISTRIBUTION, raw).build());

        assertThat(facts.distributionName()).contains(name);
        assertThat(facts.distributionVersion()).contains(version);
    }

    @Test
    void from_distributionWithoutVersion_hasNameOnly() {
        ServerFacts facts = ServerFacts.from(Report.builder().add(ReportKeys.UNAME_DISTRIBUTION, "os-release: Arch Linux").build());

        assertThat(facts.distributionName()).contains("Arch Linux");
        assertThat(facts.distributionVersion()).isEmpty();
        assertThat(facts.distribution()).contains("Arch Linux");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "5.7.44-log | 5 | 7 | 44 | -log",
            "8.0.36 | 8 | 0 | 36 | null",
            "8.0.35-27 | 8 | 0 | 35 | -27",
            "5.5.5-10.3.39-MariaDB-log | 10 | 3 | 39 | -MariaDB-log",
            "10.6.16-MariaDB-1:10.6.16+maria~ubu2204 | 10 | 6 | 16 | -MariaDB-1:10.6.16+maria~ubu2204"})
    void from_versionStrings_splitIntoParts(String version, int major, int minor, int patch, String suffix) {
        ServerFacts facts = ServerFacts.from(Report.builder().add("version", version).build());

        assertThat(facts.majorVersion()).hasValue(major);
        assertThat(facts.minorVersion()).hasValue(minor);
        assertThat(facts.patchVersion()).hasValue(patch);
        assertThat(facts.versionSuffix().orElse(null)).isEqualTo(suffix);
    }

    @Test
    void from_versionWithoutNumbers_hasNoParts() {
        ServerFacts facts = ServerFacts.from(Report.builder().add("version", "trunk").build());

        assertThat(facts.version()).contains("trunk");
        assertThat(facts.majorVersion()).isEmpty();
        assertThat(facts.majorMinor()).isEmpty();
        assertThat(facts.versionSuffix()).isEmpty();
    }
}
