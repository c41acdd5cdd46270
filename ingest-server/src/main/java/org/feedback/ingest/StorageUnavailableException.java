package org.feedback.ingest;

/**
 * Raised when a report could not be stored for a reason on the server's side (database down, queue full,
 * timeout). Nothing was acknowledged, so the sender should retry; the endpoints reply 503.
 */
public final class StorageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
