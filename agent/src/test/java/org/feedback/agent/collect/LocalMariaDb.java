package org.feedback.agent.collect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The MariaDB server this machine runs on 127.0.0.1:3306 (user root, no password), used by the tests. */
public final class LocalMariaDb {

    public static final ServerConnection SERVER = new ServerConnection("127.0.0.1", 3306, "root", "", Duration.ofSeconds(10));

    private LocalMariaDb() {
    }

    /** Runs a query that returns one value and returns it, or null for SQL NULL. */
    public static String queryValue(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Runs statements that return no rows. */
    public static void execute(String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        }
    }
}
