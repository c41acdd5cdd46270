package org.feedback.ingest;

import org.feedback.report.Report;
import org.feedback.report.ServerFacts;

/**
 * One newly stored report, as {@link ReportsStoredEvent} carries it.
 *
 * @param reportId    id of the stored report
 * @param receivedAt  arrival time, in seconds since the Unix epoch
 * @param facts       facts of the scrubbed report
 * @param report      the scrubbed report as stored
 */
public record ReportStoredEvent(long reportId, long receivedAt, ServerFacts facts, Report report) {
}
