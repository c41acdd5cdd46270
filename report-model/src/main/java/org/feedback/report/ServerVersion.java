package org.feedback.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a server's {@code version} string: {@code 10.11.19-MariaDB-0+deb12u1} is major 10, minor 11,
 * patch 19 and suffix {@code -MariaDB-0+deb12u1}. A part that is absent is null.
 */
record ServerVersion(Integer major, Integer minor, Integer patch, String suffix) {

    /** Digits, a dot, digits, optionally a dot and digits, then anything. */
    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})(?:\\.(\\d{1,9}))?(.*)", Pattern.DOTALL);

    /**
     * The prefix MariaDB 10 and later put before their real version in the MySQL protocol handshake so that
     * old clients accept them; a report built from the handshake instead of {@code @@version} carries it.
     */
    private static final String REPLICATION_PREFIX = "5.5.5-";

    private static final ServerVersion UNKNOWN = new ServerVersion(null, null, null, null);

    /** Splits {@code version}; a string that does not start with {@code major.minor} gives all parts null. */
    static ServerVersion parse(String version) {
        if (version == null) {
            return UNKNOWN;
        }
        String text = version;
        if (text.startsWith(REPLICATION_PREFIX) && text.toLowerCase(Locale.ROOT).contains("mariadb")) {
            text = text.substring(REPLICATION_PREFIX.length());
        }
        Matcher matcher = VERSION.matcher(text);
        if (!matcher.matches()) {
            return UNKNOWN;
        }
        Integer patch = matcher.group(3) == null ? null : Integer.valueOf(matcher.group(3));
        String suffix = matcher.group(4).isEmpty() ? null : matcher.group(4);
        return new ServerVersion(Integer.valueOf(matcher.group(1)), Integer.valueOf(matcher.group(2)), patch, suffix);
    }

    /** Returns {@code major.minor}, or null when either is unknown. */
    String majorMinor() {
        return major == null || minor == null ? null : major + "." + minor;
    }
}
