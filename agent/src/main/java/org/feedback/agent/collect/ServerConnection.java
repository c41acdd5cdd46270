package org.feedback.agent.collect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Address and login of the watched database server.
 *
 * @param host               host name or address
 * @param port               TCP port
 * @param user               user name
 * @param password           password, empty for none; never logged
 * @param connectTimeout     how long to wait for the connection
 * @param statementTimeout   server-side limit of each statement ({@code max_statement_time} or
 *                           {@code MAX_EXECUTION_TIME})
 * @param socket             Unix socket file, used instead of TCP when {@code host} is {@code localhost};
 *                           empty for none. Never sent: it names a path on the host
 */
public record ServerConnection(String host, int port, String user, String password, Duration connectTimeout,
                               Duration statementTimeout, String socket) {

    /** Default server-side limit of one statement. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);

    /** Creates a connection description with the default statement limit. */
    public ServerConnection(String host, int port, String user, String password, Duration connectTimeout) {
        this(host, port, user, password, connectTimeout, DEFAULT_STATEMENT_TIMEOUT, "");
    }

    /** Returns whether the connection goes through the Unix socket: host {@code localhost} and a socket given. */
    public boolean usesSocket() {
        return host.equalsIgnoreCase("localhost") && !socket.isEmpty();
    }

    /**
     * Returns whether the server runs on this host: reached through the Unix socket, or over TCP to a host
     * name whose addresses are all loopback addresses. Resolving a host name may query DNS, as connecting does.
     */
    public boolean isLocal() {
        if (usesSocket()) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Returns a string for logs and errors: user, host and port or socket, without the password. */
    public String describe() {
        return user + "@" + host + (usesSocket() ? " via " + socket : ":" + port);
    }

    @Override
    public String toString() {
        return "ServerConnection[" + describe() + "]";
    }

    /** Opens a new connection with MariaDB Connector/J. */
    Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", String.valueOf(connectTimeout.toMillis()));
        // The server-side limit stops a slow statement; this client-side limit covers a server that stops
        // answering altogether, such as one that is restarted in the middle of a collection.
        long socketTimeoutMillis = statementTimeout.plusSeconds(20).toMillis();
        properties.setProperty("socketTimeout", String.valueOf(socketTimeoutMillis));
        if (usesSocket()) {
            // Connector/J reaches Unix sockets through JNA, which OSHI brings along.
            properties.setProperty("localSocket", socket);
        }
        return DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/", properties);
    }
}
