package org.feedback.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path home;

    @Test
    void load_nothingGiven_usesDefaults() throws Exception {
        AgentConfig config = loader(Map.of()).load(Map.of(), OptionFiles.USUAL);

        assertThat(config.server().host()).isEqualTo("127.0.0.1");
        assertThat(config.server().port()).isEqualTo(3306);
        assertThat(config.server().user()).isEqualTo("root");
        assertThat(config.http().sendTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.sendRetryWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.interval()).isEqualTo(Duration.ofDays(7));
        assertThat(config.spread()).isEqualTo(Duration.ofDays(1));
        assertThat(config.sendingModes()).isEqualTo(EnumSet.allOf(SendingMode.class));
        assertThat(config.urls()).isEmpty();
        assertThat(config.stateDir()).isEqualTo(home.resolve(".local/state/feedback-agent"));
    }

    @Test
    void load_tooLongUserText_messageCutsValue() {
        String longText = "x".repeat(1990) + "0123456789";
        for (Setting setting : List.of(Setting.USER_INFO, Setting.COMPANY, Setting.LOCATION, Setting.CONTRACT_ID)) {
            Map<Setting, List<String>> given = Map.of(setting, List.of(longText));

            assertThatThrownBy(() -> loader(Map.of()).load(given, OptionFiles.NONE))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("invalid " + setting.longOption() + " '" + "x".repeat(40) + "...' from the command line: "
                            + "must be at most 1024 characters long, but has 2000");
        }
    }

    @Test
    void load_invalidShortValue_shownWhole() {
        String proxy = "proxy-host-with-a-long-name.example.com:port";
        Map<Setting, List<String>> given = Map.of(Setting.HTTP_PROXY, List.of(proxy));

        assertThatThrownBy(() -> loader(Map.of()).load(given, OptionFiles.NONE))
                .hasMessageStartingWith("invalid --http-proxy '" + proxy + "' from the command line: ");
    }

    @Test
    void load_clientGroupOfMyCnf_givesLogin() throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[client]\nuser=monitor\npassword=secret\nport=3307\nsocket=/run/x.sock\n");

        AgentConfig config = loader(Map.of()).load(Map.of(), OptionFiles.USUAL);

        assertThat(config.server().user()).isEqualTo("monitor");
        assertThat(config.server().password()).isEqualTo("secret");
        assertThat(config.server().port()).isEqualTo(3307);
    }

    @Test
    void load_socketFromClientServerGroup_usedOnlyForLocalhost() throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[client-server]\nsocket=/run/mysqld/mysqld.sock\n");

        AgentConfig tcp = loader(Map.of()).load(Map.of(), OptionFiles.USUAL);
        AgentConfig local = loader(Map.of()).load(Map.of(Setting.HOST, List.of("localhost")), OptionFiles.USUAL);

        assertThat(tcp.server().socket()).isEqualTo("/run/mysqld/mysqld.sock");
        assertThat(tcp.server().usesSocket()).isFalse();
        assertThat(local.server().usesSocket()).isTrue();
        assertThat(local.server().describe()).isEqualTo("root@localhost via /run/mysqld/mysqld.sock");
    }

    @Test
    void load_agentGroup_winsOverClientGroup() throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[feedback-agent]\nuser=agent\nsend_timeout=5\n[client]\nuser=monitor\n");

        AgentConfig config = loader(Map.of()).load(Map.of(), OptionFiles.USUAL);

        assertThat(config.server().user()).isEqualTo("agent");
        assertThat(config.http().sendTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void load_environment_winsOverFileAndLosesToCommandLine() throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[feedback-agent]\nuser-info=file\ncompany=file\n");
        ConfigLoader loader = loader(Map.of("FEEDBACK_AGENT_USER_INFO", "environment", "FEEDBACK_AGENT_COMPANY", "environment"));

        AgentConfig config = loader.load(Map.of(Setting.USER_INFO, List.of("command line")), OptionFiles.USUAL);

        assertThat(config.userFacts().userInfo()).isEqualTo("command line");
        assertThat(config.userFacts().company()).isEqualTo("environment");
    }

    @Test
    void load_defaultsFile_readsOnlyThatFile() throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[client]\nuser=from-home\n");
        Path only = Files.writeString(home.resolve("agent.cnf"), "[client]\nport=3310\n");

        AgentConfig config = loader(Map.of()).load(Map.of(), OptionFiles.only(only));

        assertThat(config.server().user()).isEqualTo("root");
        assertThat(config.server().port()).isEqualTo(3310);
    }

    @Test
    void load_noDefaults_readsNoFile() throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[client]\nuser=from-home\n");

        assertThat(loader(Map.of()).load(Map.of(), OptionFiles.NONE).server().user()).isEqualTo("root");
    }

    @Test
    void load_portOutOfRange_rejectedNamingOptionValueOriginAndRange() throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[client]\nport=70000\n");

        assertThatThrownBy(() -> loader(Map.of()).load(Map.of(), OptionFiles.USUAL))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--port '70000'")
                .hasMessageContaining(".my.cnf:2")
                .hasMessageContaining("between 1 and 65535");
    }

    @Test
    void load_timeoutNotDuration_rejectedWithExample() {
        Map<Setting, List<String>> given = Map.of(Setting.SEND_TIMEOUT, List.of("10x"));

        assertThatThrownBy(() -> loader(Map.of()).load(given, OptionFiles.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("invalid --send-timeout '10x' from the command line: it is not a duration")
                .hasMessageContaining("15m");
    }

    @Test
    void load_spreadLongerThanInterval_rejected() {
        Map<Setting, List<String>> given = Map.of(Setting.INTERVAL, List.of("1h"), Setting.SPREAD, List.of("2h"));

        assertThatThrownBy(() -> loader(Map.of()).load(given, OptionFiles.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid --spread '2h' from the command line: must be between 0s and 1h");
    }

    @Test
    void load_durationWithoutNumber_rejectedWithExample() {
        Map<Setting, List<String>> given = Map.of(Setting.SEND_RETRY_WAIT, List.of("soon"));

        assertThatThrownBy(() -> loader(Map.of()).load(given, OptionFiles.NONE))
                .hasMessageContaining("--send-retry-wait 'soon'").hasMessageContaining("such as 90, 15m or 7d");
    }

    @Test
    void load_unknownKeyInAgentGroup_rejected() throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[feedback-agent]\nintervall=1d\n");

        assertThatThrownBy(() -> loader(Map.of()).load(Map.of(), OptionFiles.USUAL))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown option 'intervall'");
    }

    @Test
    void load_looseUnknownKey_skipped() throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[feedback-agent]\nloose-intervall=1d\n");

        assertThat(loader(Map.of()).load(Map.of(), OptionFiles.USUAL).interval()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void load_urlsRepeatedAndSpaceSeparated_allKept() throws Exception {
        Map<Setting, List<String>> given = Map.of(Setting.URL, List.of("http://a/post https://b:8443/x?y=1", "http://c/"));

        assertThat(loader(Map.of()).load(given, OptionFiles.NONE).urls()).containsExactly(
                URI.create("http://a/post"), URI.create("https://b:8443/x?y=1"), URI.create("http://c/"));
    }

    @Test
    void load_ftpUrl_rejected() {
        Map<Setting, List<String>> given = Map.of(Setting.URL, List.of("ftp://a/post"));

        assertThatThrownBy(() -> loader(Map.of()).load(given, OptionFiles.NONE)).hasMessageContaining("http:// or https://");
    }

    @Test
    void load_urlWithoutScheme_rejectedWithExample() {
        Map<Setting, List<String>> given = Map.of(Setting.URL, List.of("127.0.0.1:8080/post"));

        assertThatThrownBy(() -> loader(Map.of()).load(given, OptionFiles.NONE))
                .hasMessageContaining("'127.0.0.1:8080/post'").hasMessageContaining("for example http://127.0.0.1:8080/post");
    }

    @Test
    void load_sendingModes_anyCombinationOrNone() throws Exception {
        ConfigLoader loader = loader(Map.of());

        assertThat(loader.load(Map.of(Setting.SENDING_MODE, List.of("periodic, shutdown")), OptionFiles.NONE).sendingModes())
                .containsExactlyInAnyOrder(SendingMode.PERIODIC, SendingMode.SHUTDOWN);
        assertThat(loader.load(Map.of(Setting.SENDING_MODE, List.of("NONE")), OptionFiles.NONE).sendingModes()).isEmpty();
        assertThatThrownBy(() -> loader.load(Map.of(Setting.SENDING_MODE, List.of("weekly")), OptionFiles.NONE))
                .hasMessageContaining("'weekly', which is not one of STARTUP, PERIODIC, SHUTDOWN, NONE");
    }

    @Test
    void load_proxy_parsedAsHostAndPort() throws Exception {
        AgentConfig config = loader(Map.of()).load(Map.of(Setting.HTTP_PROXY, List.of("proxy.example:3128")), OptionFiles.NONE);

        assertThat(config.http().proxy()).hasValueSatisfying(proxy -> {
            assertThat(proxy.host()).isEqualTo("proxy.example");
            assertThat(proxy.port()).isEqualTo(3128);
        });
        assertThatThrownBy(() -> loader(Map.of()).load(Map.of(Setting.HTTP_PROXY, List.of("http://proxy")), OptionFiles.NONE))
                .hasMessageContaining("host:port");
    }

    @Test
    void load_spoolSizeWithUnit_inBytes() throws Exception {
        AgentConfig config = loader(Map.of()).load(Map.of(Setting.SPOOL_MAX_BYTES, List.of("2M")), OptionFiles.NONE);

        assertThat(config.spoolMaxBytes()).isEqualTo(2L << 20);
    }

    @Test
    void load_userInfoWithTab_rejected() {
        assertThatThrownBy(() -> loader(Map.of()).load(Map.of(Setting.USER_INFO, List.of("a\tb")), OptionFiles.NONE))
                .hasMessageContaining("--user-info").hasMessageContaining("one line");
    }

    @Test
    void load_systemdStateDirectory_usedWhenNotConfigured() throws Exception {
        AgentConfig config = loader(Map.of("STATE_DIRECTORY", "/var/lib/feedback-agent")).load(Map.of(), OptionFiles.NONE);

        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/feedback-agent"));
    }

    @Test
    void load_missingCaFile_rejected() {
        Map<Setting, List<String>> given = Map.of(Setting.CA_FILE, List.of(home.resolve("none.pem").toString()));

        assertThatThrownBy(() -> loader(Map.of()).load(given, OptionFiles.NONE)).hasMessageContaining("readable file");
    }

    private ConfigLoader loader(Map<String, String> environment) {
        return new ConfigLoader(environment, home, List.of());
    }
}
