package org.feedback.report;

/**
 * Hard limits the parser enforces. Exceeding one raises a {@link ReportParseException} that names the
 * limit, the actual figure and the line; the parser never truncates.
 *
 * @param maxReportBytes  maximum size of the whole report, in bytes
 * @param maxLines        maximum number of lines, the header and empty lines included
 * @param maxNameBytes    maximum length of one name, in UTF-8 bytes
 * @param maxValueBytes   maximum length of one value, in UTF-8 bytes
 */
public record ReportLimits(int maxReportBytes, int maxLines, int maxNameBytes, int maxValueBytes) {

    /**
     * Default limits. A full MariaDB 10.11 report is about 25 KB in about 950 lines, its longest name is
     * about 60 bytes and its longest value (an SSL cipher list) a few KB; the defaults leave ample room
     * above that while bounding what one upload can cost.
     */
    public static final ReportLimits DEFAULT = new ReportLimits(1024 * 1024, 20_000, 256, 64 * 1024);

    public ReportLimits {
        requirePositive("maxReportBytes", maxReportBytes);
        requirePositive("maxLines", maxLines);
        requirePositive("maxNameBytes", maxNameBytes);
        requirePositive("maxValueBytes", maxValueBytes);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be at least 1, but was " + value);
        }
    }
}
