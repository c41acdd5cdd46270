package org.feedback.agent.collect;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * The reason written after {@code failed:} in {@code Collector <name>}. It is built from error codes only,
 * because a server's error message can name the account, the host or a table; the log line gets the full
 * message instead.
 */
final class FailureReason {

    private FailureReason() {
    }

    static String of(Throwable failure) {
        if (failure instanceof TimeoutException || failure instanceof SQLTimeoutException) {
            return "timed out";
        }
        if (failure instanceof SQLException sql) {
            return describe(sql) + " (SQL error " + sql.getErrorCode() + ", state " + sql.getSQLState() + ")";
        }
        return failure.getClass().getSimpleName();
    }

    private static String describe(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        return switch (failure.getErrorCode()) {
            case 1044, 1045, 1142, 1143, 1227, 1370 -> "access denied";
            case 1969, 3024 -> "statement time limit reached";
            case 1205 -> "lock wait timeout";
            case 1109, 1146 -> "no such table";
            default -> state.startsWith("08") ? "connection lost" : "SQL statement failed";
        };
    }
}
