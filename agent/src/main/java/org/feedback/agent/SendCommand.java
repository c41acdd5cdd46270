package org.feedback.agent;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import org.feedback.agent.config.AgentConfig;
import org.feedback.agent.config.ConfigException;
import org.feedback.agent.config.Setting;
import org.feedback.agent.deliver.Delivery;
import org.feedback.agent.deliver.ReportSender;
import org.feedback.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code send}: collects a report, prints it, and posts it once to every URL. */
@Command(name = "send", description = "Collect a report, print it, and post it to every --url as curl -F data=@- would.")
final class SendCommand implements Callable<Integer> {

    static final java.util.Set<Setting.Scope> SCOPES =
            CommandSettings.scopes(Setting.Scope.CONNECTION, Setting.Scope.REPORT, Setting.Scope.SEND);

    private static final Logger LOG = Logger.getLogger(SendCommand.class.getName());

    @Spec
    CommandSpec command;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the report before sending it.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        AgentConfig config = CommandSettings.load(command);
        if (config.urls().isEmpty()) {
            throw new ConfigException("send needs at least one URL: give --url, set " + Setting.URL.environmentVariable()
                    + ", or write url = ... in the [feedback-agent] group of an option file");
        }

        Report report = ReportCommand.collector(config).collect(null, false).report();
        if (!quiet) {
            ReportCommand.print(report, System.out);
        }

        List<Delivery> deliveries;
        try (ReportSender sender = new ReportSender(config.http(), FeedbackAgent.version())) {
            deliveries = sender.sendToAll(report, config.urls());
        }
        return summarize(deliveries);
    }

    /** Logs each failed URL, and ends a partly or wholly failed send with one {@code feedback-agent:} line on stderr. */
    private int summarize(List<Delivery> deliveries) {
        List<Delivery> failed = deliveries.stream().filter(delivery -> !delivery.succeeded()).toList();
        for (Delivery delivery : failed) {
            LOG.severe("report to '" + delivery.url() + "' failed: " + delivery.failureReason());
        }
        if (failed.isEmpty()) {
            LOG.info("report was sent to " + deliveries.size() + " URL(s)");
            return 0;
        }
        PrintWriter err = command.commandLine().getErr();
        err.println("feedback-agent: the report was not delivered to " + failed.size() + " of " + deliveries.size()
                + (deliveries.size() == 1 ? " URL" : " URLs") + ". Check the errors above, each URL and that its server"
                + " is running, then run send again.");
        err.flush();
        return FeedbackAgent.EXIT_FAILURE;
    }
}
