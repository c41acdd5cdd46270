package org.feedback.agent.deliver;

import java.net.URI;

/**
 * The outcome of posting one report to one URL.
 *
 * @param url            where the report went
 * @param statusCode     HTTP status of the reply, or 0 when no reply came
 * @param serverMessage  text of the reply's first {@code <h1>} element, or empty
 * @param failureReason  why the delivery failed, or {@code null} when it succeeded
 */
public record Delivery(URI url, int statusCode, String serverMessage, String failureReason) {

    /** Returns whether the server took the report (a 2xx reply). */
    public boolean succeeded() {
        return failureReason == null;
    }
}
