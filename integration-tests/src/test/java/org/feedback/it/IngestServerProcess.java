package org.feedback.it;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged ingest server ({@code quarkus-run.jar}) running as a child process on a free loopback
 * port, with its own H2 database in a fresh folder. Closing it stops the process.
 */
final class IngestServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;

    private IngestServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the server with a new data folder under {@code workDir} and waits until it is ready;
     * {@code settings} are extra {@code -Dname=value} options.
     */
    static IngestServerProcess start(Path workDir, String name, String... settings) throws IOException, InterruptedException {
        Path dataDir = Files.createDirectories(workDir.resolve(name + "-" + System.nanoTime()));
        Path log = dataDir.resolve("server.log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Jars.java(), "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dfeedback.data-dir=" + dataDir.toAbsolutePath()));
        command.addAll(List.of(settings));
        command.addAll(List.of("-jar", Jars.ingestServer().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        IngestServerProcess server = new IngestServerProcess(process, port, log);
        server.awaitReady();
        return server;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Returns the dashboard summary once it counts {@code expected} active servers, because the rollups are
     * refreshed a few seconds after a report arrives; returns the last summary read after 30 seconds.
     */
    JsonPath awaitActiveServers(long expected) throws InterruptedException {
        JsonPath summary = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            summary = given().baseUri(uri("/").toString()).when().get("/api/v1/stats/summary")
                    .then().statusCode(200).extract().jsonPath();
            if (summary.getLong("activeServers") == expected) {
                break;
            }
            Thread.sleep(500);
        }
        return summary;
    }

    int port() {
        return port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the ingest server exited with code " + process.exitValue()
                        + "; its output:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> reply = client.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // retry until the deadline
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("the ingest server was not ready within " + START_TIMEOUT.toSeconds()
                + " seconds; its output:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
