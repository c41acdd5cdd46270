package org.feedback.reporting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.feedback.report.ServerFacts;

/**
 * The filters every dashboard view takes: a time range and, optionally, one flavor and one major version.
 *
 * @param days          servers count when their latest report arrived on one of the last {@code days} UTC
 *                      days, today included; time series show the weeks that start in that range. Empty
 *                      means all time.
 * @param flavor        the flavor's display name ({@code MariaDB}, {@code MySQL}, {@code Percona Server}),
 *                      or empty for all
 * @param majorVersion  the first number of the version ({@code 10} for 10.11.19), or empty for all
 */
public record Filter(OptionalInt days, Optional<String> flavor, OptionalInt majorVersion) {

    /** The time range when none is given: the servers of the last quarter. */
    public static final int DEFAULT_DAYS = 90;
    /** Largest time range in days that can be given as a number; longer ranges are {@code all}. */
    public static final int MAX_DAYS = 3660;
    /** The filter of a page opened without parameters. */
    public static final Filter DEFAULT = new Filter(OptionalInt.of(DEFAULT_DAYS), Optional.empty(), OptionalInt.empty());

    /** Returns whether this filter selects fewer servers than all, so that its totals need suppression. */
    public boolean narrowsPopulation() {
        return flavor.isPresent() || majorVersion.isPresent();
    }

    /** Returns this filter with another time range. */
    public Filter withDays(OptionalInt otherDays) {
        return new Filter(otherDays, flavor, majorVersion);
    }

    /** Returns the first day in range, in days since 1970-01-01, or {@code Integer.MIN_VALUE} for all time. */
    int firstDay(int today) {
        return days.isPresent() ? today - days.getAsInt() + 1 : Integer.MIN_VALUE;
    }

    /**
     * Parses the query parameters of a dashboard request; {@code null} or blank means not given.
     *
     * @param days    a whole number of days from 1 to {@value #MAX_DAYS}, or {@code all}
     * @param flavor  a flavor's display name, in any letter case
     * @param major   a major version number from 1 to 999
     * @throws IllegalArgumentException naming the invalid value and the accepted ones
     */
    public static Filter parse(String days, String flavor, String major) {
        return new Filter(parseDays(days), parseFlavor(flavor), parseMajor(major));
    }

    private static OptionalInt parseDays(String days) {
        if (days == null || days.isBlank()) {
            return OptionalInt.of(DEFAULT_DAYS);
        }
        if (days.strip().equalsIgnoreCase("all")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(parseNumber("days", days, MAX_DAYS, "or 'all'"));
    }

    private static Optional<String> parseFlavor(String flavor) {
        if (flavor == null || flavor.isBlank()) {
            return Optional.empty();
        }
        String known = dashboardFlavors().stream()
                .map(ServerFacts.Flavor::displayName)
                .filter(name -> name.equalsIgnoreCase(flavor.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("flavor '" + flavor + "' is not known; use "
                        + knownFlavors() + ", or leave it out for all"));
        return Optional.of(known);
    }

    /**
     * Returns the flavors a filter can select: the database servers' product families. MaxScale reports
     * are stored but not counted on the dashboards, because MaxScale is a proxy, not a database server.
     */
    public static List<ServerFacts.Flavor> dashboardFlavors() {
        return Arrays.stream(ServerFacts.Flavor.values())
                .filter(flavor -> flavor != ServerFacts.Flavor.OTHER && flavor != ServerFacts.Flavor.MAXSCALE)
                .toList();
    }

    /** Returns the flavors a filter accepts, as a list for an error message: {@code MariaDB, MySQL or Percona Server}. */
    private static String knownFlavors() {
        List<String> names = dashboardFlavors().stream().map(ServerFacts.Flavor::displayName).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static OptionalInt parseMajor(String major) {
        if (major == null || major.isBlank()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(parseNumber("major", major, 999, "for example 10 or 8"));
    }

    private static int parseNumber(String name, String text, int max, String hint) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(name + " '" + text + "' is invalid; use a whole number from 1 to "
                + max + ", " + hint);
    }
}
