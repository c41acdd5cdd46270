package org.feedback.report;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A typed, normalised view of the facts in one report, as storage and dashboards use them. A fact the
 * report does not carry, or carries in a form that cannot be read, is empty: never zero.
 */
public final class ServerFacts {

    /** What kind of report the facts come from. */
    public enum Kind {
        /** A full report. */
        FULL,
        /** A notice sent when the server started. */
        STARTUP,
        /** A notice sent when the server stopped. */
        SHUTDOWN,
        /** A notice whose kind is neither startup nor shutdown. */
        OTHER_NOTICE
    }

    /** Server product family. */
    public enum Flavor {
        MARIADB("MariaDB"),
        MYSQL("MySQL"),
        PERCONA_SERVER("Percona Server"),
        OTHER("other");

        private final String displayName;

        Flavor(String displayName) {
            this.displayName = displayName;
        }

        /** Returns the product name as people write it. */
        public String displayName() {
            return displayName;
        }
    }

    private final String serverUid;
    private final Kind kind;
    private final Instant reportTime;
    private final String version;
    private final Flavor flavor;
    private final String majorMinor;
    private final String osName;
    private final String distribution;
    private final String kernelRelease;
    private final String architecture;
    private final Integer cpuCount;
    private final Long memoryBytes;

    private ServerFacts(Report report) {
        this.serverUid = text(report, ReportKeys.SERVER_UID);
        this.kind = kindOf(report);
        this.reportTime = epochSeconds(report, ReportKeys.NOW);
        this.version = text(report, "version");
        this.flavor = version == null ? null : flavorOf(version, text(report, "version_comment"));
        this.majorMinor = version == null ? null : majorMinorOf(version);
        this.osName = text(report, ReportKeys.UNAME_SYSNAME);
        this.distribution = distributionOf(text(report, ReportKeys.UNAME_DISTRIBUTION));
        this.kernelRelease = text(report, ReportKeys.UNAME_RELEASE);
        this.architecture = text(report, ReportKeys.UNAME_MACHINE);
        this.cpuCount = positiveInt(report, ReportKeys.CPU_COUNT);
        this.memoryBytes = positiveLong(report, ReportKeys.MEM_TOTAL);
    }

    /** Extracts the facts of {@code report}. */
    public static ServerFacts from(Report report) {
        return new ServerFacts(report);
    }

    /** Returns the anonymous server id, with no surrounding white space. */
    public Optional<String> serverUid() {
        return Optional.ofNullable(serverUid);
    }

    public Kind kind() {
        return kind;
    }

    /** Returns when the sender made the report ({@code Now}), which may differ from when it arrived. */
    public Optional<Instant> reportTime() {
        return Optional.ofNullable(reportTime);
    }

    /** Returns the full version string, for example {@code 10.11.19-MariaDB-0+deb12u1}. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public Optional<Flavor> flavor() {
        return Optional.ofNullable(flavor);
    }

    /** Returns the major and minor version, for example {@code 10.11}. */
    public Optional<String> majorMinor() {
        return Optional.ofNullable(majorMinor);
    }

    /** Returns the operating system name, for example {@code Linux}. */
    public Optional<String> osName() {
        return Optional.ofNullable(osName);
    }

    /** Returns the distribution, for example {@code Debian GNU/Linux 12 (bookworm)}. */
    public Optional<String> distribution() {
        return Optional.ofNullable(distribution);
    }

    public Optional<String> kernelRelease() {
        return Optional.ofNullable(kernelRelease);
    }

    /** Returns the machine architecture as reported, for example {@code x86_64}. */
    public Optional<String> architecture() {
        return Optional.ofNullable(architecture);
    }

    public OptionalInt cpuCount() {
        return cpuCount == null ? OptionalInt.empty() : OptionalInt.of(cpuCount);
    }

    public OptionalLong memoryBytes() {
        return memoryBytes == null ? OptionalLong.empty() : OptionalLong.of(memoryBytes);
    }

    private static String text(Report report, String name) {
        return report.value(name).map(String::strip).filter(value -> !value.isEmpty()).orElse(null);
    }

    private static Kind kindOf(Report report) {
        String when = text(report, ReportKeys.WHEN);
        if (!report.isNotice()) {
            return Kind.FULL;
        }
        if ("startup".equalsIgnoreCase(when)) {
            return Kind.STARTUP;
        }
        if ("shutdown".equalsIgnoreCase(when)) {
            return Kind.SHUTDOWN;
        }
        return Kind.OTHER_NOTICE;
    }

    private static Flavor flavorOf(String version, String comment) {
        String lowerVersion = version.toLowerCase(Locale.ROOT);
        String lowerComment = comment == null ? "" : comment.toLowerCase(Locale.ROOT);
        if (lowerVersion.contains("mariadb") || lowerComment.contains("mariadb")) {
            return Flavor.MARIADB;
        }
        if (lowerComment.contains("percona")) {
            return Flavor.PERCONA_SERVER;
        }
        if (lowerComment.contains("mysql") || Character.isDigit(version.charAt(0))) {
            return Flavor.MYSQL;
        }
        return Flavor.OTHER;
    }

    private static String majorMinorOf(String version) {
        int firstDot = version.indexOf('.');
        if (firstDot <= 0 || !isDigits(version, 0, firstDot)) {
            return null;
        }
        int minorEnd = firstDot + 1;
        while (minorEnd < version.length() && Character.isDigit(version.charAt(minorEnd))) {
            minorEnd++;
        }
        return minorEnd == firstDot + 1 ? null : version.substring(0, minorEnd);
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String distributionOf(String raw) {
        if (raw == null) {
            return null;
        }
        int colon = raw.indexOf(": ");
        String name = colon >= 0 && raw.substring(0, colon).matches("[a-z-]+") ? raw.substring(colon + 2) : raw;
        return name.isBlank() ? null : name.strip();
    }

    private static Instant epochSeconds(Report report, String name) {
        Long seconds = positiveLong(report, name);
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    private static Integer positiveInt(Report report, String name) {
        Long value = positiveLong(report, name);
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    private static Long positiveLong(Report report, String name) {
        String value = text(report, name);
        if (value == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value);
            return parsed > 0 ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
