package org.feedback.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes from a report everything that names or locates a user, host or database.
 *
 * <p>Two kinds of rules apply to every entry, server variables and status values alike:
 * <ol>
 *   <li>Name rules from the denylist ({@link PrivacyRules}): the entry is dropped, or its value masked.</li>
 *   <li>Value rules, whatever the name: an absolute file path becomes {@value #PATH}, an IPv4 or IPv6
 *       address {@value #ADDRESS}, a URL {@value #URL}, a {@code host:port} pair {@value #HOST}, an
 *       e-mail address {@value #EMAIL} and a named time zone {@value #ZONE}. The rest of the value stays, so that
 *       {@code Loading buffer pool(s) from /var/lib/mysql/ib_buffer_pool} keeps its meaning.</li>
 * </ol>
 *
 * <p>NOTE: a host name without a port inside a value ({@code db7.corp.example}) is not recognised, because a
 * rule for it would also hit version strings; the denylist's name rules cover the keys known to carry one.
 * The server id and the keys the administrator typed in ({@link ReportKeys#USER_GIVEN}) are exempt from
 * the value rules: the id is an opaque hash, and user-given text is sent on purpose and never shown on
 * public pages. Instances are immutable and thread-safe.
 */
public final class Scrubber {

    /** Placeholder for a file path found inside a value. */
    public static final String PATH = "[path]";
    /** Placeholder for an IP address found inside a value. */
    public static final String ADDRESS = "[address]";
    /** Placeholder for a URL found inside a value. */
    public static final String URL = "[url]";
    /** Placeholder for a host name with a port found inside a value. */
    public static final String HOST = "[host]";
    /** Placeholder for an e-mail address found inside a value. */
    public static final String EMAIL = "[email]";
    /** Placeholder for a named time zone, such as {@code Europe/Berlin}, found inside a value. */
    public static final String ZONE = "[zone]";

    /** The regions that start the names of the IANA time zone database, such as {@code Europe/Berlin}. */
    private static final List<String> ZONE_REGIONS = List.of("Africa", "America", "Antarctica", "Arctic", "Asia",
            "Atlantic", "Australia", "Europe", "Indian", "Pacific");

    private static final List<ValueRule> VALUE_RULES = List.of(
            new ValueRule("URL", Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s,;]+"), URL,
                    value -> value.contains("://")),
            new ValueRule("e-mail address", Pattern.compile("[^\\s@,;<>]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"), EMAIL,
                    Scrubber::hasDotAfterAt),
            new ValueRule("IPv4 address", Pattern.compile(
                    "(?<![\\w.])(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}(?::\\d{1,5})?(?![\\w.])"),
                    ADDRESS, value -> count(value, '.') >= 3),
            new ValueRule("IPv6 address", Pattern.compile(
                    "(?<![\\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\\w:])"), ADDRESS,
                    value -> value.contains("::") || count(value, ':') >= 7) {
                @Override
                boolean accept(String found) {
                    return found.contains("::") || found.chars().filter(c -> c == ':').count() == 7;
                }
            },
            new ValueRule("host and port", Pattern.compile(
                    "(?<![\\w.-])[A-Za-z][A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)*:\\d{2,5}(?![\\w])"), HOST,
                    Scrubber::hasHostBeforePort),
            new ValueRule("named time zone", Pattern.compile(
                    "\\b(?:" + String.join("|", ZONE_REGIONS) + ")/[A-Za-z_+-]+(?:/[A-Za-z_+-]+)?"),
                    ZONE, Scrubber::hasRegionBeforeSlash),
            new ValueRule("file path", Pattern.compile(
                    "(?<![\\w./\\\\-])(?:/[\\w.+@-]+(?:/[\\w.+@-]*)*|[A-Za-z]:\\\\[^\\s,;]*)"), PATH,
                    value -> hasSlashAfterNonPathCharacter(value) || value.contains(":\\")));

    /** Upper bound of value-rule passes over one value; two suffice for every case known so far. */
    private static final int MAX_REDACTION_PASSES = 4;

    private final PrivacyRules rules;

    /** Creates a scrubber with the rules shipped with this library. */
    public Scrubber() {
        this(PrivacyRules.defaults());
    }

    public Scrubber(PrivacyRules rules) {
        this.rules = rules;
    }

    /** Returns the report without private entries and values, and the list of what was changed and why. */
    public Result scrub(Report report) {
        List<Report.Entry> entries = report.entries();
        Report.Entry[] kept = new Report.Entry[entries.size()];
        // Scrubbing never renames an entry, so a kept entry keeps its name's hash.
        int[] nameHashes = report.nameHashes();
        int[] keptNameHashes = nameHashes == null ? null : new int[entries.size()];
        int keptCount = 0;
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Report.Entry clean = scrubEntry(entries.get(i), changes);
            if (clean == null) {
                continue;
            }
            if (keptNameHashes != null) {
                keptNameHashes[keptCount] = nameHashes[i];
            }
            kept[keptCount++] = clean;
        }
        return new Result(Report.ofOwnedArray(kept, keptNameHashes, keptCount), List.copyOf(changes));
    }

    /** Returns the entry as it may be kept (the same object when nothing changed), or null to drop it. */
    private Report.Entry scrubEntry(Report.Entry entry, List<Change> changes) {
        Optional<PrivacyRules.DenyRule> denied = rules.denyRuleFor(entry.name());
        if (denied.isPresent()) {
            return applyDenyRule(entry, denied.get(), changes);
        }
        // Most values fail the cheap test, so test the value before the name's exemption.
        if (!mayHoldLeak(entry.value()) || isExemptFromValueRules(entry.name())) {
            return entry;
        }
        String value = redactValue(entry, changes);
        return value.equals(entry.value()) ? entry : new Report.Entry(entry.name(), value);
    }

    private static Report.Entry applyDenyRule(Report.Entry entry, PrivacyRules.DenyRule rule, List<Change> changes) {
        String reason = "denylist rule '" + rule + "': " + rule.reason();
        if (rule.action() == PrivacyRules.Action.DROP) {
            changes.add(new Change(entry.name(), Change.Kind.DROPPED, reason));
            return null;
        }
        if (entry.value().isEmpty() || entry.value().equals(PrivacyRules.MASKED_VALUE)) {
            return entry;
        }
        changes.add(new Change(entry.name(), Change.Kind.MASKED, reason));
        return new Report.Entry(entry.name(), PrivacyRules.MASKED_VALUE);
    }

    private static boolean isExemptFromValueRules(String name) {
        return name.equalsIgnoreCase(ReportKeys.SERVER_UID) || ReportKeys.isUserGiven(name);
    }

    /**
     * Applies the value rules until the value no longer changes, at most {@value #MAX_REDACTION_PASSES} times.
     * One pass is not always enough: a placeholder can expose a new match, as in {@code Europe/Berlin::1},
     * whose {@code ::1} reads as an IPv6 address only once the zone before it is {@code [zone]}. Repeating
     * makes {@link #scrub} idempotent, so a report the agent scrubbed passes the server's scrubber unchanged.
     */
    private static String redactValue(Report.Entry entry, List<Change> changes) {
        String value = entry.value();
        Set<String> found = new LinkedHashSet<>();
        for (int pass = 0; pass < MAX_REDACTION_PASSES; pass++) {
            String redacted = redactOnce(value, found);
            if (redacted.equals(value)) {
                break;
            }
            value = redacted;
        }
        for (String what : found) {
            changes.add(new Change(entry.name(), Change.Kind.REDACTED, "value held a " + what));
        }
        return value;
    }

    /** Applies each value rule once; adds to {@code found} what each rule that matched replaced. */
    private static String redactOnce(String value, Set<String> found) {
        for (ValueRule rule : VALUE_RULES) {
            String redacted = rule.replaceAll(value);
            if (!redacted.equals(value)) {
                found.add(rule.what);
                value = redacted;
            }
        }
        return value;
    }

    /** Cheap pre-check: every value rule needs one of these characters, so most values skip the patterns. */
    private static boolean mayHoldLeak(String value) {
        int dots = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || c == '@' || c == ':') {
                return true;
            }
            if (c == '.') {
                dots++;
            }
        }
        return dots >= 3;
    }

    /** Result of {@link #scrub}: the clean report and the changes made to reach it. */
    public record Result(Report report, List<Change> changes) {
    }

    /** One change the scrubber made to one entry. */
    public record Change(String name, Kind kind, String reason) {
        /** Kind of change made to an entry. */
        public enum Kind {
            /** The entry was removed. */
            DROPPED,
            /** The value was replaced with {@link PrivacyRules#MASKED_VALUE}. */
            MASKED,
            /** Part of the value was replaced with a placeholder. */
            REDACTED
        }
    }

    /* Cheap tests for the value rules. Each returns true for every value in which the rule's pattern finds a match. */

    /** Returns whether a dot follows an at sign, as in every e-mail address the pattern finds. */
    private static boolean hasDotAfterAt(String value) {
        int at = value.indexOf('@');
        return at >= 0 && value.indexOf('.', at + 1) >= 0;
    }

    /**
     * Returns whether a colon followed by two digits comes after a run of letters, digits, dots and hyphens
     * that contains a letter, because the pattern's host name is such a run and starts with a letter.
     */
    private static boolean hasHostBeforePort(String value) {
        for (int colon = value.indexOf(':'); colon >= 0; colon = value.indexOf(':', colon + 1)) {
            boolean twoDigitsAfter = colon + 2 < value.length() && isAsciiDigit(value.charAt(colon + 1))
                    && isAsciiDigit(value.charAt(colon + 2));
            if (twoDigitsAfter && hasLetterInHostRunBefore(value, colon)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetterInHostRunBefore(String value, int end) {
        for (int i = end - 1; i >= 0; i--) {
            char c = value.charAt(i);
            if (isAsciiLetter(c)) {
                return true;
            }
            if (!isAsciiDigit(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return false;
    }

    /** Returns whether a slash follows one of the {@link #ZONE_REGIONS}, as in {@code Europe/Berlin}. */
    private static boolean hasRegionBeforeSlash(String value) {
        for (int slash = value.indexOf('/'); slash >= 0; slash = value.indexOf('/', slash + 1)) {
            for (String region : ZONE_REGIONS) {
                if (slash >= region.length() && value.startsWith(region, slash - region.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns whether a slash starts the value or follows a character other than a letter, digit, underscore,
     * dot, slash, backslash or hyphen. The path pattern's look-behind requires this, so {@code GNU/Linux}
     * contains no path for it.
     */
    private static boolean hasSlashAfterNonPathCharacter(String value) {
        for (int slash = value.indexOf('/'); slash >= 0; slash = value.indexOf('/', slash + 1)) {
            if (slash == 0 || !isPathCharacter(value.charAt(slash - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPathCharacter(char c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || c == '_' || c == '.' || c == '/' || c == '\\' || c == '-';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int count(String value, char character) {
        int count = 0;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == character) {
                count++;
            }
        }
        return count;
    }

    /**
     * A pattern that finds one kind of leak in a value, and its placeholder. {@code mayMatch} is a cheap test
     * that every value with a match passes, so that most values skip the pattern.
     */
    private static class ValueRule {
        private final String what;
        private final Pattern pattern;
        private final String placeholder;
        private final Predicate<String> mayMatch;

        ValueRule(String what, Pattern pattern, String placeholder, Predicate<String> mayMatch) {
            this.what = what;
            this.pattern = pattern;
            this.placeholder = placeholder;
            this.mayMatch = mayMatch;
        }

        boolean accept(String found) {
            return true;
        }

        String replaceAll(String value) {
            if (!mayMatch.test(value)) {
                return value;
            }
            Matcher matcher = pattern.matcher(value);
            StringBuilder out = null;
            int copied = 0;
            while (matcher.find()) {
                if (!accept(matcher.group())) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(value.length());
                }
                out.append(value, copied, matcher.start()).append(placeholder);
                copied = matcher.end();
            }
            if (out == null) {
                return value;
            }
            return out.append(value, copied, value.length()).toString();
        }
    }
}
