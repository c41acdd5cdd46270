package org.feedback.agent;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.feedback.agent.collect.ReportCollector;
import org.feedback.report.Report;
import org.feedback.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code report}: collects a report and prints it to standard output, exactly as {@code send} would post it. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Collect a report and print it to standard output; nothing is sent.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ReportOptions reportOptions;

    @Override
    public Integer call() throws Exception {
        Report report = new ReportCollector(connection.toServerConnection(), reportOptions.userInfo, FeedbackAgent.version()).collect();
        print(report, System.out);
        return 0;
    }

    static void print(Report report, PrintStream out) {
        byte[] bytes = ReportWriter.toBytes(report);
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
