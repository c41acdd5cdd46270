package org.feedback.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variable allowlist and the denylist, loaded from the resource files {@code variable-allowlist.txt}
 * and {@code denylist.txt} next to this class. The agent uses them to choose what to collect and the
 * server to scrub what it receives, so both sides apply the same rules.
 *
 * <p>The denylist wins: a variable that matches both lists is not allowed.
 */
public final class PrivacyRules {

    /** Action the denylist takes on a matching entry. */
    public enum Action {
        /** Remove the entry. */
        DROP,
        /** Keep the entry, replacing a non-empty value with {@link PrivacyRules#MASKED_VALUE}. */
        MASK,
        /** Keep the entry: an exception to the rules that follow. */
        KEEP
    }

    /** The value a masked entry carries when the original value was not empty. */
    public static final String MASKED_VALUE = "set";

    private static final PrivacyRules DEFAULT = load();

    /** Upper bound of the look-up cache, so that a stream of made-up names cannot grow it without end. */
    private static final int MAX_CACHED_NAMES = 20_000;

    private final List<Rule> allowlist;
    private final List<DenyRule> denylist;
    private final Map<String, Optional<DenyRule>> denyRuleByName = new ConcurrentHashMap<>();

    private PrivacyRules(List<Rule> allowlist, List<DenyRule> denylist) {
        this.allowlist = List.copyOf(allowlist);
        this.denylist = List.copyOf(denylist);
    }

    /** Returns the rules shipped with this library. */
    public static PrivacyRules defaults() {
        return DEFAULT;
    }

    /** Returns whether a server variable with this name may be collected: allowlisted and not denied. */
    public boolean isVariableAllowed(String name) {
        return isAllowlisted(name) && denyRuleFor(name).isEmpty();
    }

    /** Returns whether the name matches the allowlist, ignoring the denylist. */
    public boolean isAllowlisted(String name) {
        return firstMatch(allowlist, name).isPresent();
    }

    /**
     * Returns the denylist rule that drops or masks the entry with this name, if any: the first rule that
     * matches, unless that rule is a {@link Action#KEEP} exception.
     */
    public Optional<DenyRule> denyRuleFor(String name) {
        Optional<DenyRule> cached = denyRuleByName.get(name);
        if (cached != null) {
            return cached;
        }
        Optional<DenyRule> rule = firstMatch(denylist, name).filter(match -> match.action() != Action.KEEP);
        if (denyRuleByName.size() < MAX_CACHED_NAMES) {
            denyRuleByName.put(name, rule);
        }
        return rule;
    }

    /** Returns the allowlist rule matching the name, if any. */
    public Optional<Rule> allowRuleFor(String name) {
        return firstMatch(allowlist, name);
    }

    private static <R extends Rule> Optional<R> firstMatch(List<R> rules, String name) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        for (R rule : rules) {
            if (rule.matches(lowerName)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private static PrivacyRules load() {
        List<Rule> allow = new ArrayList<>();
        for (String[] line : readRules("variable-allowlist.txt")) {
            allow.add(new Rule(line[0], line[1]));
        }
        List<DenyRule> deny = new ArrayList<>();
        for (String[] line : readRules("denylist.txt")) {
            String[] actionAndPattern = line[0].split("\\s+");
            if (actionAndPattern.length != 2) {
                throw new IllegalStateException("denylist.txt: expected 'ACTION PATTERN' but found '" + line[0] + "'");
            }
            Action action = Action.valueOf(actionAndPattern[0].toUpperCase(Locale.ROOT));
            deny.add(new DenyRule(action, actionAndPattern[1], line[1]));
        }
        return new PrivacyRules(allow, deny);
    }

    /**
     * Reads a rule file: returns, for each rule line, the rule text and its reason (the comment). A rule
     * without a reason is a mistake in the file, so loading fails and names the line.
     */
    private static List<String[]> readRules(String resource) {
        List<String[]> rules = new ArrayList<>();
        try (InputStream in = PrivacyRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the report-model jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                int hash = line.indexOf('#');
                String rule = (hash < 0 ? line : line.substring(0, hash)).strip();
                String reason = hash < 0 ? "" : line.substring(hash + 1).strip();
                if (rule.isEmpty()) {
                    continue;
                }
                if (reason.isEmpty()) {
                    throw new IllegalStateException(resource + " line " + lineNumber + ": rule '" + rule
                            + "' has no reason; add '# why' after it");
                }
                rules.add(new String[] {rule, reason});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rules;
    }

    /** One allowlist line: a LIKE pattern and why it is there. */
    public static class Rule {
        private final String pattern;
        private final String reason;
        private final String[] segments;

        Rule(String pattern, String reason) {
            this.pattern = pattern;
            this.reason = reason;
            this.segments = pattern.toLowerCase(Locale.ROOT).split("%", -1);
        }

        /** Returns the SQL LIKE pattern as written in the rule file. */
        public String pattern() {
            return pattern;
        }

        /** Returns the comment of the rule line. */
        public String reason() {
            return reason;
        }

        /** Matches a lower-case name: the literal segments between % signs must appear in order. */
        boolean matches(String lowerName) {
            if (segments.length == 1) {
                return lowerName.equals(segments[0]);
            }
            String first = segments[0];
            String last = segments[segments.length - 1];
            if (lowerName.length() < first.length() + last.length()
                    || !lowerName.startsWith(first) || !lowerName.endsWith(last)) {
                return false;
            }
            int position = first.length();
            int limit = lowerName.length() - last.length();
            for (int i = 1; i < segments.length - 1; i++) {
                int found = lowerName.indexOf(segments[i], position);
                if (found < 0 || found + segments[i].length() > limit) {
                    return false;
                }
                position = found + segments[i].length();
            }
            return true;
        }

        @Override
        public String toString() {
            return pattern;
        }
    }

    /** One denylist line: an action, a LIKE pattern and why it is there. */
    public static final class DenyRule extends Rule {
        private final Action action;

        DenyRule(Action action, String pattern, String reason) {
            super(pattern, reason);
            this.action = action;
        }

        public Action action() {
            return action;
        }

        @Override
        public String toString() {
            return action.name().toLowerCase(Locale.ROOT) + " " + pattern();
        }
    }
}
