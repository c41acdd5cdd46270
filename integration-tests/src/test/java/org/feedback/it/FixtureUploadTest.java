package org.feedback.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploads the real MariaDB 10.11 report to the packaged server as {@code curl -F data=@file} does. */
class FixtureUploadTest {

    private static final String FIXTURE = "mariadb-10.11-information-schema-feedback.txt";
    private static final Path CURL = Path.of("/usr/bin/curl");

    private static IngestServerProcess server;
    private static Path fixtureFile;

    @BeforeAll
    static void startServer() throws Exception {
        server = IngestServerProcess.start(Jars.workDir(), "fixture-upload");
        fixtureFile = Jars.workDir().resolve(FIXTURE);
        try (InputStream in = FixtureUploadTest.class.getResourceAsStream("/fixtures/" + FIXTURE)) {
            Files.write(fixtureFile, in.readAllBytes());
        }
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
}
