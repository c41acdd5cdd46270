package org.feedback.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.feedback.agent.deliver.TestReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code run} daemon as its own process: SIGTERM, SIGKILL and a second agent, against the shared MariaDB. */
class RunProcessTest {

    @TempDir
    Path dir;

    @Test
    void sigterm_sendsShutdownNoticeAndExits0() throws Exception {
        try (TestReceiver receiver = TestReceiver.http();
             AgentProcess agent = AgentProcess.start(dir.resolve("agent.log"), run(receiver, "STARTUP,PERIODIC,SHUTDOWN"))) {
            assertThat(TestReceiver.await(() -> receiver.bodies().size() >= 2, 60)).isTrue();

            agent.terminate();

            assertThat(agent.awaitExit(30)).isZero();
            assertThat(receiver.bodies()).anySatisfy(body -> assertThat(body).contains("FEEDBACK_WHEN\tshutdown"));
            assertThat(agent.log()).contains(" INFO feedback-agent started").contains(" INFO feedback-agent stopped")
                    .contains(" INFO report to '" + receiver.url("/post") + "' was sent");
        }
    }

    @Test
    void sigtermDuringSend_exitsPromptlyAndKeepsReport() throws Exception {
        try (TestReceiver receiver = TestReceiver.http()) {
            for (int i = 0; i < 5; i++) {
                receiver.plan(new TestReceiver.Hang());
            }
            try (AgentProcess agent = AgentProcess.start(dir.resolve("agent.log"),
                    run(receiver, "PERIODIC,SHUTDOWN", "--send-timeout=300", "--shutdown-timeout=2"))) {
                assertThat(TestReceiver.await(() -> receiver.bodies().size() == 1, 60)).isTrue();

                agent.terminate();

                // The shutdown notice may take 2 s and the stop adds at most 2 s more; 30 s only guards the test.
                assertThat(agent.awaitExit(30)).isZero();
            }
            assertThat(spooledFiles()).anySatisfy(name -> assertThat(name).endsWith("-full.report"));
        }
    }

    @Test
    void sigkillWithSpooledReport_deliveredAfterRestart() throws Exception {
        try (TestReceiver receiver = TestReceiver.http()) {
            for (int i = 0; i < 100; i++) {
                receiver.plan(new TestReceiver.Status(503, "down for maintenance"));
            }
            try (AgentProcess agent = AgentProcess.start(dir.resolve("first.log"), run(receiver, "PERIODIC"))) {
                assertThat(TestReceiver.await(() -> receiver.bodies().size() >= 1, 60)).isTrue();
                agent.kill();
            }
            assertThat(spooledFiles()).singleElement().asString().endsWith("-full.report");
            receiver.clearPlan();
            int before = receiver.bodies().size();

            try (AgentProcess agent = AgentProcess.start(dir.resolve("second.log"), run(receiver, "PERIODIC"))) {
                assertThat(TestReceiver.await(() -> spooledFiles().isEmpty(), 60)).isTrue();
                assertThat(receiver.bodies().subList(before, receiver.bodies().size()))
                        .singleElement().asString().contains("Collector host\tok");
                agent.terminate();
                assertThat(agent.awaitExit(30)).isZero();
            }
        }
    }

    @Test
    void secondAgentOnSameStateDir_exits1() throws Exception {
        try (TestReceiver receiver = TestReceiver.http();
             AgentProcess first = AgentProcess.start(dir.resolve("first.log"), run(receiver, "PERIODIC"))) {
            assertThat(TestReceiver.await(() -> receiver.bodies().size() >= 1, 60)).isTrue();

            try (AgentProcess second = AgentProcess.start(dir.resolve("second.log"), run(receiver, "PERIODIC"))) {
                assertThat(second.awaitExit(60)).isEqualTo(1);
                assertThat(second.log()).contains("is in use by another agent").contains("agent.lock");
            }
            first.terminate();
            assertThat(first.awaitExit(30)).isZero();
        }
    }

    private String[] run(TestReceiver receiver, String modes, String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of("run", "--no-defaults", "--state-dir=" + dir.resolve("state"),
                "--url=" + receiver.url("/post"), "--sending-mode=" + modes, "--startup-delay=0", "--spread=0",
                "--send-retry-wait=1", "--send-timeout=10", "--connect-timeout=5"));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    private List<String> spooledFiles() {
        Path spool = dir.resolve("state").resolve("spool");
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".report")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
