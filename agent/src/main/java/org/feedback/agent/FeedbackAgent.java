package org.feedback.agent;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.feedback.agent.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the agent jar: {@code java -jar feedback-agent.jar COMMAND [OPTIONS]}.
 *
 * <p>Exit codes: 0 on success, 1 when the work failed at run time (no database connection, a URL that
 * did not take the report, a state directory held by another agent), 2 for a usage error, an invalid
 * option value included.
 */
@Command(name = "feedback-agent",
        mixinStandardHelpOptions = true,
        versionProvider = FeedbackAgent.Version.class,
        description = "Collects a usage report from a local MariaDB or MySQL server, prints it, and sends it.",
        subcommands = {ReportCommand.class, SendCommand.class, RunCommand.class, ExplainCommand.class,
                CommandLine.HelpCommand.class})
public final class FeedbackAgent {

    /** Exit code of a run that failed at run time. */
    static final int EXIT_FAILURE = 1;
    /** Exit code of a command line or configuration that could not be used. */
    static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        LogFormat.useManagerForThisProcess();
        // Vert.x then resolves host names with the JDK, as other tools on the host do (/etc/hosts, nsswitch),
        // instead of loading Netty's DNS client: about 0.8 MB less resident memory for the daemon.
        System.setProperty("vertx.disableDnsResolver", "true");
        LogFormat.install();
        System.exit(run(args));
    }

    /** Runs the agent as the command line {@code args} asks, and returns the exit code. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new FeedbackAgent());
        CommandSettings.addTo(commandLine.getSubcommands().get("report").getCommandSpec(), ReportCommand.SCOPES);
        CommandSettings.addTo(commandLine.getSubcommands().get("send").getCommandSpec(), SendCommand.SCOPES);
        CommandSettings.addTo(commandLine.getSubcommands().get("run").getCommandSpec(), RunCommand.SCOPES);
        CommandSettings.addTo(commandLine.getSubcommands().get("explain").getCommandSpec(), ExplainCommand.SCOPES);
        commandLine.setParameterExceptionHandler(FeedbackAgent::reportUsageError);
        commandLine.setExecutionExceptionHandler(FeedbackAgent::reportFailure);
        return commandLine.execute(args);
    }

    /** Returns the agent's version, as written in the jar manifest. */
    public static String version() {
        String version = FeedbackAgent.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /**
     * Prints a command line that picocli could not parse (an unknown option or command, a missing or extra
     * argument) with the prefix of every other error, then a hint to the help instead of the whole help.
     */
    private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("feedback-agent: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USAGE;
    }

    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("feedback-agent: " + message);
        err.flush();
        Logger.getLogger(FeedbackAgent.class.getName()).log(Level.FINE, "failure details", e);
        return e instanceof ConfigException ? EXIT_USAGE : EXIT_FAILURE;
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"feedback-agent " + version()};
        }
    }
}
