package org.feedback.agent;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.feedback.agent.collect.Collection;
import org.feedback.agent.collect.KeyExplanation;
import org.feedback.agent.config.AgentConfig;
import org.feedback.agent.config.Setting;
import org.feedback.report.Report;
import org.feedback.report.Scrubber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code explain}: collects a report like {@code report}, then prints each key once with its source and the
 * reason it may be sent, and after that what the privacy rules removed or changed.
 */
@Command(name = "explain", description = "List every key a report would carry, where it comes from and why it may be "
        + "sent, then what the privacy rules removed or changed; tab-separated, values left out.")
final class ExplainCommand implements Callable<Integer> {

    static final Set<Setting.Scope> SCOPES = CommandSettings.scopes(Setting.Scope.CONNECTION, Setting.Scope.REPORT);

    @Spec
    CommandSpec command;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        AgentConfig config = CommandSettings.load(command);
        Collection collection = ReportCommand.collector(config).collect(null, false);
        print(collection, System.out);
        return 0;
    }

    static void print(Collection collection, PrintStream out) {
        out.println("key\tsource\twhy it may be sent");
        Set<String> seen = new LinkedHashSet<>();
        for (Report.Entry entry : collection.report().entries()) {
            if (seen.add(entry.name())) {
                KeyExplanation explanation = collection.explain(entry.name());
                out.println(entry.name() + "\t" + explanation.source() + "\t" + explanation.reason());
            }
        }
        out.println();
        out.println("key\tchange\twhy");
        for (Scrubber.Change change : collection.scrubbed()) {
            out.println(change.name() + "\t" + change.kind().name().toLowerCase(java.util.Locale.ROOT) + "\t" + change.reason());
        }
        out.flush();
    }
}
