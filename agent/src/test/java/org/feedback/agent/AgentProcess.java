package org.feedback.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The agent as a separate JVM, for tests that send it signals or kill it, or that run it with less than
 * the test's own rights (another network namespace, fewer capabilities).
 */
public final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private AgentProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code feedback-agent ARGS} with this test run's class path, logging to {@code log}. */
    public static AgentProcess start(Path log, String... arguments) throws IOException {
        return startUnder(List.of(), System.getProperty("java.class.path"), log, arguments);
    }

    /**
     * Starts {@code LAUNCHER... java -cp CLASS_PATH ... feedback-agent ARGS}, such as {@code unshare --net} to
     * run the agent in a network namespace of its own, logging standard output and error to {@code log}.
     */
    public static AgentProcess startUnder(List<String> launcher, String classPath, Path log, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", classPath, FeedbackAgent.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new AgentProcess(process, log);
    }

    /** Sends SIGTERM, as systemd does on stop. */
    void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL: the agent gets no chance to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits up to {@code seconds} for the process to end; returns its exit code, or -1 if it is still running. */
    public int awaitExit(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
