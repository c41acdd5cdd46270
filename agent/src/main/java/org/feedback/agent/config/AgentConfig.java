package org.feedback.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.feedback.agent.collect.ServerConnection;
import org.feedback.agent.collect.UserFacts;
import org.feedback.agent.deliver.HttpSettings;

/**
 * The agent's whole configuration, validated and immutable; {@link ConfigLoader} makes it from options,
 * environment variables and option files. Durations and sizes carry their units in their types or names.
 *
 * @param server           the database server to read
 * @param userFacts        what the administrator shares: user info, company, location, contract id
 * @param stateDir         directory of the spool, the lock file and the random server id
 * @param urls             where reports go; empty disables sending
 * @param http             send timeout, proxy and trusted certificate authorities
 * @param sendRetryWait    wait before posting again to a URL that failed
 * @param sendingModes     which reports the daemon sends
 * @param interval         time between two full reports
 * @param spread           range of the random offset added to each full report's time
 * @param startupDelay     time after start before the startup notice and the first full report
 * @param shutdownTimeout  longest time the shutdown notice may take
 * @param spoolMaxReports  most undelivered reports kept in the state directory
 * @param spoolMaxBytes    most bytes of undelivered reports kept
 */
public record AgentConfig(ServerConnection server, UserFacts userFacts, Path stateDir, List<URI> urls,
                          HttpSettings http, Duration sendRetryWait, Set<SendingMode> sendingModes,
                          Duration interval, Duration spread, Duration startupDelay, Duration shutdownTimeout,
                          int spoolMaxReports, long spoolMaxBytes) {

    public AgentConfig {
        urls = List.copyOf(urls);
        sendingModes = Set.copyOf(sendingModes);
    }
}
