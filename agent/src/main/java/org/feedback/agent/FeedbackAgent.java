package org.feedback.agent;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.feedback.agent.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
        subcommands = {ReportCommand.class, SendCommand.class, ExplainCommand.class, RunCommand.class,
                CommandLine.HelpCommand.class})
public final class FeedbackAgent implements Callable<Integer> {

    /** Exit code of a run that failed at run time. */
    static final int EXIT_FAILURE = 1;
    /** Exit code of a command line or configuration that could not be used. */
    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

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
        // An option given twice keeps its last value, as in the mysql client. Only --url collects every value.
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setParameterExceptionHandler(FeedbackAgent::reportUsageError);
        commandLine.setExecutionExceptionHandler(FeedbackAgent::reportFailure);
        return commandLine.execute(args);
    }

    /** Rejects a command line without a command, which picocli would report as "Missing required subcommand". */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command. " + listCommands(spec.commandLine()));
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
        err.println("feedback-agent: " + describe(e));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USAGE;
    }

    /** Returns the error message, in plain words for an unknown command instead of picocli's "Unmatched argument". */
    private static String describe(CommandLine.ParameterException e) {
        CommandLine commandLine = e.getCommandLine();
        if (commandLine.getParent() == null && e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.isUnknownOption() && !unmatched.getUnmatched().isEmpty()) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'. " + listCommands(commandLine);
        }
        return e.getMessage();
    }

    /** Returns a sentence naming the commands, without the built-in {@code help}. */
    private static String listCommands(CommandLine commandLine) {
        List<String> names = commandLine.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
        return "The commands are " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
                + names.get(names.size() - 1) + ".";
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
