package org.feedback.agent.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway {@code mariadbd} for tests that need settings the shared server must not get: its own data
 * directory under {@code target/private-mariadb}, its own socket and a port in 3400-3499, bound to
 * 127.0.0.1. Close it in {@code @AfterAll}; a JVM shutdown hook stops it as well if the tests die first.
 */
public final class PrivateMariaDb implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    /** TCP port, or 0 for a server that listens on its socket only. */
    private final int port;
    private final List<String> extraArguments;
    private final Thread stopOnExit = new Thread(this::stop, "stop-private-mariadb");
    private Process process;

    private PrivateMariaDb(Path dataDir, int port, List<String> extraArguments) {
        this.dataDir = dataDir;
        this.port = port;
        this.extraArguments = extraArguments;
    }

    /** Creates a fresh data directory named {@code name} and starts a server on {@code port}. */
    public static PrivateMariaDb start(String name, int port, String... extraArguments) throws IOException, InterruptedException {
        return install(name, port, List.of(extraArguments));
    }

    /**
     * Creates a fresh data directory named {@code name} and starts a server in a network namespace of its own
     * ({@code unshare --net}), which has only the loopback interface and so no MAC address. It listens on
     * its Unix socket only, which works across network namespaces.
     */
    public static PrivateMariaDb startWithoutNetwork(String name) throws IOException, InterruptedException {
        return install(name, 0, List.of());
    }

    private static PrivateMariaDb install(String name, int port, List<String> extraArguments)
            throws IOException, InterruptedException {
        Path dataDir = Path.of("target", "private-mariadb", name).toAbsolutePath();
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir.getParent());
        List<String> install = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults",
                "--auth-root-authentication-method=normal", "--datadir=" + dataDir));
        addUserIfRoot(install);
        run(install, dataDir.resolveSibling(name + "-install.log"));

        PrivateMariaDb server = new PrivateMariaDb(dataDir, port, extraArguments);
        Runtime.getRuntime().addShutdownHook(server.stopOnExit);
        server.startProcess();
        return server;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Returns the server's Unix socket file. */
    public Path socket() {
        return dataDir.resolve("s.sock");
    }

    /** Returns how the agent connects as {@code user}. */
    public ServerConnection connection(String user, String password) {
        return new ServerConnection("127.0.0.1", port, user, password, Duration.ofSeconds(10));
    }

    /** Runs statements as root. */
    public void execute(String... sql) throws SQLException {
        try (Connection connection = rootConnection(); Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        }
    }

    /** Runs a query as root and returns the first column of its first row. */
    public String queryValue(String sql) throws SQLException {
        try (Connection connection = rootConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Returns a global status value as a number. */
    public long globalStatus(String name) throws SQLException {
        try (Connection connection = rootConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            rows.next();
            return Long.parseLong(rows.getString(2));
        }
    }

    /** Stops the server cleanly and starts it again on the same data directory. */
    public void restart() throws IOException, InterruptedException {
        stop();
        startProcess();
    }

    /** Stops the server with SIGTERM, which mariadbd treats as a clean shutdown; kills it after 60 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() throws IOException {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        deleteRecursively(dataDir);
    }

    private synchronized void startProcess() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(port == 0 ? List.of("unshare", "--net") : List.of());
        command.addAll(List.of("mariadbd", "--no-defaults", "--datadir=" + dataDir, "--socket=" + socket(),
                "--skip-name-resolve", "--innodb-buffer-pool-size=32M", "--innodb-log-file-size=16M",
                "--pid-file=" + dataDir.resolve("mariadbd.pid")));
        command.addAll(port == 0 ? List.of("--skip-networking") : List.of("--port=" + port, "--bind-address=127.0.0.1"));
        addUserIfRoot(command);
        command.addAll(extraArguments);
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        waitUntilReady(log);
    }

    private void waitUntilReady(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mariadbd on port " + port + " exited with " + process.exitValue() + "; see " + log);
            }
            try (Connection ignored = rootConnection()) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        stop();
        throw new IOException("mariadbd on port " + port + " did not accept connections within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private Connection rootConnection() throws SQLException {
        String address = port == 0 ? "localhost/?localSocket=" + socket() + "&" : "127.0.0.1:" + port + "/?";
        return DriverManager.getConnection("jdbc:mariadb://" + address + "connectTimeout=2000", "root", "");
    }

    private static void addUserIfRoot(List<String> command) {
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process install = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
