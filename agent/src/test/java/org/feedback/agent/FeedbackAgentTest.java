package org.feedback.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.feedback.agent.config.ConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes of the command line: 0 success, 1 run-time failure, 2 usage error. */
class FeedbackAgentTest {

    @TempDir
    Path home;

    @BeforeEach
    void isolateFromHostOptionFiles() {
        CommandSettings.loader = new ConfigLoader(Map.of(), home, List.of());
    }

    @AfterEach
    void restoreLoader() {
        CommandSettings.loader = ConfigLoader.fromSystem();
    }

    @Test
    void run_unknownCommand_exits2() {
        assertThat(FeedbackAgent.run("bogus")).isEqualTo(2);
    }

    @Test
    void run_unknownOption_prefixedErrorAndExit2() {
        StandardError err = StandardError.capture();
        int exit;
        try {
            exit = FeedbackAgent.run("report", "--bogus");
        } finally {
            err.restore();
        }

        assertThat(exit).isEqualTo(2);
        assertThat(err.text()).startsWith("feedback-agent: Unknown option: '--bogus'\n");
        assertThat(err.text()).contains("Try 'feedback-agent report --help' for more information.");
        assertThat(err.text()).doesNotContain("Usage:");
    }

    @Test
    void run_unknownCommand_prefixedErrorWithSuggestion() {
        Outcome outcome = runCapturingErr("reprot");

        assertThat(outcome.err()).startsWith("feedback-agent: unknown command 'reprot'. "
                + "The commands are report, send, explain and run.\n");
        assertThat(outcome.err()).contains("Did you mean: feedback-agent report?");
    }

    @Test
    void run_unknownCommand_namesItAndListsCommands() {
        Outcome outcome = runCapturingErr("frobnicate");

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("feedback-agent: unknown command 'frobnicate'. "
                + "The commands are report, send, explain and run.\n"
                + "Try 'feedback-agent --help' for more information.\n");
    }

    @Test
    void run_noCommand_listsCommandsAndExits2() {
        Outcome outcome = runCapturingErr();

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("feedback-agent: missing command. "
                + "The commands are report, send, explain and run.\n"
                + "Try 'feedback-agent --help' for more information.\n");
    }

    @Test
    void run_topLevelUnknownOption_notCalledCommand() {
        Outcome outcome = runCapturingErr("--bogus");

        assertThat(outcome.err()).startsWith("feedback-agent: Unknown option: '--bogus'\n");
    }

    @Test
    void sendHelp_onlyUrlMarkedRepeatable() {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(FeedbackAgent.run("send", "--help")).isZero();
        } finally {
            System.setOut(originalOut);
        }

        String synopsis = out.toString(StandardCharsets.UTF_8).split("\n\n", 2)[0];
        assertThat(synopsis).startsWith("Usage: feedback-agent send ");
        assertThat(synopsis).contains("[-h=HOST]").contains("[-P=PORT]").contains("[--url=URL]...");
        assertThat(synopsis.split("\\]\\.\\.\\.", -1)).as("options marked with ...: " + synopsis).hasSize(2);
    }

    @Test
    void run_optionGivenTwice_lastValueWins() {
        Outcome outcome = runCapturingErr("report", "--port", "3306", "--port", "70000");

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("feedback-agent: invalid --port '70000' from the command line");
    }

    @Test
    void run_portOutOfRange_exits2() {
        assertThat(FeedbackAgent.run("report", "--port", "70000")).isEqualTo(2);
    }

    @Test
    void run_invalidValueInOptionFile_exits2() throws Exception {
        Path file = Files.writeString(home.resolve("agent.cnf"), "[feedback-agent]\nstatement-timeout=0\n");

        assertThat(FeedbackAgent.run("report", "--defaults-file", file.toString())).isEqualTo(2);
    }

    @Test
    void run_sendWithNonHttpUrl_exits2() {
        assertThat(FeedbackAgent.run("send", "--url", "ftp://127.0.0.1/post")).isEqualTo(2);
    }

    @Test
    void run_sendWithoutUrl_exits2() {
        assertThat(FeedbackAgent.run("send")).isEqualTo(2);
    }

    @Test
    void run_unreachableDatabase_exits1() {
        assertThat(FeedbackAgent.run("report", "--port", "1", "--connect-timeout", "2")).isEqualTo(1);
    }

    @Test
    void run_help_exits0() {
        assertThat(FeedbackAgent.run("--help")).isZero();
        assertThat(FeedbackAgent.run("report", "--help")).isZero();
    }

    /** Exit code and standard error of one run. */
    private record Outcome(int exit, String err) {
    }

    private static Outcome runCapturingErr(String... args) {
        StandardError err = StandardError.capture();
        int exit;
        try {
            exit = FeedbackAgent.run(args);
        } finally {
            err.restore();
        }
        return new Outcome(exit, err.text());
    }

    /** Standard error of this JVM, redirected into memory until {@link #restore()}. */
    private record StandardError(PrintStream original, ByteArrayOutputStream captured) {
        static StandardError capture() {
            StandardError err = new StandardError(System.err, new ByteArrayOutputStream());
            System.setErr(new PrintStream(err.captured, true, StandardCharsets.UTF_8));
            return err;
        }

        void restore() {
            System.setErr(original);
        }

        String text() {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }
}
