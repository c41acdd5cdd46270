package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.feedback.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collections under accounts with few privileges, on a private server: the grants the README documents
 * give every count, and an account with none gets {@code unknown} where it would otherwise see only part.
 */
class LowPrivilegeTest {

    private static final String SECRET_DATABASE = "secret_customer_db";
    private static final String SECRET_TABLE = "secret_payroll_table";
    private static final String DOCUMENTED_USER = "feedback_agent_user";
    private static final String BARE_USER = "bare_agent_user";
    private static PrivateMariaDb server;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startServerWithAccounts() throws Exception {
        server = PrivateMariaDb.start("low-privilege", 3402);
        server.execute(
                "CREATE DATABASE " + SECRET_DATABASE,
                "CREATE TABLE " + SECRET_DATABASE + "." + SECRET_TABLE + " (id INT PRIMARY KEY) ENGINE=InnoDB",
                "CREATE TABLE " + SECRET_DATABASE + ".second (id INT PRIMARY KEY) ENGINE=InnoDB",
                "CREATE DATABASE shop",
                "CREATE TABLE shop.orders (id INT PRIMARY KEY) ENGINE=InnoDB",
                // The grants the README tells a DBA to run:
                "CREATE USER '" + DOCUMENTED_USER + "'@'127.0.0.1' IDENTIFIED BY 'agent-pw'",
                "GRANT PROCESS, SHOW DATABASES, SHOW VIEW ON *.* TO '" + DOCUMENTED_USER + "'@'127.0.0.1'",
                "CREATE USER '" + BARE_USER + "'@'127.0.0.1' IDENTIFIED BY 'bare-pw'",
                "GRANT SELECT ON shop.* TO '" + BARE_USER + "'@'127.0.0.1'");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void collect_documentedGrants_countsEverything() throws Exception {
        Report report = collect(DOCUMENTED_USER, "agent-pw");

        // test (made by mariadb-install-db), secret_customer_db and shop
        assertThat(report.value("Databases_count")).contains("3");
        assertThat(report.value("Engine InnoDB tables")).contains("3");
        assertThat(report.value("Engine InnoDB bytes").map(Long::parseLong)).hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(report.value("Databases_bytes").map(Long::parseLong)).hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(report.value("Databases_size_bucket_0")).contains("1");
    }

    @Test
    void collect_databaseGrantOnly_partialCountsUnknown() throws Exception {
        Report report = collect(BARE_USER, "bare-pw");

        assertThat(report.value("Databases_count")).contains("unknown");
        assertThat(report.value("Databases_bytes")).contains("unknown");
        assertThat(report.value("Engine InnoDB tables")).contains("unknown");
        assertThat(report.value("Engine InnoDB bytes")).contains("unknown");
        assertThat(report.contains("Databases_size_bucket_0")).isFalse();
        assertThat(report.value("Collector engines")).contains("ok");
        assertThat(report.value("Collector databases")).contains("ok");
    }

    @Test
    void collect_databaseGrantOnly_serverFactsStillRead() throws Exception {
        Report report = collect(BARE_USER, "bare-pw");

        assertThat(report.value("version")).hasValueSatisfying(version -> assertThat(version).contains("MariaDB"));
        assertThat(report.value("Uptime")).isPresent();
        assertThat(report.value("InnoDB status")).contains("ACTIVE");
        assertThat(report.value("Io_interval_seconds")).isPresent();
    }

    @Test
    void collect_anyAccount_reportNamesNoDatabaseTableUserOrPath() throws Exception {
        for (String[] account : List.of(new String[] {DOCUMENTED_USER, "agent-pw"}, new String[] {BARE_USER, "bare-pw"})) {
            Report report = collect(account[0], account[1]);

            for (Report.Entry entry : report.entries()) {
                String line = entry.name() + "\t" + entry.value();
                assertThat(line).as(account[0]).doesNotContain(SECRET_DATABASE).doesNotContain(SECRET_TABLE)
                        .doesNotContain("shop").doesNotContain("orders").doesNotContain(account[0])
                        .doesNotContain(account[1]).doesNotContain(server.dataDir().toString())
                        .doesNotContain(stateDir.toString()).doesNotContain("127.0.0.1");
            }
        }
    }

    private Report collect(String user, String password) throws Exception {
        return new ReportCollector(server.connection(user, password), UserFacts.NONE, "test", stateDir).collect(null, false).report();
    }
}
