package org.feedback.report;

/**
 * Reads single values for {@link ServerFacts}. Every method returns null for a value that is missing,
 * blank, {@value ReportKeys#UNKNOWN} or not of the expected form, so that an unreadable fact stays unknown.
 */
final class FactValues {

    private FactValues() {
    }

    /** Returns the first value of {@code name}, stripped, or null when it is missing, blank or {@code unknown}. */
    static String text(Report report, String name) {
        return report.value(name).map(FactValues::known).orElse(null);
    }

    /** Returns {@code value} stripped, or null when it is blank or {@code unknown}. */
    static String known(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() || stripped.equalsIgnoreCase(ReportKeys.UNKNOWN) ? null : stripped;
    }

    static Long positiveLong(Report report, String name) {
        Long value = nonNegativeLong(text(report, name));
        return value == null || value == 0 ? null : value;
    }

    static Integer positiveInt(Report report, String name) {
        Long value = positiveLong(report, name);
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    static Long nonNegativeLong(Report report, String name) {
        return nonNegativeLong(text(report, name));
    }

    /** Parses a decimal integer of 0 or more; returns null for anything else, including null. */
    static Long nonNegativeLong(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
