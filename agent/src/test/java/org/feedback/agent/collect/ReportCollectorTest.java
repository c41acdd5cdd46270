package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.feedback.report.PrivacyRules;
import org.feedback.report.Report;
import org.feedback.report.ReportKeys;
import org.feedback.report.ServerFacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collects reports from the real MariaDB server on 127.0.0.1:3306. */
class ReportCollectorTest {

    private static final String DATABASE = "feedback_agent_test_collector";
    private static final String TABLE = "distinctive_table_name";

    @TempDir
    Path stateDir;

    @BeforeAll
    static void createDatabase() throws Exception {
        LocalMariaDb.execute("DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE,
                "CREATE TABLE " + DATABASE + "." + TABLE + " (id INT PRIMARY KEY) ENGINE=InnoDB");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        LocalMariaDb.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }

    @Test
    void collect_localServer_carriesIdentityAndServerFacts() throws Exception {
        Report report = collector(new UserFacts("test run", "Example Ltd", "", "C-42")).collect(null, false).report();

        assertThat(report.value("version")).contains(LocalMariaDb.queryValue("SELECT VERSION()"));
        assertThat(report.value(ReportKeys.SERVER_UID)).contains(LocalMariaDb.queryValue("SELECT @@server_uid"));
        assertThat(report.value(ReportKeys.USER_INFO)).contains("test run");
        assertThat(report.value(ReportKeys.COMPANY)).contains("Example Ltd");
        assertThat(report.value(ReportKeys.CONTRACT_ID)).contains("C-42");
        assertThat(report.contains(ReportKeys.LOCATION)).isFalse();
        assertThat(report.value(ReportKeys.FORMAT_VERSION)).contains("1");
        assertThat(report.value(ReportKeys.AGENT_VERSION)).contains("1.2.3");
        assertThat(report.value("Uptime")).isPresent();
        assertThat(report.value(ReportKeys.CPU_COUNT).map(Integer::parseInt)).hasValue(Runtime.getRuntime().availableProcessors());
        assertThat(report.value(ReportKeys.UNAME_SYSNAME)).contains(System.getProperty("os.name"));
    }

    @Test
    void collect_localServer_pluginsWithVersionStatusAndType() throws Exception {
        Report report = collector(UserFacts.NONE).collect(null, false).report();

        assertThat(report.value("InnoDB version")).isPresent();
        assertThat(report.value("InnoDB status")).contains("ACTIVE");
        assertThat(report.value("InnoDB type")).contains("STORAGE ENGINE");
    }

    @Test
    void collect_localServer_everyCollectorOk() throws Exception {
        Report report = collector(UserFacts.NONE).collect(null, false).report();

        for (String name : List.of("variables", "status", "plugins", "engines", "databases", "io", "host")) {
            assertThat(report.value("Collector " + name)).as(name).contains("ok");
        }
    }

    @Test
    void collect_localServer_countsInnodbTablesAndDatabases() throws Exception {
        Report report = collector(UserFacts.NONE).collect(null, false).report();

        assertThat(report.value("Engine InnoDB tables").map(Long::parseLong)).hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(report.value("Engine InnoDB bytes").map(Long::parseLong)).hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(report.value("Databases_count").map(Long::parseLong)).hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(report.value("Databases_bytes").map(Long::parseLong)).hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(report.value("Databases_size_bucket_0")).isPresent();
    }

    @Test
    void collect_localServer_readableAsServerFacts() throws Exception {
        ServerFacts facts = ServerFacts.from(collector(UserFacts.NONE).collect(null, false).report());

        assertThat(facts.formatVersion()).contains("1");
        assertThat(facts.flavor()).contains(ServerFacts.Flavor.MARIADB);
        assertThat(facts.engines()).containsKey("InnoDB");
        assertThat(facts.engines().get("InnoDB").tables()).isPresent();
        assertThat(facts.databaseCount()).isPresent();
        assertThat(facts.osFamily()).contains("Linux");
        assertThat(facts.cpuCores()).isPresent();
        assertThat(facts.failedCollectors()).isEmpty();
    }

    @Test
    void collect_withPreviousSample_measuresActivitySinceThen() throws Exception {
        ReportCollector collector = collector(UserFacts.NONE);
        CounterSample taken = collector.collect(null, false).counters();
        // Uptime has whole seconds, so the sample is dated 10 s back to give the interval a length.
        CounterSample start = new CounterSample(taken.uptimeSeconds() - 10, taken.counters());

        Report report = collector.collect(start, false).report();

        long interval = Long.parseLong(report.value("Io_interval_seconds").orElseThrow());
        long uptime = Long.parseLong(report.value("Uptime").orElseThrow());
        assertThat(interval).isEqualTo(uptime - start.uptimeSeconds()).isLessThan(uptime);
        assertThat(Long.parseLong(report.value("Questions delta").orElseThrow())).isPositive()
                .isLessThan(Long.parseLong(report.value("Questions").orElseThrow()));
        assertThat(report.value("Questions rate")).isPresent();
    }

    @Test
    void collect_withStats_countsStatementsAndServerTime() throws Exception {
        Collection collection = collector(UserFacts.NONE).collect(null, true);

        assertThat(collection.stats().statements()).isBetween(8, 15);
        assertThat(collection.stats().measuredServerTime()).hasValueSatisfying(time -> assertThat(time).isPositive());
        // The server's profile may also count work done after its reply has gone out, so its time can
        // exceed the client's round trip slightly. A unit mistake would put it a thousand times off.
        Duration slack = Duration.ofMillis(collection.stats().statements());
        assertThat(collection.stats().serverTime()).isLessThanOrEqualTo(collection.stats().roundTrip().plus(slack));
        assertThat(collection.stats().roundTrip()).isPositive();
    }

    @Test
    void collect_localServer_sendsNoDeniedEntryNoNameAndNoPath() throws Exception {
        String dataDir = LocalMariaDb.queryValue("SELECT @@datadir");
        String socket = LocalMariaDb.queryValue("SELECT @@socket");
        String hostname = LocalMariaDb.queryValue("SELECT @@hostname");

        Report report = collector(UserFacts.NONE).collect(null, false).report();

        for (Report.Entry entry : report.entries()) {
            PrivacyRules.defaults().denyRuleFor(entry.name()).ifPresent(rule -> {
                assertThat(rule.action()).as(entry.name()).isEqualTo(PrivacyRules.Action.MASK);
                assertThat(entry.value()).as(entry.name()).isIn("", PrivacyRules.MASKED_VALUE);
            });
            String line = entry.name() + "\t" + entry.value();
            assertThat(line).doesNotContain(dataDir).doesNotContain(socket).doesNotContain(DATABASE).doesNotContain(TABLE)
                    .doesNotContain(stateDir.toString()).doesNotContain("127.0.0.1");
            if (hostname.length() > 3) {
                assertThat(line).doesNotContain(hostname);
            }
        }
        assertThat(report.contains("datadir")).isFalse();
        assertThat(report.contains("hostname")).isFalse();
    }

    @Test
    void collect_localhostWithSocket_readsThroughSocket() throws Exception {
        String socket = LocalMariaDb.queryValue("SELECT @@socket");
        ServerConnection viaSocket = new ServerConnection("localhost", 3306, "root", "", Duration.ofSeconds(10),
                Duration.ofSeconds(10), socket);

        Report report = new ReportCollector(viaSocket, UserFacts.NONE, "1.2.3", stateDir).collect(null, false).report();

        assertThat(viaSocket.usesSocket()).isTrue();
        assertThat(report.value("Collector variables")).contains("ok");
        assertThat(report.value(ReportKeys.SERVER_UID)).contains(LocalMariaDb.queryValue("SELECT @@server_uid"));
    }

    @Test
    void collect_wrongPassword_failsNamingServer() {
        ServerConnection wrong = new ServerConnection("127.0.0.1", 3306, "no_such_user", "secret-pw-1", Duration.ofSeconds(5));

        assertThatThrownBy(() -> new ReportCollector(wrong, UserFacts.NONE, "1.2.3", stateDir).collect(null, false))
                .isInstanceOf(ReportCollector.CollectionException.class)
                .hasMessageContaining("no_such_user@127.0.0.1:3306")
                .hasMessageNotContaining("secret-pw-1");
        assertThat(wrong.toString()).doesNotContain("secret-pw-1");
    }

    @Test
    void notice_afterCollection_carriesIdWhenAndUserInfoOnly() throws Exception {
        ReportCollector collector = collector(UserFacts.userInfo("team"));

        Report notice = collector.notice("startup");

        assertThat(notice.entries()).extracting(Report.Entry::name)
                .containsExactly(ReportKeys.SERVER_UID, ReportKeys.WHEN, ReportKeys.USER_INFO);
        assertThat(notice.value(ReportKeys.SERVER_UID)).contains(LocalMariaDb.queryValue("SELECT @@server_uid"));
        assertThat(notice.value(ReportKeys.WHEN)).contains("startup");
        assertThat(notice.isNotice()).isTrue();
    }

    private ReportCollector collector(UserFacts facts) {
        return new ReportCollector(LocalMariaDb.SERVER, facts, "1.2.3", stateDir);
    }
}
