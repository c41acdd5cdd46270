package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.feedback.report.PrivacyRules;
import org.feedback.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server is restarted in the middle of a collection; the report still comes out, marked. */
class ServerRestartTest {

    private static PrivateMariaDb server;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startServer() throws Exception {
        server = PrivateMariaDb.start("restart", 3403);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void collect_serverRestartedMidway_laterCollectorsMarkedFailed() throws Exception {
        IoCollector io = new IoCollector();
        List<Collector> collectors = List.of(new ServerCollectors.Variables(PrivacyRules.defaults()),
                new ServerCollectors.Status(), new RestartingCollector(), new ServerCollectors.Plugins(),
                new StorageCollectors.Engines(), new StorageCollectors.Databases(), io);

        Report report = collector().collect(collectors, io, null, false).report();

        assertThat(report.value("Collector variables")).contains("ok");
        assertThat(report.value("Collector restart")).contains("ok");
        assertThat(report.value("Collector plugins")).hasValueSatisfying(value -> assertThat(value).startsWith("failed: connection lost"));
        assertThat(report.value("Collector databases")).hasValueSatisfying(value -> assertThat(value).startsWith("failed: "));
        assertThat(report.value("Databases_count")).contains("unknown");
        assertThat(report.value("Collector io")).contains("ok");
        assertThat(report.value("Collector host")).contains("ok");
        assertThat(report.value("version")).isPresent();
    }

    @Test
    void collect_afterRestart_nextCollectionComplete() throws Exception {
        server.restart();

        Report report = collector().collect(null, false).report();

        assertThat(report.entries()).filteredOn(entry -> entry.name().startsWith("Collector "))
                .allSatisfy(entry -> assertThat(entry.value()).as(entry.name()).isEqualTo("ok"));
    }

    private ReportCollector collector() {
        return new ReportCollector(server.connection("root", ""), UserFacts.NONE, "test", stateDir, Clock.systemUTC(),
                HostFiles.system(), ServerUid::firstMacAddress);
    }

    /** Restarts the private server while the collection's connection is open. */
    private static final class RestartingCollector implements Collector {
        @Override
        public String name() {
            return "restart";
        }

        @Override
        public List<String> keysOnFailure() {
            return List.of();
        }

        @Override
        public void collect(CollectionContext context, Report.Builder out) throws Exception {
            server.restart();
        }
    }
}
