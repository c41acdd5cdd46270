package org.feedback.agent.collect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where and how to connect to the watched database server.
 *
 * @param host                   host name or address
 * @param port                   TCP port
 * @param user                   user name
 * @param password               password, empty for none; never logged
 * @param connectTimeoutSeconds  how long to wait for the connection
 */
public record ServerConnection(String host, int port, String user, String password, int connectTimeoutSeconds) {

    /** Returns a string for logs and errors: user, host and port, without the password. */
    public String describe() {
        return user + "@" + host + ":" + port;
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
        properties.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds * 1000));
        // A statement that hangs must not hold the agent forever; the server-side limit is shorter.
        properties.setProperty("socketTimeout", String.valueOf(Math.max(60, connectTimeoutSeconds) * 1000));
        return DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/", properties);
    }
}
