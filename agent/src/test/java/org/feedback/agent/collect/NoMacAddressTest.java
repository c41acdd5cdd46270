package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.feedback.agent.AgentProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent and a private server on a host without a MAC address, made real with network namespaces that
 * contain only the loopback interface ({@code unshare --net}). They talk through the server's Unix socket.
 */
class NoMacAddressTest {

    private static final List<String> NO_NETWORK = List.of("unshare", "--net");
    private static PrivateMariaDb server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServerWithoutNetwork() throws Exception {
        assumeTrue(runs(NO_NETWORK, "true"), "unshare --net cannot make a network namespace here");
        server = PrivateMariaDb.startWithoutNetwork("no-mac");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void serverWithoutMac_publishesNoUsableServerUid() throws Exception {
        // Why the agent's own fallback runs below: this server found no MAC address either.
        assertThat(server.queryValue("SELECT @@server_uid")).isEqualTo(ServerUid.SERVER_UID_UNKNOWN);
    }

    @Test
    void report_noMacAddress_randomIdKeptInStateDir() throws Exception {
        Path stateDir = dir.resolve("state");

        String first = reportedServerUid(stateDir, "first.log");
        String second = reportedServerUid(stateDir, "second.log");

        assertThat(first).hasSize(28).isNotEqualTo(ServerUid.SERVER_UID_UNKNOWN);
        assertThat(Files.readString(stateDir.resolve(ServerUid.RANDOM_ID_FILE)).strip()).isEqualTo(first);
        assertThat(second).isEqualTo(first);
    }

    /** Runs {@code report} in a network namespace of its own and returns the server id it printed. */
    private String reportedServerUid(Path stateDir, String logName) throws Exception {
        try (AgentProcess agent = AgentProcess.startUnder(NO_NETWORK, System.getProperty("java.class.path"),
                dir.resolve(logName), "report", "--no-defaults", "--host=localhost", "--socket=" + server.socket(),
                "--user=root", "--state-dir=" + stateDir)) {
            assertThat(agent.awaitExit(120)).as(agent.log()).isZero();
            String prefix = "FEEDBACK_SERVER_UID\t";
            List<String> ids = agent.log().lines().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length())).toList();
            assertThat(ids).as(agent.log()).hasSize(1);
            return ids.get(0);
        }
    }

    private static boolean runs(List<String> launcher, String command) throws InterruptedException {
        try {
            List<String> full = new java.util.ArrayList<>(launcher);
            full.add(command);
            return new ProcessBuilder(full).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }
}
