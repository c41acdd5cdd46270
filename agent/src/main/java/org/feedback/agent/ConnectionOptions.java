package org.feedback.agent;

import org.feedback.agent.collect.ServerConnection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options that say which database server to connect to and as whom. */
final class ConnectionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-h", "--host"}, defaultValue = "127.0.0.1",
            description = "Host name or IP address of the database server (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = {"-P", "--port"}, defaultValue = "3306",
            description = "TCP port of the database server (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = {"-u", "--user"}, defaultValue = "root",
            description = "Database user name (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = {"-p", "--password"}, arity = "0..1", interactive = true, defaultValue = "",
            description = "Database password (default: none). Without a value, the agent asks for it.")
    String password;

    @Option(names = "--connect-timeout", defaultValue = "10",
            description = "Seconds to wait for the database connection (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    ServerConnection toServerConnection() {
        if (port < 1 || port > 65535) {
            throw new ParameterException(command.commandLine(), "--port must be between 1 and 65535, but was " + port);
        }
        if (connectTimeoutSeconds < 1) {
            throw new ParameterException(command.commandLine(), "--connect-timeout must be at least 1 second, but was "
                    + connectTimeoutSeconds);
        }
        return new ServerConnection(host, port, user, password, connectTimeoutSeconds);
    }
}
