package org.feedback.agent.collect;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The global privileges of the collecting account, read from {@code SHOW GRANTS}. They decide whether a
 * count covers the whole server or only what the account may see; a partial count is reported as
 * {@code unknown}, never as a number.
 *
 * <p>Only grants {@code ON *.*} are considered: a database-level grant shows part of the server, which is
 * exactly the case that must not pass for the whole.
 */
final class Privileges {

    /** Global privileges that make every table visible in {@code information_schema.TABLES}. */
    private static final Set<String> TABLE_VISIBILITY = Set.of("ALL PRIVILEGES", "SELECT", "INSERT", "UPDATE",
            "DELETE", "CREATE", "DROP", "REFERENCES", "INDEX", "ALTER", "CREATE VIEW", "SHOW VIEW", "TRIGGER",
            "DELETE HISTORY");

    static final Privileges NONE = new Privileges(Set.of());

    private final Set<String> global;

    private Privileges(Set<String> global) {
        this.global = Set.copyOf(global);
    }

    /** Parses the lines {@code SHOW GRANTS} returns, such as {@code GRANT PROCESS, SHOW VIEW ON *.* TO `u`@`%`}. */
    static Privileges parse(List<String> grantLines) {
        Set<String> global = new HashSet<>();
        for (String line : grantLines) {
            String upper = line.toUpperCase(Locale.ROOT);
            int on = upper.indexOf(" ON *.* TO ");
            if (!upper.startsWith("GRANT ") || on < 0) {
                continue;
            }
            for (String privilege : upper.substring("GRANT ".length(), on).split(",")) {
                global.add(privilege.strip());
            }
        }
        return new Privileges(global);
    }

    /** Returns whether the account holds {@code privilege} on {@code *.*}, or all privileges. */
    boolean hasGlobal(String privilege) {
        return global.contains("ALL PRIVILEGES") || global.contains(privilege);
    }

    /** Returns whether {@code information_schema.TABLES} shows this account every table. */
    boolean seesAllTables() {
        return global.stream().anyMatch(TABLE_VISIBILITY::contains);
    }

    /** Returns whether {@code SHOW DATABASES} lists every database for this account. */
    boolean seesAllDatabases() {
        return hasGlobal("SHOW DATABASES") || seesAllTables();
    }

    /** Returns whether the account may read the InnoDB tablespace views, which need PROCESS. */
    boolean readsInnodbTablespaces() {
        return hasGlobal("PROCESS");
    }
}
