package org.feedback.agent;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import org.feedback.agent.collect.ReportCollector;
import org.feedback.agent.deliver.Delivery;
import org.feedback.agent.deliver.ReportSender;
import org.feedback.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code send}: collects a report, prints it, and posts it to every URL. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Collect a report, print it, and post it to every --url as curl -F data=@- would.")
final class SendCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(SendCommand.class.getName());

    @Spec
    CommandSpec command;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ReportOptions reportOptions;

    @Option(names = "--url", required = true, split = "\\s+", paramLabel = "URL",
            description = "URL to post the report to; repeat the option or separate URLs with spaces.")
    List<String> urls;

    @Option(names = "--send-timeout", defaultValue = "60",
            description = "Seconds to wait for one URL to take the report (default: ${DEFAULT-VALUE}).")
    int sendTimeoutSeconds;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the report before sending it.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        List<URI> targets = parseUrls();
        if (sendTimeoutSeconds < 1) {
            throw new ParameterException(command.commandLine(),
                    "--send-timeout must be at least 1 second, but was " + sendTimeoutSeconds);
        }

        Report report = new ReportCollector(connection.toServerConnection(), reportOptions.userInfo, FeedbackAgent.version()).collect();
        if (!quiet) {
            ReportCommand.print(report, System.out);
        }

        List<Delivery> deliveries;
        try (ReportSender sender = new ReportSender(Duration.ofSeconds(sendTimeoutSeconds))) {
            deliveries = sender.sendToAll(report, targets);
        }
        return summarize(deliveries);
    }

    private List<URI> parseUrls() {
        List<URI> parsed = urls.stream().filter(url -> !url.isBlank()).map(this::parseUrl).toList();
        if (parsed.isEmpty()) {
            throw new ParameterException(command.commandLine(), "--url needs at least one URL");
        }
        return parsed;
    }

    private URI parseUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--url '" + url + "' is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
            throw new ParameterException(command.commandLine(), "--url '" + url
                    + "' must be an http:// or https:// URL with a host, for example http://127.0.0.1:8080/post");
        }
        return uri;
    }

    private int summarize(List<Delivery> deliveries) {
        List<Delivery> failed = deliveries.stream().filter(delivery -> !delivery.succeeded()).toList();
        for (Delivery delivery : failed) {
            System.err.println("feedback-agent: report to '" + delivery.url() + "' failed: " + delivery.failureReason());
        }
        if (failed.isEmpty()) {
            LOG.info("report was sent to " + deliveries.size() + " URL(s)");
            return 0;
        }
        return FeedbackAgent.EXIT_FAILURE;
    }
}
