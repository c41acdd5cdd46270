package org.feedback.agent.collect;

import org.feedback.report.PrivacyRules;
import org.feedback.report.ReportKeys;

/**
 * Source of one key of a report and the reason it may leave the host, for {@code explain}.
 *
 * @param source  the statement, file or setting the value was read from
 * @param reason  why the value names or locates no user, host or database
 */
public record KeyExplanation(String source, String reason) {

    static KeyExplanation of(String collector, String key) {
        return switch (collector) {
            case "variables" -> new KeyExplanation("SHOW GLOBAL VARIABLES", PrivacyRules.defaults().allowRuleFor(key)
                    .map(rule -> "allowlist rule '" + rule.pattern() + "': " + rule.reason()).orElse("allowlisted"));
            case "status" -> new KeyExplanation("SHOW GLOBAL STATUS",
                    "a server counter or state; the denylist drops or masks the ones that name or locate anything");
            case "plugins" -> new KeyExplanation("information_schema.PLUGINS",
                    "a plugin's name, version, status and type, which describe the server build");
            case "engines" -> new KeyExplanation("information_schema.TABLES (ENGINE column, and table names for "
                    + "MyISAM, Aria, CSV and ARCHIVE), the InnoDB tablespace view and file sizes in the data directory",
                    "a count or byte total per engine; no database or table name or path is sent");
            case "databases" -> new KeyExplanation("SHOW DATABASES, information_schema.TABLES, the InnoDB tablespace "
                    + "view and file sizes in the data directory",
                    "a count or byte total; no database name or path is sent");
            case "io" -> new KeyExplanation("SHOW GLOBAL STATUS at the start and the end of the interval",
                    "the difference of a server counter, and its rate per second");
            case "host" -> new KeyExplanation("OSHI, /etc/os-release, /proc and /sys",
                    "hardware and operating system model and version; the host name and addresses are not read");
            case "outcome" -> new KeyExplanation("the agent", "ok, or an error kind and code; never the error message, "
                    + "which can name the account or a table");
            default -> agentKey(key);
        };
    }

    private static KeyExplanation agentKey(String key) {
        if (key.equalsIgnoreCase(ReportKeys.SERVER_UID)) {
            return new KeyExplanation("@@server_uid, else SHA-1 of the port and a MAC address, else a random id in the state directory",
                    "an opaque hash, as MariaDB's feedback plugin sends it");
        }
        if (ReportKeys.isUserGiven(key)) {
            return new KeyExplanation("the agent's configuration (--user-info, --company, --location, --contract-id)",
                    "typed in by the administrator to be sent; never shown on public pages");
        }
        return new KeyExplanation("the agent", "the report format and agent version");
    }
}
