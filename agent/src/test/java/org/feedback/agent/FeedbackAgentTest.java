package org.feedback.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exit codes of the command line: 0 success, 1 run-time failure, 2 usage error. */
class FeedbackAgentTest {

    @Test
    void run_unknownCommand_exits2() {
        assertThat(FeedbackAgent.run("bogus")).isEqualTo(2);
    }

    @Test
    void run_portOutOfRange_exits2() {
        assertThat(FeedbackAgent.run("report", "--port", "70000")).isEqualTo(2);
    }

    @Test
    void run_sendWithNonHttpUrl_exits2() {
        assertThat(FeedbackAgent.run("send", "--url", "ftp://127.0.0.1/post")).isEqualTo(2);
    }

    @Test
    void run_unreachableDatabase_exits1() {
        assertThat(FeedbackAgent.run("report", "--port", "1", "--connect-timeout", "2")).isEqualTo(1);
    }

    @Test
    void run_help_exits0() {
        assertThat(FeedbackAgent.run("--help")).isZero();
    }
}
