package org.feedback.ingest;

/** Raised for an upload that is not a report the server can store; the message states what is wrong. */
public final class InvalidReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidReportException(String message) {
        super(message);
    }
}
