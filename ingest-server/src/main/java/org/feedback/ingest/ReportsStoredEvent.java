package org.feedback.ingest;

import java.util.List;

/**
 * Fired synchronously by {@link ReportStore} once per group, inside the transaction that stores the group,
 * after its report rows are written and before the commit. Observers that write to the database (fact
 * tables, rollups) take part in the same transaction, so reports and everything derived from them are
 * committed together, and can write for the whole group in a few statements.
 *
 * @param reports  the newly stored reports of the group, in the order they arrived; copies of reports
 *                 already stored are not among them
 */
public record ReportsStoredEvent(List<ReportStoredEvent> reports) {

    public ReportsStoredEvent {
        reports = List.copyOf(reports);
    }
}
