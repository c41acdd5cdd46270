package org.feedback.reporting.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.feedback.report.Report;
import org.feedback.report.ServerFacts;
import org.feedback.reporting.FactRecorder;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the static-site command against an H2 file database made with the ingest server's migrations. */
class StaticSiteCommandTest {

    @TempDir
    Path folder;

    private String jdbcUrl;

    @BeforeEach
    void recordOneServer() throws SQLException {
        jdbcUrl = "jdbc:h2:file:" + folder.resolve("db/feedback").toAbsolutePath();
        Flyway.configure().dataSource(jdbcUrl, "sa", "")
                .locations("filesystem:" + System.getProperty("feedback.migrations.dir") + "/h2").load().migrate();
        ServerFacts facts = ServerFacts.from(Report.builder().add("FEEDBACK_SERVER_UID", "static-site-server")
                .add("VERSION", "10.11.9-MariaDB").add("Uname_sysname", "Linux").build());
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            new FactRecorder().record(connection, Instant.now().getEpochSecond(), facts);
        }
    }

    private int run(String... arguments) {
        return new CommandLine(new StaticSiteCommand()).execute(arguments);
    }

    @Test
    void run_withRefresh_writesEveryPageAndCsv() throws IOException {
        Path site = folder.resolve("site");

        int exitCode = run("--jdbc-url", jdbcUrl, "--user", "sa", "--password", "", "--out", site.toString(),
                "--min-group-size", "1", "--refresh");

        assertThat(exitCode).isZero();
        for (String page : new String[] {"index", "versions", "platform", "hardware", "usage"}) {
            assertThat(site.resolve(page + ".html")).isRegularFile();
        }
        assertThat(Files.readString(site.resolve("index.html")))
                .contains("<strong id=\"active-servers\">1</strong>")
                .contains("<td>10.11.9-MariaDB</td>")
                .contains("href=\"versions.html\"")
                .contains("href=\"data/version.csv\"")
                .doesNotContain("href=\"/");
        assertThat(Files.readString(site.resolve("data/major-minor.csv"))).contains("10.11,1,1,,");
    }

    @Test
    void run_withoutOut_exitsWithUsageError() {
        int exitCode = run("--jdbc-url", jdbcUrl);

        assertThat(exitCode).isEqualTo(2);
    }

    @Test
    void run_unreachableDatabase_exitsWithOne() {
        int exitCode = run("--jdbc-url", "jdbc:postgresql://127.0.0.1:9/none", "--out", folder.resolve("x").toString());

        assertThat(exitCode).isEqualTo(1);
    }
}
