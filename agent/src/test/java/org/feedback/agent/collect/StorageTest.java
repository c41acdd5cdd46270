package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts of the storage collectors: buckets, tablespace names, file-name decoding, grants, locality. */
class StorageTest {

    @Test
    void bucket_powersOfTen() {
        assertThat(StorageCollectors.Databases.bucket(0)).isZero();
        assertThat(StorageCollectors.Databases.bucket(9)).isZero();
        assertThat(StorageCollectors.Databases.bucket(10)).isEqualTo(1);
        assertThat(StorageCollectors.Databases.bucket(999_999)).isEqualTo(5);
        assertThat(StorageCollectors.Databases.bucket(1_000_000)).isEqualTo(6);
        assertThat(StorageCollectors.Databases.bucket(Long.MAX_VALUE)).isEqualTo(18);
    }

    @Test
    void tableOf_partitionsAndInternalTables() {
        assertThat(StorageInventory.tableOf("orders")).isEqualTo("orders");
        assertThat(StorageInventory.tableOf("orders#P#p2019")).isEqualTo("orders");
        assertThat(StorageInventory.tableOf("orders#p#p0#sp#s1")).isEqualTo("orders");
        assertThat(StorageInventory.tableOf("FTS_00000000000004d2_CONFIG")).isNull();
        assertThat(StorageInventory.tableOf("#sql-ib42")).isNull();
    }

    @Test
    void decode_fileNameEncoding() {
        assertThat(FileNames.decode("my@002ddb")).isEqualTo("my-db");
        assertThat(FileNames.decode("plain_name")).isEqualTo("plain_name");
        assertThat(FileNames.decode("odd@0G")).isEqualTo("odd@0G");
    }

    @Test
    void isLocal_socketOrLoopbackOnly() {
        assertThat(connection("127.0.0.1", "").isLocal()).isTrue();
        assertThat(connection("::1", "").isLocal()).isTrue();
        assertThat(connection("localhost", "").isLocal()).isTrue();
        assertThat(connection("localhost", "/run/mysqld/mysqld.sock").isLocal()).isTrue();
        // An address reserved for documentation: a literal, so nothing is looked up or sent.
        assertThat(connection("192.0.2.7", "").isLocal()).isFalse();
    }

    @Test
    void parse_globalGrants_only() {
        Privileges privileges = Privileges.parse(List.of(
                "GRANT PROCESS, SHOW DATABASES ON *.* TO `agent`@`localhost`",
                "GRANT SELECT ON `shop`.* TO `agent`@`localhost`"));

        assertThat(privileges.readsInnodbTablespaces()).isTrue();
        assertThat(privileges.seesAllDatabases()).isTrue();
        assertThat(privileges.seesAllTables()).isFalse();
    }

    @Test
    void parse_allPrivileges_seesEverything() {
        Privileges privileges = Privileges.parse(List.of("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION"));

        assertThat(privileges.seesAllTables()).isTrue();
        assertThat(privileges.readsInnodbTablespaces()).isTrue();
    }

    @Test
    void parse_usageOnly_seesNothingWhole() {
        Privileges privileges = Privileges.parse(List.of("GRANT USAGE ON *.* TO `nobody`@`%`"));

        assertThat(privileges.seesAllDatabases()).isFalse();
        assertThat(privileges.seesAllTables()).isFalse();
        assertThat(privileges.readsInnodbTablespaces()).isFalse();
    }

    private static ServerConnection connection(String host, String socket) {
        return new ServerConnection(host, 3306, "agent", "", Duration.ofSeconds(1), Duration.ofSeconds(1), socket);
    }
}
