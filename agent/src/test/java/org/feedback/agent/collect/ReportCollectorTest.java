package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.feedback.report.PrivacyRules;
import org.feedback.report.Report;
import org.feedback.report.ReportKeys;
import org.junit.jupiter.api.Test;

/** Collects reports from the real MariaDB server on 127.0.0.1:3306. */
class ReportCollectorTest {

    @Test
    void collect_localServer_carriesVersionAndServerUid() throws Exception {
        Report report = new ReportCollector(LocalMariaDb.SERVER, "test run", "1.2.3").collect();

        assertThat(report.value("version")).contains(LocalMariaDb.queryValue("SELECT VERSION()"));
        assertThat(report.value(ReportKeys.SERVER_UID)).contains(LocalMariaDb.queryValue("SELECT @@server_uid"));
        assertThat(report.value(ReportKeys.USER_INFO)).contains("test run");
        assertThat(report.value(ReportKeys.AGENT_VERSION)).contains("1.2.3");
        assertThat(report.value("Uptime")).isPresent();
        assertThat(report.value("InnoDB version")).isPresent();
        assertThat(report.value(ReportKeys.CPU_COUNT).map(Integer::parseInt)).hasValue(Runtime.getRuntime().availableProcessors());
        assertThat(report.value(ReportKeys.UNAME_SYSNAME)).contains(System.getProperty("os.name"));
    }

    @Test
    void collect_localServer_sendsNoDeniedEntryAndNoLocalPath() throws Exception {
        String dataDir = LocalMariaDb.queryValue("SELECT @@datadir");
        String socket = LocalMariaDb.queryValue("SELECT @@socket");
        String hostname = LocalMariaDb.queryValue("SELECT @@hostname");

        Report report = new ReportCollector(LocalMariaDb.SERVER, "", "1.2.3").collect();

        for (Report.Entry entry : report.entries()) {
            PrivacyRules.defaults().denyRuleFor(entry.name()).ifPresent(rule -> {
                assertThat(rule.action()).as(entry.name()).isEqualTo(PrivacyRules.Action.MASK);
                assertThat(entry.value()).as(entry.name()).isIn("", PrivacyRules.MASKED_VALUE);
            });
            assertThat(entry.value()).as(entry.name()).doesNotContain(dataDir).doesNotContain(socket);
            if (hostname.length() > 3) {
                assertThat(entry.value()).as(entry.name()).doesNotContain(hostname);
            }
        }
        assertThat(report.contains("datadir")).isFalse();
        assertThat(report.contains("hostname")).isFalse();
    }

    @Test
    void collect_wrongPassword_failsNamingServer() {
        ServerConnection wrong = new ServerConnection("127.0.0.1", 3306, "no_such_user", "wrong", 5);

        assertThatThrownBy(() -> new ReportCollector(wrong, "", "1.2.3").collect())
                .isInstanceOf(ReportCollector.CollectionException.class)
                .hasMessageContaining("no_such_user@127.0.0.1:3306");
    }
}
