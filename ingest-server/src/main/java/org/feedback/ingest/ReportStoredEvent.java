package org.feedback.ingest;

import org.feedback.report.Report;
import org.feedback.report.ServerFacts;

/**
 * Fired synchronously by {@link ReportStore} inside the transaction that stores a report, after the report
 * row is written and before the commit. Observers that write to the database (fact tables, rollups) take
 * part in the same transaction, so a report and everything derived from it are committed together.
 *
 * @param reportId    id of the stored report
 * @param receivedAt  arrival time, in seconds since the Unix epoch
 * @param facts       facts of the scrubbed report
 * @param report      the scrubbed report as stored
 */
public record ReportStoredEvent(long reportId, long receivedAt, ServerFacts facts, Report report) {
}
