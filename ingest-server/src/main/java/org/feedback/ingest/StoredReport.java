package org.feedback.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Summary of a stored report, returned to the client that uploaded it.
 *
 * @param reportId   id of the stored report; for a resend, the id of the copy stored first
 * @param serverUid  the server the report came from
 * @param kind       {@code full}, {@code startup}, {@code shutdown} or {@code other_notice}
 * @param entries    number of entries stored
 * @param withheld   number of entries the privacy rules dropped, masked or redacted
 * @param duplicate  true when the same report (server id, report time and content) was already stored,
 *                   so this upload changed nothing
 */
@RegisterForReflection
public record StoredReport(long reportId, String serverUid, String kind, int entries, int withheld,
                           boolean duplicate) {
}
