package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrubberTest {

    private final Scrubber scrubber = new Scrubber();

    @Test
    void scrub_fixture_dropsFeedbackUrlAndKeepsEmptyProxy() throws Exception {
        Report report = Fixtures.parse(Fixtures.MARIADB_10_11);

        Scrubber.Result result = scrubber.scrub(report);

        assertThat(result.report().contains("FEEDBACK_URL")).isFalse();
        assertThat(result.report().value("FEEDBACK_HTTP_PROXY")).contains("");
        assertThat(result.changes()).extracting(Scrubber.Change::name).contains("FEEDBACK_URL");
        assertThat(result.report().value("FEEDBACK_SERVER_UID")).contains("fXdYp7ZWAMMBm0PUMZFJoAcM0o0=");
        assertThat(result.report().value("version")).contains("10.11.19-MariaDB-0+deb12u1");
    }

    @Test
    void scrub_binlogSnapshotFile_masked() {
        Report report = Report.builder().add("Binlog_snapshot_file", "db7-prod-bin.000042").build();

        Scrubber.Result result = scrubber.scrub(report);

        assertThat(result.report().value("Binlog_snapshot_file")).contains("set");
        assertThat(result.changes()).singleElement()
                .extracting(Scrubber.Change::kind).isEqualTo(Scrubber.Change.Kind.MASKED);
    }

    @Test
    void scrub_pathInsideStatusValue_replacedKeepingRest() {
        Report report = Report.builder()
                .add("Innodb_buffer_pool_load_status", "Loading buffer pool(s) from /var/lib/mysql/ib_buffer_pool")
                .build();

        Report clean = scrubber.scrub(report).report();

        assertThat(clean.value("Innodb_buffer_pool_load_status")).contains("Loading buffer pool(s) from [path]");
    }

    @Test
    void scrub_addressesInValues_replaced() {
        Report report = Report.builder()
                .add("wsrep_cluster_status_note", "peers 10.0.0.12:4567,fe80::1 and db1.internal:3306")
                .build();

        Report clean = scrubber.scrub(report).report();

        assertThat(clean.value("wsrep_cluster_status_note")).contains("peers [address],[address] and [host]");
    }

    /** One value per value rule, each the only leak in its value, and values that look close but are not. */
    @Test
    void scrub_eachValueRuleAlone_replacesOnlyLeaks() {
        String[][] valueAndExpected = {
                {"see https://docs.example/x for help", "see [url] for help"},
                {"mail ops@corp.example now", "mail [email] now"},
                {"from 192.168.10.7 only", "from [address] only"},
                {"via 2001:db8:85a3:0:0:8a2e:370:7334 only", "via [address] only"},
                {"via fe80::1 only", "via [address] only"},
                {"primary db7:3306 ready", "primary [host] ready"},
                {"zone Europe/Berlin set", "zone [zone] set"},
                {"file /var/lib/mysql/x.ibd", "file [path]"},
                {"file C:\\ProgramData\\MariaDB\\my.ini", "file [path]"},
                {"at 19:44:33 on 1.2.3", "at 19:44:33 on 1.2.3"},
                {"port :3 and a:b:c", "port :3 and a:b:c"},
                {"user@ and 1.2", "user@ and 1.2"},
                {"ops@localhost only", "ops@localhost only"},
                {"peer node-1.example:4567 up", "peer [host] up"},
                {"x/db7:3306", "x/[host]"},
                {"zone America/New_York set", "zone [zone] set"},
                {"zone Etc/UTC set", "zone Etc/UTC set"},
                {"(/tmp/mysql.sock)", "([path])"},
                {"Debian GNU/Linux 12", "Debian GNU/Linux 12"},
                {"/", "/"},
                {"/etc", "[path]"},
        };
        for (String[] row : valueAndExpected) {
            Report report = Report.builder().add("Some_status", row[0]).build();

            Report clean = scrubber.scrub(report).report();

            assertThat(clean.value("Some_status")).as(row[0]).contains(row[1]);
        }
    }

    @Test
    void scrub_versionsAndTimes_unchanged() {
        Report report = Report.builder()
                .add("version", "10.11.19-MariaDB-0+deb12u1")
                .add("Innodb_buffer_pool_load_status", "Buffer pool(s) load completed at 241204 19:44:33")
                .add("Uname_distribution", "os-release: Debian GNU/Linux 12 (bookworm)")
                .build();

        Scrubber.Result result = scrubber.scrub(report);

        assertThat(result.report()).isEqualTo(report);
        assertThat(result.changes()).isEmpty();
    }

    @Test
    void scrub_userInfo_keptAsGiven() {
        Report report = Report.builder().add("FEEDBACK_USER_INFO", "ops@example.com /team/db").build();

        assertThat(scrubber.scrub(report).report()).isEqualTo(report);
    }

    @Test
    void scrub_namedTimeZone_replaced() {
        Report report = Report.builder().add("time_zone", "Europe/Berlin").add("TIME_ZONE", "SYSTEM").build();

        Report clean = scrubber.scrub(report).report();

        assertThat(clean.values("time_zone")).containsExactly("[zone]", "SYSTEM");
    }

    @Test
    void scrub_fixture_withholdsOnlyWhatLeaks() throws Exception {
        Scrubber.Result result = scrubber.scrub(Fixtures.parse(Fixtures.MARIADB_10_11));

        assertThat(result.changes()).extracting(Scrubber.Change::name)
                .containsExactlyInAnyOrder("FEEDBACK_URL", "WSREP_CLUSTER_STATE_UUID");
    }

    @Test
    void scrub_proxyPointingAtInternalHost_masked() {
        Report report = Report.builder().add("FEEDBACK_HTTP_PROXY", "proxy.corp.internal:3128").build();

        Scrubber.Result result = scrubber.scrub(report);

        assertThat(result.report().value("FEEDBACK_HTTP_PROXY")).contains(PrivacyRules.MASKED_VALUE);
        assertThat(result.changes()).singleElement().extracting(Scrubber.Change::kind).isEqualTo(Scrubber.Change.Kind.MASKED);
    }

    @Test
    void scrub_feedbackUrlToInternalHost_dropped() {
        Report report = Report.builder().add("feedback_url", "http://feedback.corp.internal/post").add("Uptime", "5").build();

        Scrubber.Result result = scrubber.scrub(report);

        assertThat(result.report().entries()).containsExactly(new Report.Entry("Uptime", "5"));
        assertThat(result.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Scrubber.Change.Kind.DROPPED);
            assertThat(change.reason()).contains("drop feedback_url");
        });
    }

    @Test
    void scrub_galeraClusterAddresses_dropped() {
        Report report = Report.builder()
                .add("wsrep_cluster_address", "gcomm://10.0.0.11,10.0.0.12,10.0.0.13")
                .add("wsrep_incoming_addresses", "10.0.0.11:3306,10.0.0.12:3306")
                .add("wsrep_node_address", "10.0.0.11")
                .add("wsrep_evs_delayed", "5b1f7e2c-1d57-11ee-9a3c-8e0b8c3a7f10:tcp://10.0.0.12:4567:3")
                .add("wsrep_allowlist", "10.0.0.0/24")
                .add("wsrep_cluster_size", "3")
                .build();

        Scrubber.Result result = scrubber.scrub(report);

        assertThat(result.report().entries()).containsExactly(new Report.Entry("wsrep_cluster_size", "3"));
    }

    @Test
    void scrub_binlogFileNamedAfterHost_masked() {
        Report report = Report.builder().add("BINLOG_SNAPSHOT_FILE", "./db7-prod-bin.000042").build();

        assertThat(scrubber.scrub(report).report().value("Binlog_snapshot_file")).contains(PrivacyRules.MASKED_VALUE);
    }

    @Test
    void scrub_dumpStatusWithPath_redactsPathOnly() {
        Report report = Report.builder()
                .add("Innodb_buffer_pool_dump_status", "Buffer pool(s) dump completed at 241204 19:44:33; /srv/db7/ib_buffer_pool")
                .build();

        Scrubber.Result result = scrubber.scrub(report);

        assertThat(result.report().value("Innodb_buffer_pool_dump_status"))
                .contains("Buffer pool(s) dump completed at 241204 19:44:33; [path]");
        assertThat(result.changes()).singleElement().extracting(Scrubber.Change::reason).isEqualTo("value held a file path");
    }

    @Test
    void scrub_tlsFilesOfMysql_masked() {
        Report report = Report.builder()
                .add("Current_tls_key", "/etc/mysql/tls/db7.key")
                .add("Current_tls_ca", "")
                .add("Current_tls_version", "TLSv1.2,TLSv1.3")
                .build();

        Report clean = scrubber.scrub(report).report();

        assertThat(clean.value("Current_tls_key")).contains(PrivacyRules.MASKED_VALUE);
        assertThat(clean.value("Current_tls_ca")).contains("");
        assertThat(clean.value("Current_tls_version")).contains("TLSv1.2,TLSv1.3");
    }

    @Test
    void scrub_placeholderExposingNewMatch_redactsUntilStable() {
        Report report = Report.builder().add("X", "Europe/Berlin::1").build();

        Scrubber.Result once = scrubber.scrub(report);
        Scrubber.Result twice = scrubber.scrub(once.report());

        assertThat(once.report().value("X")).contains("[zone][address]");
        assertThat(twice.report()).isEqualTo(once.report());
        assertThat(twice.changes()).isEmpty();
    }

    @Test
    void scrub_sameLeakInTwoEntries_recordsOneChangeEach() {
        Report report = Report.builder().add("time_zone", "Europe/Paris").add("time_zone", "Asia/Tokyo").build();

        Scrubber.Result result = scrubber.scrub(report);

        assertThat(result.changes()).hasSize(2).allSatisfy(change -> assertThat(change.reason()).isEqualTo("value held a named time zone"));
    }

    @Test
    void scrub_fixtureTwice_secondPassChangesNothing() throws Exception {
        Scrubber.Result once = scrubber.scrub(Fixtures.parse(Fixtures.MARIADB_10_11));

        Scrubber.Result twice = scrubber.scrub(once.report());

        assertThat(twice.report()).isEqualTo(once.report());
        assertThat(twice.changes()).isEmpty();
    }

    @Test
    void scrub_fullTextTableSettings_masked() {
        Report report = Report.builder()
                .add("innodb_ft_aux_table", "customer_acme/docs")
                .add("innodb_ft_server_stopword_table", "customer_acme/stopwords")
                .add("innodb_ft_user_stopword_table", "")
                .build();

        Report clean = scrubber.scrub(report).report();

        assertThat(clean.value("innodb_ft_aux_table")).contains(PrivacyRules.MASKED_VALUE);
        assertThat(clean.value("innodb_ft_server_stopword_table")).contains(PrivacyRules.MASKED_VALUE);
        assertThat(clean.value("innodb_ft_user_stopword_table")).contains("");
    }
}
