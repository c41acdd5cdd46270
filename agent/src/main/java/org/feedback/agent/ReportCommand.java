package org.feedback.agent;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.feedback.agent.collect.Collection;
import org.feedback.agent.collect.ReportCollector;
import org.feedback.agent.config.AgentConfig;
import org.feedback.agent.config.Setting;
import org.feedback.report.Report;
import org.feedback.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: collects a report and prints it to standard output, exactly as {@code send} would post it. */
@Command(name = "report", description = "Collect a report and print it to standard output; nothing is sent.")
final class ReportCommand implements Callable<Integer> {

    static final java.util.Set<Setting.Scope> SCOPES = CommandSettings.scopes(Setting.Scope.CONNECTION, Setting.Scope.REPORT);

    @Spec
    CommandSpec command;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--stats", description = "Print to standard error how many SQL statements the collection ran "
            + "and how long they took on the server (measured with SHOW PROFILES).")
    boolean stats;

    @Override
    public Integer call() throws Exception {
        AgentConfig config = CommandSettings.load(command);
        Collection collection = collector(config).collect(null, stats);
        print(collection.report(), System.out);
        if (stats) {
            System.err.println("feedback-agent: collection cost " + collection.stats().describe());
        }
        return 0;
    }

    static ReportCollector collector(AgentConfig config) {
        return new ReportCollector(config.server(), config.userFacts(), FeedbackAgent.version(), config.stateDir());
    }

    static void print(Report report, PrintStream out) {
        byte[] bytes = ReportWriter.toBytes(report);
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
