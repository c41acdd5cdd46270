package org.feedback.agent.deliver;

import java.net.URI;
import java.util.Set;

/**
 * The outcome of posting one report to one URL.
 *
 * @param url            where the report went
 * @param statusCode     HTTP status of the reply, or 0 when no reply came
 * @param serverMessage  text of the reply's first {@code <h1>} element, or empty
 * @param failureReason  why the delivery failed, or {@code null} when it succeeded
 */
public record Delivery(URI url, int statusCode, String serverMessage, String failureReason) {

    /** Replies that say the report itself is invalid, so posting the same bytes again cannot help. */
    private static final Set<Integer> INVALID_REPORT_STATUSES = Set.of(400, 413, 415, 422);

    /** Returns whether the server took the report (a 2xx reply). */
    public boolean succeeded() {
        return failureReason == null;
    }

    /** Returns whether the server rejected the report as invalid (400, 413, 415 or 422), which a retry cannot fix. */
    public boolean rejectedAsInvalid() {
        return INVALID_REPORT_STATUSES.contains(statusCode);
    }
}
