package org.feedback.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.feedback.agent.collect.LocalMariaDb;
import org.feedback.agent.collect.ReportCollector;
import org.feedback.agent.collect.UserFacts;
import org.feedback.agent.config.AgentConfig;
import org.feedback.agent.config.SendingMode;
import org.feedback.agent.deliver.HttpSettings;
import org.feedback.agent.deliver.TestReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon in this JVM, against the shared MariaDB and a receiver on 127.0.0.1. */
class DaemonTest {

    @TempDir
    Path stateDir;

    @Test
    void start_allModes_sendsStartupNoticeAndFullReport() throws Exception {
        try (TestReceiver receiver = TestReceiver.http()) {
            Daemon daemon = daemon(receiver.url("/post"), EnumSet.allOf(SendingMode.class));
            daemon.start();
            try {
                assertThat(TestReceiver.await(() -> receiver.bodies().size() >= 2, 30)).isTrue();
                assertThat(receiver.bodies()).anySatisfy(body -> assertThat(body).contains("FEEDBACK_WHEN\tstartup"));
                assertThat(receiver.bodies()).anySatisfy(body -> assertThat(body).contains("Collector host\tok"));
            } finally {
                daemon.stop();
            }
        }
    }

    @Test
    void stop_shutdownMode_sendsShutdownNotice() throws Exception {
        try (TestReceiver receiver = TestReceiver.http()) {
            Daemon daemon = daemon(receiver.url("/post"), EnumSet.of(SendingMode.SHUTDOWN));
            daemon.start();

            daemon.stop();

            assertThat(receiver.bodies()).singleElement().asString().contains("FEEDBACK_WHEN\tshutdown")
                    .contains("FEEDBACK_SERVER_UID\t" + LocalMariaDb.queryValue("SELECT @@server_uid"));
        }
    }

    @Test
    void start_secondDaemonOnSameStateDir_rejected() throws Exception {
        try (TestReceiver receiver = TestReceiver.http()) {
            Daemon first = daemon(receiver.url("/post"), Set.of());
            first.start();
            try {
                assertThatThrownBy(() -> daemon(receiver.url("/post"), Set.of()).start())
                        .isInstanceOf(StateDirectoryLock.LockedException.class)
                        .hasMessageContaining(StateDirectoryLock.FILE_NAME)
                        .hasMessageContaining(String.valueOf(ProcessHandle.current().pid()));
            } finally {
                first.stop();
            }
        }
    }

    @Test
    void start_restartBeforeNextDue_sendsNoExtraFullReport() throws Exception {
        try (TestReceiver receiver = TestReceiver.http()) {
            Daemon first = daemon(receiver.url("/post"), EnumSet.of(SendingMode.PERIODIC));
            first.start();
            assertThat(TestReceiver.await(() -> receiver.bodies().size() == 1, 30)).isTrue();
            first.stop();

            Daemon second = daemon(receiver.url("/post"), EnumSet.of(SendingMode.PERIODIC, SendingMode.STARTUP));
            second.start();
            try {
                assertThat(TestReceiver.await(() -> receiver.bodies().size() == 2, 30)).isTrue();
                Thread.sleep(1000);
                assertThat(receiver.bodies()).hasSize(2);
                assertThat(receiver.bodies().get(1)).contains("FEEDBACK_WHEN\tstartup");
            } finally {
                second.stop();
            }
        }
    }

    private Daemon daemon(URI url, Set<SendingMode> modes) {
        AgentConfig config = new AgentConfig(LocalMariaDb.SERVER, UserFacts.userInfo("daemon test"), stateDir, List.of(url),
                HttpSettings.direct(Duration.ofSeconds(5)), Duration.ofMillis(500), modes, Duration.ofHours(1),
                Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5), 10, 1 << 20);
        ReportCollector collector = new ReportCollector(config.server(), config.userFacts(), "test", stateDir);
        return new Daemon(config, collector, Clock.systemUTC(), new Random(1));
    }
}
