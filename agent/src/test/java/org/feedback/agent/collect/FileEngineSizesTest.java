package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.feedback.agent.AgentProcess;
import org.feedback.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes of MyISAM, Aria, CSV and ARCHIVE tables read from the data directory of a private server, which this
 * test owns, so the collector may read it. The expected sizes are summed here from the files themselves.
 */
class FileEngineSizesTest {

    /** File name extensions per engine as the report names the engine. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            "MyISAM", List.of(".MYD", ".MYI"),
            "Aria", List.of(".MAD", ".MAI"),
            "CSV", List.of(".CSV", ".CSM"),
            "ARCHIVE", List.of(".ARZ"));
    /** Tables the test creates; the partitioned one has three partitions. */
    private static final int TABLES = 7;

    private static PrivateMariaDb server;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startServerWithFileTables() throws Exception {
        server = PrivateMariaDb.start("file-engines", 3404, "--plugin-load-add=ha_archive");
        String rows = " SELECT seq, REPEAT('x', seq MOD 90) FROM test.seq_1_to_2000";
        server.execute(
                "CREATE DATABASE sizes",
                "CREATE TABLE sizes.m (id INT PRIMARY KEY, note VARCHAR(100)) ENGINE=MyISAM",
                "CREATE TABLE sizes.a (id INT PRIMARY KEY, note VARCHAR(100)) ENGINE=Aria",
                "CREATE TABLE sizes.c (id INT NOT NULL, note VARCHAR(100) NOT NULL) ENGINE=CSV",
                "CREATE TABLE sizes.z (id INT NOT NULL, note VARCHAR(100) NOT NULL) ENGINE=ARCHIVE",
                "CREATE TABLE sizes.p (id INT NOT NULL, note VARCHAR(100)) ENGINE=MyISAM PARTITION BY HASH(id) PARTITIONS 3",
                "INSERT INTO sizes.m" + rows, "INSERT INTO sizes.a" + rows, "INSERT INTO sizes.c" + rows,
                "INSERT INTO sizes.z" + rows, "INSERT INTO sizes.p" + rows,
                // A name the server writes to disk encoded, as odd@002dname/t@002d1.MYD.
                "CREATE DATABASE `odd-name`",
                "CREATE TABLE `odd-name`.`t-1` (id INT PRIMARY KEY) ENGINE=MyISAM",
                "CREATE TABLE `odd-name`.`t-2` (id INT PRIMARY KEY) ENGINE=Aria",
                "INSERT INTO `odd-name`.`t-1` SELECT seq FROM test.seq_1_to_500",
                "FLUSH TABLES");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void collect_fileEngines_sizesEqualFileSizes() throws Exception {
        Report report = collect();

        for (String engine : EXTENSIONS.keySet()) {
            assertThat(report.value("Engine " + engine + " bytes")).as(engine).contains(String.valueOf(fileBytes(engine)));
        }
        assertThat(report.value("Engine MyISAM tables")).contains("3");
        assertThat(fileBytes("ARCHIVE")).isPositive();
    }

    @Test
    void collect_fileEngines_databaseSizesKnown() throws Exception {
        long total = EXTENSIONS.keySet().stream().mapToLong(FileEngineSizesTest::fileBytes).sum();

        Report report = collect();

        // test (empty, made by mariadb-install-db), sizes and odd-name
        assertThat(report.value("Databases_count")).contains("3");
        assertThat(report.value("Databases_bytes")).contains(String.valueOf(total));
        assertThat(report.value("Databases_size_bucket_0")).contains("1");
        assertThat(report.value("Databases_size_bucket_" + StorageCollectors.Databases.bucket(total))).isPresent();
    }

    @Test
    void collect_fileEngines_opensNoTable() throws Exception {
        server.execute("FLUSH TABLES");
        long openedBefore = server.globalStatus("Opened_tables");

        collect();

        assertThat(server.globalStatus("Opened_tables") - openedBefore).isLessThan(TABLES);
    }

    @Test
    void dataLengthQuery_opensEachTable() throws Exception {
        // The query the collector avoids, which shows that the check above can fail.
        server.execute("FLUSH TABLES");
        long openedBefore = server.globalStatus("Opened_tables");

        server.queryValue("SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA IN ('sizes', 'odd-name')");

        assertThat(server.globalStatus("Opened_tables") - openedBefore).isGreaterThanOrEqualTo(TABLES);
    }

    @Test
    void collect_dataDirNotListable_sizesUnknown() throws Exception {
        // Tests run as root, and file modes do not restrict root. So the agent runs as the user nobody, like an
        // agent that is not the mysql user, while the data directory keeps its owner root and its modes.
        assumeTrue(runs(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "true")),
                "setpriv cannot switch to the user nobody here");
        Path readable = Files.createTempDirectory("file-engine-sizes", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        try (AgentProcess agent = AgentProcess.startUnder(
                List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"),
                readableClassPath(readable), stateDir.resolve("agent.log"), "report", "--no-defaults",
                "--host=127.0.0.1", "--port=" + server.port(), "--user=root",
                "--state-dir=" + writableDirectory(readable.resolve("state")))) {
            assertThat(agent.awaitExit(120)).as(agent.log()).isZero();
            String log = agent.log();

            for (String engine : EXTENSIONS.keySet()) {
                assertThat(log).contains("\nEngine " + engine + " bytes\tunknown\n");
            }
            assertThat(log).contains("\nEngine MyISAM tables\t3\n").contains("\nDatabases_count\t3\n")
                    .contains("\nDatabases_bytes\tunknown\n").doesNotContain("Databases_size_bucket_0")
                    .contains("(permission denied)").contains("run the agent as the data directory's owner");
            assertThat(log.lines().filter(line -> line.contains("\t")))
                    .noneMatch(reportLine -> reportLine.contains(server.dataDir().toString()));
        } finally {
            deleteRecursively(readable);
        }
    }

    private Report collect() throws Exception {
        return new ReportCollector(server.connection("root", ""), UserFacts.NONE, "test", stateDir).collect(null, false).report();
    }

    /** Sums the sizes of the engine's files in the user databases' directories. */
    private static long fileBytes(String engine) {
        long total = 0;
        for (String directory : List.of("sizes", "odd@002dname")) {
            try (Stream<Path> files = Files.list(server.dataDir().resolve(directory))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (EXTENSIONS.get(engine).stream().anyMatch(name::endsWith)) {
                        total += Files.size(file);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return total;
    }

    /** Copies this test run's class path to {@code directory}, readable by every user; returns the copy. */
    private static String readableClassPath(Path directory) throws IOException {
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = directory.resolve("cp" + index++ + (Files.isDirectory(source) ? "" : ".jar"));
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : paths.toList()) {
                    Path copy = target.resolve(source.relativize(path).toString());
                    Files.copy(path, copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString(
                            Files.isDirectory(copy) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            entries.add(target.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path writableDirectory(Path directory) throws IOException {
        Files.createDirectory(directory);
        return Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean runs(List<String> command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }
}
