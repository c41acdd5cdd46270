package org.feedback.agent.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the agent: its long option name (also the key in an option file and, upper-cased with
 * {@value #ENVIRONMENT_PREFIX}, the environment variable), its default, and which commands use it.
 *
 * <p>A value is taken from the first of these that has it: the command line, the environment, the
 * {@code [feedback-agent]} group of the option files, the {@code [client]} group (connection settings
 * only), the default.
 */
public enum Setting {
    HOST("host", "-h", Scope.CONNECTION, "127.0.0.1", "Host name or IP address of the database server."),
    PORT("port", "-P", Scope.CONNECTION, "3306", "TCP port of the database server, 1 to 65535."),
    SOCKET("socket", "-S", Scope.CONNECTION, "",
            "Unix socket file of the database server, used instead of TCP when --host is localhost, as the "
                    + "mysql client does."),
    USER("user", "-u", Scope.CONNECTION, "root", "Database user name."),
    PASSWORD("password", "-p", Scope.CONNECTION, "",
            "Database password; -p without a value asks for it. Prefer the [client] group of an option file."),
    CONNECT_TIMEOUT("connect-timeout", null, Scope.CONNECTION, "10",
            "Time to wait for the database connection: seconds, or a number with s, m or h; 1 s to 1 h."),
    STATEMENT_TIMEOUT("statement-timeout", null, Scope.CONNECTION, "10",
            "Server-side time limit of each SQL statement: seconds, or a number with s or m; 1 s to 10 min."),

    USER_INFO("user-info", null, Scope.REPORT, "", "Free text sent as FEEDBACK_USER_INFO, at most 1024 characters."),
    COMPANY("company", null, Scope.REPORT, "", "Company name sent as FEEDBACK_COMPANY; not sent when empty."),
    LOCATION("location", null, Scope.REPORT, "", "Geographic location sent as FEEDBACK_LOCATION; not sent when empty."),
    CONTRACT_ID("contract-id", null, Scope.REPORT, "", "Support contract id sent as FEEDBACK_CONTRACT_ID; not sent when empty."),
    STATE_DIR("state-dir", null, Scope.REPORT, null,
            "Directory of the spool, the lock file and the random server id (default: $STATE_DIRECTORY, "
                    + "else ~/.local/state/feedback-agent)."),

    URL("url", null, Scope.SEND, null,
            "URL to post reports to, http or https; repeat the option or separate URLs with spaces."),
    SEND_TIMEOUT("send-timeout", null, Scope.SEND, "60",
            "Time one URL may take to take a report: seconds, or a number with s or m; 1 s to 1 h."),
    HTTP_PROXY("http-proxy", null, Scope.SEND, "",
            "Proxy as host:port; https goes through it with CONNECT (default: no proxy)."),
    CA_FILE("ca-file", null, Scope.SEND, "",
            "PEM file of the certificate authorities that https servers are checked against, instead of the "
                    + "Java runtime's trust store."),

    SEND_RETRY_WAIT("send-retry-wait", null, Scope.DAEMON, "60",
            "Time to wait before posting again to a URL that failed: seconds, or a number with s, m or h; 1 s to 1 d."),
    SENDING_MODE("sending-mode", null, Scope.DAEMON, "STARTUP,PERIODIC,SHUTDOWN",
            "Which reports run sends, any of STARTUP, PERIODIC and SHUTDOWN, separated by commas or spaces; "
                    + "NONE sends nothing."),
    INTERVAL("interval", null, Scope.DAEMON, "7d",
            "Time between two full reports: seconds, or a number with s, m, h or d; 1 min to 365 d."),
    SPREAD("spread", null, Scope.DAEMON, "1d",
            "Each agent sends its full reports at a random offset within this time after the schedule, so a "
                    + "fleet does not report at once; 0 to --interval."),
    STARTUP_DELAY("startup-delay", null, Scope.DAEMON, "60",
            "Time after start before the startup notice and the first full report: 0 to 1 d."),
    SHUTDOWN_TIMEOUT("shutdown-timeout", null, Scope.DAEMON, "5",
            "Longest time the shutdown notice may take when the agent is stopped: 1 s to 1 min."),
    SPOOL_MAX_REPORTS("spool-max-reports", null, Scope.DAEMON, "100",
            "Most undelivered reports kept in the state directory, 1 to 10000; the oldest is dropped first."),
    SPOOL_MAX_BYTES("spool-max-bytes", null, Scope.DAEMON, "16M",
            "Most bytes of undelivered reports kept: bytes, or a number with K, M or G; 64K to 1G.");

    /** Prefix of the environment variables, for example {@code FEEDBACK_AGENT_URL}. */
    public static final String ENVIRONMENT_PREFIX = "FEEDBACK_AGENT_";

    /** Group of commands that use a setting. */
    public enum Scope {
        /** Database server address and login, used by every command that collects. */
        CONNECTION,
        /** Report content beyond the collected facts, used by every command that collects. */
        REPORT,
        /** Delivery targets and HTTP settings, used by {@code send} and {@code run}. */
        SEND,
        /** Scheduling, retries and the spool: {@code run}. */
        DAEMON
    }

    private final String optionName;
    private final String shortName;
    private final Scope scope;
    private final String defaultValue;
    private final String description;

    Setting(String optionName, String shortName, Scope scope, String defaultValue, String description) {
        this.optionName = optionName;
        this.shortName = shortName;
        this.scope = scope;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** Returns the option's long name without dashes, which is also its key in an option file. */
    public String optionName() {
        return optionName;
    }

    /** Returns the long option as typed on the command line, for example {@code --send-timeout}. */
    public String longOption() {
        return "--" + optionName;
    }

    /** Returns the one-letter option, such as {@code -P}, if the setting has one. */
    public Optional<String> shortOption() {
        return Optional.ofNullable(shortName);
    }

    public Scope scope() {
        return scope;
    }

    /** Returns the default as it would be typed, or empty when the default is computed at start. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Returns the help text: what the option sets and in what unit. */
    public String description() {
        return description;
    }

    /** Returns the environment variable, for example {@code FEEDBACK_AGENT_SEND_TIMEOUT}. */
    public String environmentVariable() {
        return ENVIRONMENT_PREFIX + optionName.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Returns whether the {@code [client]} group of an option file may set this (the connection settings). */
    boolean isClientOption() {
        return this == HOST || this == PORT || this == SOCKET || this == USER || this == PASSWORD || this == CONNECT_TIMEOUT;
    }

    /** Returns the setting whose option file key is {@code key}; dashes and underscores are the same there. */
    static Optional<Setting> forKey(String key) {
        String normalized = key.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Setting setting : values()) {
            if (setting.optionName.equals(normalized)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
