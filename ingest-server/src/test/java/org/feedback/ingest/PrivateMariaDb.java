package org.feedback.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway {@code mariadbd} of this test run: its own data folder under {@code target/}, its own socket
 * and a free port in 3500-3599 on 127.0.0.1. Tests may stop and restart it to take the database away from
 * a running server; the shared MariaDB on port 3306 is never touched. {@link #stop()} always ends it.
 */
public class PrivateMariaDb implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "feedback_fault_test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static volatile PrivateMariaDb running;

    private Path home;
    private int port;
    private Process server;

    /** Returns the instance the current test profile started. */
    static PrivateMariaDb running() {
        PrivateMariaDb instance = running;
        if (instance == null) {
            throw new IllegalStateException("no private mariadbd is running; use PrivateMariaDbProfile");
        }
        return instance;
    }

    @Override
    public Map<String, String> start() {
        try {
            home = Files.createDirectories(Path.of("target", "private-mariadb").toAbsolutePath());
            deleteRecursively(home.resolve("data"));
            port = freePort();
            install();
            startServer();
            createDatabase();
            running = this;
            return Map.of("quarkus.datasource.jdbc.url", url(DATABASE));
        } catch (IOException | InterruptedException | SQLException e) {
            stop();
            throw new IllegalStateException("could not start a private mariadbd in " + home
                    + "; is mariadbd installed (Debian package mariadb-server)?", e);
        }
    }

    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server the way an operator would, and waits until it has exited. */
    void stopServer() throws InterruptedException {
        if (server == null) {
            return;
        }
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        server = null;
    }

    /** Starts the server on its existing data folder and waits until it takes connections. */
    void startServer() throws IOException, InterruptedException {
        Path log = home.resolve("mariadbd.log");
        server = new ProcessBuilder(List.of("mariadbd", "--no-defaults", "--datadir=" + home.resolve("data"),
                "--socket=" + home.resolve("mariadbd.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                "--skip-name-resolve", "--innodb-buffer-pool-size=32M", "--user=root",
                "--pid-file=" + home.resolve("mariadbd.pid")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IOException("mariadbd exited with code " + server.exitValue() + "; see " + log);
            }
            try (Connection ignored = DriverManager.getConnection(url(""), "root", "")) {
                return;
            } catch (SQLException notReadyYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("mariadbd did not take connections within " + START_TIMEOUT.toSeconds() + " seconds; see " + log);
    }

    private void install() throws IOException, InterruptedException {
        Process install = new ProcessBuilder(List.of("mariadb-install-db", "--no-defaults",
                "--auth-root-authentication-method=normal", "--datadir=" + home.resolve("data"), "--user=root"))
                .redirectErrorStream(true).redirectOutput(home.resolve("install.log").toFile()).start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IOException("mariadb-install-db failed; see " + home.resolve("install.log"));
        }
    }

    private void createDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(""), "root", "")) {
            connection.createStatement().execute("CREATE DATABASE " + DATABASE);
        }
    }

    @Override
    public void stop() {
        running = null;
        try {
            stopServer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (server != null) {
                server.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        for (int candidate = 3500; candidate <= 3599; candidate++) {
            try (ServerSocket socket = new ServerSocket(candidate, 1, java.net.InetAddress.getLoopbackAddress())) {
                return candidate;
            } catch (IOException taken) {
                // try the next port
            }
        }
        throw new IOException("no free port in 3500-3599 on 127.0.0.1");
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
