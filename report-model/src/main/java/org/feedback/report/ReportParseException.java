package org.feedback.report;

/**
 * Raised when input is not a valid report. The message starts with the 1-based line number and states
 * what is wrong, for example {@code line 12: no tab between name and value}. A report above one of the
 * {@link ReportLimits} raises the subclass {@link ReportLimitExceededException}.
 */
public class ReportParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;
    private final String reason;

    public ReportParseException(int lineNumber, String reason) {
        super("line " + lineNumber + ": " + reason);
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    /** Returns the 1-based number of the offending line. */
    public int lineNumber() {
        return lineNumber;
    }

    /** Returns what is wrong, without the line number. */
    public String reason() {
        return reason;
    }
}
