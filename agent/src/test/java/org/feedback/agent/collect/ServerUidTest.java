package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerUidTest {

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
}
