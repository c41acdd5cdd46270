package org.feedback.reporting;

/** HTML escaping for other modules' pages; the dashboard itself is rendered by {@link DashboardPages}. */
public final class DashboardPage {

    private DashboardPage() {
    }

    /**
     * Escapes text for use in HTML element content and quoted attribute values; control characters other
     * than tab, line feed and carriage return become U+FFFD.
     */
    public static String escape(String text) {
        return Html.escape(text);
    }
}
