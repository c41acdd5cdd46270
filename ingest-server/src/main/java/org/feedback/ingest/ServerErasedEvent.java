package org.feedback.ingest;

/**
 * Fired synchronously by the admin API's erasure inside the transaction that deletes every raw report and
 * the {@code servers} row of one server id. Observers that keep per-server data in other tables delete it
 * in the same transaction, so that an erasure removes all of a server's data or none of it.
 *
 * @param serverUid  the server id whose data is being deleted
 */
public record ServerErasedEvent(String serverUid) {
}
