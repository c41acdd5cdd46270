package org.feedback.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Test observer: records every report of each {@link ReportsStoredEvent}, whether a transaction was active
 * for it, and erasures. On PostgreSQL it also records the {@code plan_cache_mode} the storing transaction
 * runs with.
 */
@ApplicationScoped
public class RecordingObserver {

    /** One observed event. */
    record Observed(ReportStoredEvent event, boolean inTransaction) {
    }

    // Read these through the methods: a field read on the injected client proxy would see the proxy's own.
    private final List<Observed> observed = new CopyOnWriteArrayList<>();
    private final List<String> erased = new CopyOnWriteArrayList<>();

    private final List<String> planCacheModes = new CopyOnWriteArrayList<>();

    @Inject
    TransactionManager transactions;

    @Inject
    DataSource dataSource;

    void onStored(@Observes ReportsStoredEvent group) throws SystemException, SQLException {
        boolean inTransaction = transactions.getStatus() == Status.STATUS_ACTIVE;
        try (Connection connection = dataSource.getConnection()) {
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                try (Statement show = connection.createStatement(); ResultSet mode = show.executeQuery("SHOW plan_cache_mode")) {
                    mode.next();
                    planCacheModes.add(mode.getString(1));
                }
            }
        }
        for (ReportStoredEvent event : group.reports()) {
            observed.add(new Observed(event, inTransaction));
        }
    }

    void onErased(@Observes ServerErasedEvent event) {
        erased.add(event.serverUid());
    }

    /** Returns the {@code plan_cache_mode} of each storing transaction seen on PostgreSQL. */
    List<String> planCacheModes() {
        return List.copyOf(planCacheModes);
    }

    List<String> erasedServers() {
        return List.copyOf(erased);
    }

    List<Observed> forServer(String serverUid) {
        return observed.stream().filter(o -> o.event().facts().serverUid().orElse("").equals(serverUid)).toList();
    }
}
