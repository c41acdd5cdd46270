package org.feedback.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: records every report of each {@link ReportsStoredEvent}, whether a transaction was active for it, and erasures. */
@ApplicationScoped
public class RecordingObserver {

    /** One observed event. */
    record Observed(ReportStoredEvent event, boolean inTransaction) {
    }

    // Read these through the methods: a field read on the injected client proxy would see the proxy's own.
    private final List<Observed> observed = new CopyOnWriteArrayList<>();
    private final List<String> erased = new CopyOnWriteArrayList<>();

    @Inject
    TransactionManager transactions;

    void onStored(@Observes ReportsStoredEvent group) throws SystemException {
        boolean inTransaction = transactions.getStatus() == Status.STATUS_ACTIVE;
        for (ReportStoredEvent event : group.reports()) {
            observed.add(new Observed(event, inTransaction));
        }
    }

    void onErased(@Observes ServerErasedEvent event) {
        erased.add(event.serverUid());
    }

    List<String> erasedServers() {
        return List.copyOf(erased);
    }

    List<Observed> forServer(String serverUid) {
        return observed.stream().filter(o -> o.event().facts().serverUid().orElse("").equals(serverUid)).toList();
    }
}
