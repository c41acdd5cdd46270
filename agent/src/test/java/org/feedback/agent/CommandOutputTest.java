package org.feedback.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedback.agent.config.ConfigLoader;
import org.feedback.agent.deliver.TestReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code send} and {@code explain} print, against the shared MariaDB and a receiver on 127.0.0.1. */
class CommandOutputTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardOutput() {
        CommandSettings.loader = new ConfigLoader(Map.of(), home, List.of());
        originalOut = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        CommandSettings.loader = ConfigLoader.fromSystem();
    }

    @Test
    void send_printsExactlyThePostedBytes() throws Exception {
        try (TestReceiver receiver = TestReceiver.http()) {
            int exit = FeedbackAgent.run("send", "--url", receiver.url("/post").toString(), "--state-dir", home.toString());

            assertThat(exit).isZero();
            String body = receiver.bodies().get(0);
            String posted = body.substring(body.indexOf("\r\n\r\n") + 4, body.lastIndexOf("\r\n--"));
            assertThat(posted).isEqualTo(stdout.toString(StandardCharsets.UTF_8));
            assertThat(receiver.requests().get(0).header("User-Agent")).isEqualTo("feedback-agent/" + FeedbackAgent.version());
        }
    }

    @Test
    void send_oneUrlFailed_endsWithSummaryLine() throws Exception {
        try (TestReceiver receiver = TestReceiver.http().plan(new TestReceiver.Status(503, "down"))) {
            int exit = FeedbackAgent.run("send", "--quiet", "--state-dir", home.toString(),
                    "--url", receiver.url("/post").toString(), "--url", receiver.url("/other").toString());

            assertThat(exit).isEqualTo(1);
            assertThat(stderr.toString(StandardCharsets.UTF_8)).endsWith("feedback-agent: the report was not delivered"
                    + " to 1 of 2 URLs. Check the errors above, each URL and that its server is running, then run send again.\n");
        }
    }

    @Test
    void explain_everyReportKeyOnceWithSourceAndReason() {
        int exit = FeedbackAgent.run("explain", "--state-dir", home.toString());

        assertThat(exit).isZero();
        String[] sections = stdout.toString(StandardCharsets.UTF_8).split("\n\n", 2);
        List<String> lines = Arrays.asList(sections[0].split("\n"));
        assertThat(lines.get(0)).isEqualTo("key\tsource\twhy it may be sent");
        Set<String> keys = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t");
            assertThat(columns).as(line).hasSize(3);
            assertThat(keys.add(columns[0])).as("listed once: " + columns[0]).isTrue();
            assertThat(columns[1]).as(line).isNotBlank();
            assertThat(columns[2]).as(line).isNotBlank();
        }
        assertThat(lines).contains("version\tSHOW GLOBAL VARIABLES\tallowlist rule 'version%': server version, build and compile options");
        assertThat(keys).contains("FEEDBACK_SERVER_UID", "Engine InnoDB tables", "Databases_count", "Host_cpu_model", "Collector io");
        assertThat(sections[1]).startsWith("key\tchange\twhy\n");
    }
}
