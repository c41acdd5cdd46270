package org.feedback.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The main job end to end: the packaged agent reads the real MariaDB on 127.0.0.1:3306 and sends its
 * report to the packaged ingest server, whose dashboard then counts that server.
 */
class EndToEndTest {

    @Test
    void agentSend_localMariaDb_serverCountedOnDashboard() throws Exception {
        String version = queryLocalMariaDb("SELECT VERSION()");
        String serverUid = queryLocalMariaDb("SELECT @@server_uid");

        // One server is below the default suppression threshold of 5, so this server shows every group.
        try (IngestServerProcess server = IngestServerProcess.start(Jars.workDir(), "end-to-end",
                "-Dfeedback.dashboard.min-group-size=1", "-Dfeedback.dashboard.refresh-check-every=1s")) {
            AgentRun run = runAgent("send", "--quiet", "--url", server.uri("/post").toString());

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("server at '" + server.uri("/post") + "' replied 'Report stored: ");

            JsonPath summary = server.awaitActiveServers(1);
            assertThat(summary.getLong("activeServers")).isEqualTo(1);
            assertThat(summary.getList("byVersion.label")).containsExactly(version);
            assertThat(summary.getList("byVersion.servers", Long.class)).containsExactly(1L);

            String page = given().baseUri(server.uri("/").toString()).when().get("/").then().statusCode(200)
                    .extract().asString();
            assertThat(page).contains("<strong id=\"active-servers\">1</strong>").contains("<td>" + version + "</td>");
            assertThat(page).doesNotContain(serverUid);
        }
    }

    @Test
    void agentSend_unreachableUrl_exitsNonZeroNamingUrl() throws Exception {
        String url = "http://127.0.0.1:9/post";

        AgentRun run = runAgent("send", "--quiet", "--send-timeout", "5", "--url", url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("report to '" + url + "' failed");
    }

    /** Exit code and combined output of one agent run. */
    record AgentRun(int exitCode, String output) {
    }

    static AgentRun runAgent(String... arguments) throws IOException, InterruptedException {
        Path output = Files.createTempFile(Files.createDirectories(Jars.workDir()), "agent", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(Jars.java(), "-jar", Jars.agent().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the agent did not finish within 120 seconds: " + Files.readString(output));
        }
        return new AgentRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    static String queryLocalMariaDb(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
