package org.feedback.ingest.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.feedback.ingest.ReportsStoredEvent;
import org.feedback.ingest.ServerErasedEvent;
import org.feedback.reporting.FactRecorder;

/**
 * Records the dashboard facts of each stored group of reports inside the transaction that stores the group,
 * so reports and their facts commit or roll back together, and deletes a server's dashboard rows inside the transaction
 * that erases its other data. The rollups are rebuilt later by {@link RollupJob}.
 */
@ApplicationScoped
public class FactObserver {

    private final FactRecorder recorder = new FactRecorder();

    @Inject
    DataSource dataSource;

    void onReportsStored(@Observes ReportsStoredEvent event) throws SQLException {
        List<FactRecorder.Arrival> arrivals = event.reports().stream()
                .map(report -> new FactRecorder.Arrival(report.receivedAt(), report.facts()))
                .toList();
        // Inside a transaction the pool returns the connection already enlisted in it, and closing it
        // here hands it back to the transaction rather than to the pool.
        try (Connection connection = dataSource.getConnection()) {
            recorder.recordAll(connection, arrivals);
        }
    }

    void onServerErased(@Observes ServerErasedEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            recorder.erase(connection, event.serverUid());
        }
    }
}
