package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.feedback.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collection on a server holding 10,000 tables opens next to none of them. The tables are 9,800 MyISAM
 * copies of one table, made by copying its files (creating them with SQL takes minutes on 2 cores), and
 * 200 InnoDB tables with a tablespace each.
 */
class ManyTablesTest {

    private static final int MYISAM_TABLES = 9_800;
    private static final int INNODB_TABLES = 200;
    private static PrivateMariaDb server;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startServerWithManyTables() throws Exception {
        server = PrivateMariaDb.start("many-tables", 3401);
        server.execute("CREATE DATABASE copies", "CREATE TABLE copies.t0 (id INT PRIMARY KEY, name VARCHAR(20)) ENGINE=MyISAM",
                "INSERT INTO copies.t0 VALUES (1, 'one')", "FLUSH TABLES");
        Path copies = server.dataDir().resolve("copies");
        for (int i = 1; i < MYISAM_TABLES; i++) {
            for (String extension : new String[] {".frm", ".MYD", ".MYI"}) {
                Files.copy(copies.resolve("t0" + extension), copies.resolve("t" + i + extension));
            }
        }
        server.execute("CREATE DATABASE inno");
        String[] creates = new String[INNODB_TABLES];
        for (int i = 0; i < INNODB_TABLES; i++) {
            creates[i] = "CREATE TABLE inno.t" + i + " (id INT PRIMARY KEY) ENGINE=InnoDB";
        }
        server.execute(creates);
        server.execute("FLUSH TABLES");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void collect_tenThousandTables_opensFarFewerThanTheTables() throws Exception {
        server.execute("FLUSH TABLES");
        long openedBefore = server.globalStatus("Opened_tables");

        // A guard against a hang, not a speed check: docs/benchmarks.md records the time this takes.
        Report report = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> collector().collect(null, false).report());

        long opened = server.globalStatus("Opened_tables") - openedBefore;
        assertThat(opened).isLessThan(100);
        assertThat(report.value("Collector engines")).contains("ok");
        assertThat(report.value("Engine MyISAM tables")).contains(String.valueOf(MYISAM_TABLES));
        assertThat(report.value("Engine InnoDB tables")).contains(String.valueOf(INNODB_TABLES));
    }

    @Test
    void collect_innodbFromTablespaces_myisamFromFiles() throws Exception {
        Path copies = server.dataDir().resolve("copies");
        long myisamBytes = MYISAM_TABLES * (Files.size(copies.resolve("t0.MYD")) + Files.size(copies.resolve("t0.MYI")));

        Report report = collector().collect(null, false).report();

        long innodbBytes = report.value("Engine InnoDB bytes").map(Long::parseLong).orElseThrow();
        assertThat(innodbBytes).isGreaterThanOrEqualTo(INNODB_TABLES * 16_384L);
        assertThat(report.value("Engine MyISAM bytes")).contains(String.valueOf(myisamBytes));
        assertThat(report.value("Databases_count")).contains("3");
        assertThat(report.value("Databases_bytes")).contains(String.valueOf(innodbBytes + myisamBytes));
    }

    @Test
    void tableSizesFromInformationSchema_wouldOpenEveryTable() throws Exception {
        // The query the engine collector avoids: asking for DATA_LENGTH makes the server open each table.
        long openedBefore = server.globalStatus("Opened_tables");

        server.queryValue("SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM information_schema.TABLES");

        assertThat(server.globalStatus("Opened_tables") - openedBefore).isGreaterThanOrEqualTo(MYISAM_TABLES);
    }

    private ReportCollector collector() {
        return new ReportCollector(server.connection("root", ""), UserFacts.NONE, "test", stateDir);
    }
}
