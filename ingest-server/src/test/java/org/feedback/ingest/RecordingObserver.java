package org.feedback.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: records every {@link ReportStoredEvent} and whether a transaction was active for it. */
@ApplicationScoped
public class RecordingObserver {

    /** One observed event. */
    record Observed(ReportStoredEvent event, boolean inTransaction) {
    }

    final List<Observed> observed = new CopyOnWriteArrayList<>();

    @Inject
    TransactionManager transactions;

    void onStored(@Observes ReportStoredEvent event) throws SystemException {
        observed.add(new Observed(event, transactions.getStatus() == Status.STATUS_ACTIVE));
    }

    List<Observed> forServer(String serverUid) {
        return observed.stream().filter(o -> o.event().facts().serverUid().orElse("").equals(serverUid)).toList();
    }
}
