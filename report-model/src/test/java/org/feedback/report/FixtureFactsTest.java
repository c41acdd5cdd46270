package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@link ServerFacts} and {@link Scrubber} on the reports of each kind of sender in the fixtures. */
class FixtureFactsTest {

    private final Scrubber scrubber = new Scrubber();

    @Test
    void from_mariadb55PluginReport_readsLowerCaseNames() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MARIADB_5_5));

        assertThat(facts.flavor()).contains(ServerFacts.Flavor.MARIADB);
        assertThat(facts.version()).contains("5.5.68-MariaDB");
        assertThat(facts.majorMinor()).contains("5.5");
        assertThat(facts.patchVersion()).hasValue(68);
        assertThat(facts.versionSuffix()).contains("-MariaDB");
        assertThat(facts.distributionName()).contains("CentOS Linux");
        assertThat(facts.distributionVersion()).contains("7.9.2009");
        assertThat(facts.featuresUsed()).containsExactly("fulltext", "subquery", "trigger");
        assertThat(facts.pluginsActive()).containsExactly("binlog", "mysql_native_password", "MyISAM", "InnoDB", "FEEDBACK");
        assertThat(facts.setting("STORAGE_ENGINE")).contains("InnoDB");
        assertThat(facts.uptimeSeconds()).hasValue(864_000);
        assertThat(facts.userInfo()).contains("db team");
        assertThat(facts.collationsUsed()).containsEntry("latin1_swedish_ci", 120L);
    }

    @Test
    void from_mariadb103PluginReport_readsUpperCaseNamesAndLogSuffix() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MARIADB_10_3));

        assertThat(facts.flavor()).contains(ServerFacts.Flavor.MARIADB);
        assertThat(facts.majorVersion()).hasValue(10);
        assertThat(facts.minorVersion()).hasValue(3);
        assertThat(facts.patchVersion()).hasValue(39);
        assertThat(facts.versionSuffix()).contains("-MariaDB-0+deb10u1-log");
        assertThat(facts.osFamily()).contains("Linux");
        assertThat(facts.distributionName()).contains("Debian GNU/Linux");
        assertThat(facts.distributionVersion()).contains("10");
        assertThat(facts.featuresUsed()).containsExactly("system_versioning", "window_functions");
        assertThat(facts.setting("thread_handling")).contains("pool-of-threads");
        assertThat(facts.uptimeSeconds()).hasValue(3600);
        assertThat(facts.userInfo()).isEmpty();
        assertThat(facts.reportTime()).contains(Instant.ofEpochSecond(1_710_000_000L));
    }

    @Test
    void scrub_mariadb103PluginReport_removesEveryLeak() throws Exception {
        Report clean = scrubber.scrub(Fixtures.parse(Fixtures.MARIADB_10_3)).report();

        assertThat(clean.contains("FEEDBACK_URL")).isFalse();
        assertThat(clean.value("FEEDBACK_HTTP_PROXY")).contains(PrivacyRules.MASKED_VALUE);
        assertThat(clean.value("BINLOG_SNAPSHOT_FILE")).contains(PrivacyRules.MASKED_VALUE);
        assertThat(clean.value("INNODB_BUFFER_POOL_LOAD_STATUS")).contains("Loading buffer pool(s) from [path]");
        assertThat(clean.value("TIME_ZONE")).contains(Scrubber.ZONE);
        assertThat(clean.contains("WSREP_INCOMING_ADDRESSES")).isFalse();
        assertThat(clean.contains("WSREP_CLUSTER_STATE_UUID")).isFalse();
        assertThat(clean.value("WSREP_CLUSTER_SIZE")).contains("3");
        assertThat(clean.value("COM_CREATE_USER")).contains("2");
        assertThat(clean.value("VERSION")).contains("10.3.39-MariaDB-0+deb10u1-log");
    }

    @Test
    void from_mariadb103ShutdownNotice_isShutdownWithoutFacts() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MARIADB_10_3_SHUTDOWN));

        assertThat(facts.kind()).isEqualTo(ServerFacts.Kind.SHUTDOWN);
        assertThat(facts.serverUid()).contains("bHpXQ0d1NmE4WmRSdE9aVWlWQzI=");
        assertThat(facts.version()).isEmpty();
        assertThat(facts.osFamily()).isEmpty();
    }

    @Test
    void from_mysql57AgentReport_readsPlatformEnginesAndPlugins() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MYSQL_5_7));

        assertThat(facts.flavor()).contains(ServerFacts.Flavor.MYSQL);
        assertThat(facts.majorMinor()).contains("5.7");
        assertThat(facts.versionSuffix()).contains("-log");
        assertThat(facts.formatVersion()).contains("1");
        assertThat(facts.architecture()).contains("aarch64");
        assertThat(facts.bitness()).hasValue(64);
        assertThat(facts.distributionName()).contains("Ubuntu");
        assertThat(facts.distributionVersion()).contains("18.04");
        assertThat(facts.distribution()).contains("Ubuntu 18.04.6 LTS (Bionic Beaver)");
        assertThat(facts.cpuCores()).hasValue(16);
        assertThat(facts.cpuSpeedHz()).isEmpty();
        assertThat(facts.virtualization()).contains("kvm");
        assertThat(facts.container()).contains("none");
        assertThat(facts.pluginsActive()).containsExactly("InnoDB", "rpl_semi_sync_master");
        assertThat(facts.featuresUsed()).containsExactly("semisync_replication");
        assertThat(facts.engines()).containsOnlyKeys("InnoDB", "MyISAM");
        assertThat(facts.engines().get("InnoDB").tables()).isEqualTo(OptionalLong.of(412));
        assertThat(facts.databaseCount()).hasValue(3);
        assertThat(facts.databaseSizeBuckets()).containsExactly(Map.entry(6, 1L), Map.entry(10, 2L));
        assertThat(facts.failedCollectors()).isEmpty();
    }

    @Test
    void scrub_mysql57AgentReport_keepsLongCipherListWhole() throws Exception {
        Report report = Fixtures.parse(Fixtures.MYSQL_5_7);

        Report clean = scrubber.scrub(report).report();

        assertThat(report.value("Ssl_cipher_list").orElseThrow()).hasSizeGreaterThan(1024);
        assertThat(clean.value("Ssl_cipher_list")).isEqualTo(report.value("Ssl_cipher_list"));
        assertThat(clean.value("Ssl_server_not_after")).contains(PrivacyRules.MASKED_VALUE);
    }

    @Test
    void from_mysql80AgentReport_readsContainerFeaturesAndFailedCollector() throws Exception {
        ServerFacts facts = ServerFacts.from(Fixtures.parse(Fixtures.MYSQL_8_0));

        assertThat(facts.flavor()).contains(ServerFacts.Flavor.MYSQL);
        assertThat(facts.version()).contains("8.0.36");
        assertThat(facts.versionSuffix()).isEmpty();
        assertThat(facts.architecture()).contains("x86_64");
        assertThat(facts.distributionName()).contains("Rocky Linux");
        assertThat(facts.distributionVersion()).contains("9.3");
        assertThat(facts.cpuModel()).contains("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz");
        assertThat(facts.cpuSpeedHz()).hasValue(2_900_000_000L);
        assertThat(facts.virtualization()).isEmpty();
        assertThat(facts.container()).contains("docker");
        assertThat(facts.featuresUsed()).containsExactly("xa", "x_protocol");
        assertThat(facts.pluginsActive()).containsExactly("InnoDB", "mysqlx");
        assertThat(facts.databaseBytes()).hasValue(0);
        assertThat(facts.databaseSizeBuckets()).containsExactly(Map.entry(0, 1L));
        assertThat(facts.company()).contains("Example Ltd");
        assertThat(facts.failedCollectors()).containsExactly(
                Map.entry("databases", "SELECT command denied to user for table TABLES"));
    }

    @Test
    void scrub_mysql80AgentReport_masksTlsFilesAndDropsXProtocolAddress() throws Exception {
        Report clean = scrubber.scrub(Fixtures.parse(Fixtures.MYSQL_8_0)).report();

        assertThat(clean.value("Current_tls_key")).contains(PrivacyRules.MASKED_VALUE);
        assertThat(clean.value("Current_tls_ca")).contains(PrivacyRules.MASKED_VALUE);
        assertThat(clean.contains("Mysqlx_socket")).isFalse();
        assertThat(clean.contains("Mysqlx_address")).isFalse();
        assertThat(clean.value("Mysqlx_port")).contains("33060");
        assertThat(clean.value("FEEDBACK_COMPANY")).contains("Example Ltd");
    }
}
