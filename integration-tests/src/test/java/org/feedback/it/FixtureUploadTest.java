package org.feedback.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads the real MariaDB 10.11 report to the packaged server as {@code curl -F data=@file} does. Each test
 * uploads its own copy with a new server id, because the server stores a resent report only once.
 */
class FixtureUploadTest {

    private static final String FIXTURE = "mariadb-10.11-information-schema-feedback.txt";
    private static final Path CURL = Path.of("/usr/bin/curl");

    private static IngestServerProcess server;
    private Path fixtureFile;

    @BeforeAll
    static void startServer() throws Exception {
        server = IngestServerProcess.start(Jars.workDir(), "fixture-upload");
    }

    @BeforeEach
    void writeFixtureWithNewServerId() throws IOException {
        String report;
        try (InputStream in = FixtureUploadTest.class.getResourceAsStream("/fixtures/" + FIXTURE)) {
            report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String serverUid = UUID.randomUUID().toString().replace("-", "").substring(0, 27) + "=";
        fixtureFile = Jars.workDir().resolve(serverUid.substring(0, 12) + "-" + FIXTURE);
        Files.writeString(fixtureFile, report.replaceFirst("(?m)^FEEDBACK_SERVER_UID\t.*$",
                "FEEDBACK_SERVER_UID\t" + serverUid), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void post_fixtureAsCurlFormFile_stored() {
        // curl -F data=@file sends the file name and, for a .txt file, Content-Type text/plain.
        String html = given().baseUri(server.uri("/").toString())
                .multiPart("data", fixtureFile.toFile(), "text/plain")
                .when().post("/post")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("<h1>Report stored: 949 entries, 2 withheld for privacy</h1>");
    }

    @Test
    void post_withRealCurl_stored() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CURL), "curl is not installed on this machine");

        Process curl = new ProcessBuilder(List.of(CURL.toString(), "--silent", "--show-error",
                "-F", "data=@" + fixtureFile.toAbsolutePath(), server.uri("/post").toString()))
                .redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes());
        assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(curl.exitValue()).as(output).isZero();
        assertThat(output).contains("<h1>Report stored: 949 entries, 2 withheld for privacy</h1>");
    }

    @Test
    void post_mariadbClientOutputThroughCurlStdin_stored() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CURL), "curl is not installed on this machine");

        // What the README suggests to a person: mariadb -e '...' | curl -F data=@- URL
        Process curl = new ProcessBuilder(List.of(CURL.toString(), "--silent", "--show-error",
                "-F", "data=@-", server.uri("/post").toString()))
                .redirectInput(fixtureFile.toFile()).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes());
        assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("<h1>Report stored: ");
    }

    @Test
    void post_sameFileTwiceWithRealCurl_secondAlreadyStored() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CURL), "curl is not installed on this machine");
        String first = curlUpload();

        String second = curlUpload();

        assertThat(first).contains("<h1>Report stored: ");
        assertThat(second).contains("<h1>Report already stored: ");
    }

    @Test
    void post_asMaxScaleSendsIt_found302WithOkHeading() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CURL), "curl is not installed on this machine");
        String report;
        try (InputStream in = FixtureUploadTest.class.getResourceAsStream("/fixtures/maxscale-report-constructed.txt")) {
            report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path reportFile = Jars.workDir().resolve(UUID.randomUUID() + "-report.txt");
        Files.writeString(reportFile, report.replaceFirst("(?m)^FEEDBACK_SERVER_UID\t.*$",
                "FEEDBACK_SERVER_UID\t" + UUID.randomUUID().toString().replace("-", "")), StandardCharsets.UTF_8);

        // MaxScale posts with libcurl: HTTP/1.0, its own User-Agent, the part "data" named report.txt as
        // text/plain, redirects not followed. It counts the upload as delivered only for a 302 whose body
        // contains <h1>ok</h1>.
        Process curl = new ProcessBuilder(List.of(CURL.toString(), "--silent", "--show-error", "--http1.0",
                "--user-agent", "MaxScale-agent/http-1.0", "--write-out", "\nstatus %{http_code}",
                "-F", "data=@" + reportFile.toAbsolutePath() + ";filename=report.txt;type=text/plain",
                server.uri("/post").toString()))
                .redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(curl.exitValue()).as(output).isZero();
        assertThat(output).contains("<h1>ok</h1>").contains("Report stored: 19 entries").endsWith("status 302");
    }

    private String curlUpload() throws IOException, InterruptedException {
        Process curl = new ProcessBuilder(List.of(CURL.toString(), "--silent", "--show-error",
                "-F", "data=@" + fixtureFile.toAbsolutePath(), server.uri("/post").toString()))
                .redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
