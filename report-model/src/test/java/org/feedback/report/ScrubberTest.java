package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrubberTest {

    private final Scrubber scrubber = new Scrubber();

    @Test
    void scrub_fixture_dropsFeedbackUrlAndProxy() throws Exception {
        Report report = Fixtures.parse(Fixtures.MARIADB_10_11);

        Scrubber.Result result = scrubber.scrub(report);

        assertThat(result.report().contains("FEEDBACK_URL")).isFalse();
        assertThat(result.report().contains("FEEDBACK_HTTP_PROXY")).isFalse();
        assertThat(result.changes()).extracting(Scrubber.Change::name).contains("FEEDBACK_URL", "FEEDBACK_HTTP_PROXY");
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
                .containsExactlyInAnyOrder("FEEDBACK_URL", "FEEDBACK_HTTP_PROXY", "WSREP_CLUSTER_STATE_UUID");
    }
}
