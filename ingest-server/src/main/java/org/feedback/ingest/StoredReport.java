package org.feedback.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Summary of a stored report, returned to the client that uploaded it.
 *
 * @param reportId   id of the stored report
 * @param serverUid  the server the report came from
 * @param kind       {@code full}, {@code startup}, {@code shutdown} or {@code other_notice}
 * @param entries    number of entries stored
 * @param withheld   number of entries the privacy rules dropped, masked or redacted
 */
@RegisterForReflection
public record StoredReport(long reportId, String serverUid, String kind, int entries, int withheld) {
}
