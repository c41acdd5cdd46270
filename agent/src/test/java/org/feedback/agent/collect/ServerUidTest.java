package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerUidTest {

    /** A host without a MAC address, acted out here. NoMacAddressTest runs the agent in a namespace without one. */
    private static final ServerUid.MacSource NO_MAC = Optional::empty;

    @TempDir
    Path stateDir;

    @Test
    void compute_sameAsMariaDbServerUid() throws Exception {
        // MariaDB derives @@server_uid from its port and this host's first MAC address, as the plugin did.
        String serverUid = LocalMariaDb.queryValue("SELECT @@server_uid");
        int port = Integer.parseInt(LocalMariaDb.queryValue("SELECT @@port"));
        Optional<byte[]> mac = ServerUid.firstMacAddress();
        assumeTrue(mac.isPresent(), "this host has no MAC address");

        assertThat(ServerUid.compute(port, mac.get())).isEqualTo(serverUid);
    }

    @Test
    void compute_dependsOnPortAndMac() {
        byte[] mac = {2, 0, 0, 0, 0, 1};

        assertThat(ServerUid.compute(3306, mac)).hasSize(28).isNotEqualTo(ServerUid.compute(3307, mac));
    }

    @Test
    void resolve_serverUidVariable_wins() {
        assertThat(ServerUid.resolve("abc=", 3306, NO_MAC, stateDir)).isEqualTo("abc=");
    }

    @Test
    void resolve_serverUidUnknown_usesRandomId() throws Exception {
        String id = ServerUid.resolve("unknown", 3306, NO_MAC, stateDir);

        assertThat(id).hasSize(28).isNotEqualTo("unknown");
        assertThat(Files.readString(stateDir.resolve(ServerUid.RANDOM_ID_FILE)).strip()).isEqualTo(id);
    }

    @Test
    void resolve_noMacAddress_randomIdKeptInStateDir() throws Exception {
        String first = ServerUid.resolve(null, 3306, NO_MAC, stateDir);
        String second = ServerUid.resolve(null, 3306, NO_MAC, stateDir);

        assertThat(first).hasSize(28).isEqualTo(second);
        assertThat(Files.readString(stateDir.resolve(ServerUid.RANDOM_ID_FILE)).strip()).isEqualTo(first);
        assertThat(stateDir.toFile().list()).containsExactly(ServerUid.RANDOM_ID_FILE);
    }

    @Test
    void randomId_manyCreatorsAtOnce_allGetTheSameId() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<String> create = () -> ServerUid.randomId(stateDir);
            List<Future<String>> ids = pool.invokeAll(java.util.Collections.nCopies(16, create));

            String expected = ids.get(0).get();
            for (Future<String> id : ids) {
                assertThat(id.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void randomId_stateDirNotWritable_stillReturnsAnId() throws Exception {
        Path blocked = Files.writeString(stateDir.resolve("a-file"), "");

        assertThat(ServerUid.randomId(blocked.resolve("state"))).hasSize(28);
    }
}
