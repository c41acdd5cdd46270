package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

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
    void from_zeroOrGarbageNumbers_staysUnknown() {
        Report report = Report.builder().add("Cpu_count", "0").add("Mem_total", "lots").build();

        ServerFacts facts = ServerFacts.from(report);

        assertThat(facts.cpuCount()).isEmpty();
        assertThat(facts.memoryBytes()).isEmpty();
    }
}
