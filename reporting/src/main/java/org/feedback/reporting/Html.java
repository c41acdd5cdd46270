package org.feedback.reporting;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Escaping and number formatting shared by the HTML pages and their SVG charts. */
final class Html {

    private Html() {
    }

    /**
     * Escapes text for HTML and SVG element content and for quoted attribute values. Control characters
     * other than tab, line feed and carriage return are not allowed in HTML, so they become U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** Formats a count with thousands separators, {@code 1,234,567}. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Formats a share from 0 to 1 as a percentage with one decimal, {@code 45.2%}. */
    static String percent(double share) {
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(share * 100) + "%";
    }

    /** Formats a byte count with a binary unit, {@code 1.5 GiB}. */
    static String bytes(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double amount = bytes;
        int unit = 0;
        while (amount >= 1024 && unit < units.length - 1) {
            amount /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes"
                : new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount) + " " + units[unit];
    }
}
