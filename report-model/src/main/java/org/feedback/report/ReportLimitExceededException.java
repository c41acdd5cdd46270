package org.feedback.report;

/**
 * Raised when a report exceeds one of the {@link ReportLimits}. Besides the line, it names the limit, its
 * configured maximum and the figure the input reached, for example
 * {@code line 3: value is 70000 bytes, above the limit of 65536 bytes (maxValueBytes)}.
 */
public final class ReportLimitExceededException extends ReportParseException {

    private static final long serialVersionUID = 1L;

    /** The limit that was exceeded; each is the {@link ReportLimits} component of the same name. */
    public enum Limit {
        /** {@link ReportLimits#maxReportBytes()}. */
        MAX_REPORT_BYTES("maxReportBytes"),
        /** {@link ReportLimits#maxLines()}. */
        MAX_LINES("maxLines"),
        /** {@link ReportLimits#maxNameBytes()}. */
        MAX_NAME_BYTES("maxNameBytes"),
        /** {@link ReportLimits#maxValueBytes()}. */
        MAX_VALUE_BYTES("maxValueBytes");

        private final String componentName;

        Limit(String componentName) {
            this.componentName = componentName;
        }

        /** Returns the name of the {@link ReportLimits} component that sets this limit. */
        public String componentName() {
            return componentName;
        }
    }

    private final Limit limit;
    private final long maximum;
    private final long actual;

    ReportLimitExceededException(int lineNumber, Limit limit, long maximum, long actual, String reason) {
        super(lineNumber, reason + " (" + limit.componentName() + ")");
        this.limit = limit;
        this.maximum = maximum;
        this.actual = actual;
    }

    /** Returns which limit was exceeded. */
    public Limit limit() {
        return limit;
    }

    /** Returns the configured maximum. */
    public long maximum() {
        return maximum;
    }

    /**
     * Returns the figure the input reached: the size in bytes, or the line count. A stream is read only up
     * to the size limit plus one byte, so for a stream that is too long this is {@code maximum() + 1}.
     */
    public long actual() {
        return actual;
    }
}
