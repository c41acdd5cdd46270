package org.feedback.report;

/**
 * Hard limits the parser enforces. Exceeding one raises a {@link ReportLimitExceededException} that names the
 * limit, its maximum, the actual figure and the line; the parser never truncates. Sizes are counted in bytes
 * as sent, before escapes are decoded and with the line end excluded.
 *
 * @param maxReportBytes  maximum size of the whole report, in bytes
 * @param maxLines        maximum number of lines, the header and empty lines included
 * @param maxNameBytes    maximum length of one name, in UTF-8 bytes
 * @param maxValueBytes   maximum length of one value, in UTF-8 bytes, trailing NUL bytes excluded
 */
public record ReportLimits(int maxReportBytes, int maxLines, int maxNameBytes, int maxValueBytes) {

    /**
     * Default limits: 1 MiB, 20,000 lines, 256-byte names, 64 KiB values. A full MariaDB 10.11 report is
     * 25.5 KB in 952 lines, with names of at most 56 bytes and values of at most 846 bytes; an SSL cipher list
     * can exceed 1,024 characters. The defaults leave room for the agent's larger reports while bounding what
     * one upload can cost.
     */
    public static final ReportLimits DEFAULT = new ReportLimits(1024 * 1024, 20_000, 256, 64 * 1024);

    public ReportLimits {
        requirePositive("maxReportBytes", maxReportBytes);
        requirePositive("maxLines", maxLines);
        requirePositive("maxNameBytes", maxNameBytes);
        requirePositive("maxValueBytes", maxValueBytes);
        if (maxReportBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxReportBytes must be below " + Integer.MAX_VALUE
                    + ", because a stream is read up to the limit plus one byte");
        }
    }

    /** Returns these limits with another maximum report size, in bytes. */
    public ReportLimits withMaxReportBytes(int bytes) {
        return new ReportLimits(bytes, maxLines, maxNameBytes, maxValueBytes);
    }

    /** Returns these limits with another maximum line count. */
    public ReportLimits withMaxLines(int lines) {
        return new ReportLimits(maxReportBytes, lines, maxNameBytes, maxValueBytes);
    }

    /** Returns these limits with another maximum name length, in bytes. */
    public ReportLimits withMaxNameBytes(int bytes) {
        return new ReportLimits(maxReportBytes, maxLines, bytes, maxValueBytes);
    }

    /** Returns these limits with another maximum value length, in bytes. */
    public ReportLimits withMaxValueBytes(int bytes) {
        return new ReportLimits(maxReportBytes, maxLines, maxNameBytes, bytes);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be at least 1, but was " + value);
        }
    }
}
