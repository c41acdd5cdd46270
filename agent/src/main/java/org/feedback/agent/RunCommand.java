package org.feedback.agent;

import java.time.Clock;
import java.util.Random;
import java.util.concurrent.Callable;
import org.feedback.agent.config.AgentConfig;
import org.feedback.agent.config.ConfigException;
import org.feedback.agent.config.Setting;
import org.feedback.agent.schedule.Daemon;
import org.feedback.agent.schedule.StateDirectoryLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: the daemon, until SIGTERM or SIGINT. */
@Command(name = "run", description = "Run as a daemon: send a startup notice, a full report every --interval and a "
        + "shutdown notice to every --url, retrying and spooling what is not delivered, until stopped with SIGTERM.")
final class RunCommand implements Callable<Integer> {

    static final java.util.Set<Setting.Scope> SCOPES = CommandSettings.scopes(
            Setting.Scope.CONNECTION, Setting.Scope.REPORT, Setting.Scope.SEND, Setting.Scope.DAEMON);

    @Spec
    CommandSpec command;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        AgentConfig config = CommandSettings.load(command);
        if (config.urls().isEmpty() && !config.sendingModes().isEmpty()) {
            throw new ConfigException("run needs at least one URL: give --url, set " + Setting.URL.environmentVariable()
                    + ", or write url = ... in the [feedback-agent] group of an option file");
        }
        Daemon daemon = new Daemon(config, ReportCommand.collector(config), Clock.systemUTC(), new Random());
        try {
            daemon.start();
        } catch (StateDirectoryLock.LockedException e) {
            System.err.println("feedback-agent: " + e.getMessage());
            return FeedbackAgent.EXIT_FAILURE;
        }
        // Halting after a clean stop makes SIGTERM end the process with 0 rather than the JVM's 143.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.stop();
            Runtime.getRuntime().halt(0);
        }, "feedback-agent-stop"));
        daemon.awaitStop();
        return 0;
    }
}
