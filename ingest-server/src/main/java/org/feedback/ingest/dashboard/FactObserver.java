package org.feedback.ingest.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.feedback.ingest.ReportStoredEvent;
import org.feedback.ingest.ServerErasedEvent;
import org.feedback.reporting.FactRecorder;

/**
 * Records each stored report's dashboard facts inside the transaction that stores the report, so a report
 * and its facts commit or roll back together, and deletes a server's dashboard rows inside the transaction
 * that erases its other data. The rollups are rebuilt later by {@link RollupJob}.
 */
@ApplicationScoped
public class FactObserver {

    private final FactRecorder recorder = new FactRecorder();

    @Inject
    DataSource dataSource;

    void onReportStored(@Observes ReportStoredEvent event) throws SQLException {
        // Inside a transaction the pool returns the connection already enlisted in it, and closing it
        // here hands it back to the transaction rather than to the pool.
        try (Connection connection = dataSource.getConnection()) {
            recorder.record(connection, event.receivedAt(), event.facts());
        }
    }

    void onServerErased(@Observes ServerErasedEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            recorder.erase(connection, event.serverUid());
        }
    }
}
