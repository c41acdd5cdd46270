package org.feedback.report;

import java.util.Set;

/**
 * Names of the report entries that are not server variables or status values. The names MariaDB's
 * feedback plugin uses are kept where the fact is the same; the keys the plugin does not have are
 * described in {@code docs/report-format.md}.
 */
public final class ReportKeys {

    /** The server's anonymous id (base64 of a SHA-1 digest). */
    public static final String SERVER_UID = "FEEDBACK_SERVER_UID";
    /** Present only in a notice: {@code startup} or {@code shutdown}. */
    public static final String WHEN = "FEEDBACK_WHEN";
    /** Free text given by the server's administrator. */
    public static final String USER_INFO = "FEEDBACK_USER_INFO";
    /** Version of the key scheme an agent report follows; absent from the plugin's reports. */
    public static final String FORMAT_VERSION = "FEEDBACK_FORMAT_VERSION";
    /** Version of the agent that wrote the report. */
    public static final String AGENT_VERSION = "FEEDBACK_AGENT_VERSION";
    /** Company name given by the administrator. */
    public static final String COMPANY = "FEEDBACK_COMPANY";
    /** Geographic location given by the administrator. */
    public static final String LOCATION = "FEEDBACK_LOCATION";
    /** Support contract id given by the administrator. */
    public static final String CONTRACT_ID = "FEEDBACK_CONTRACT_ID";

    /** Number of logical CPUs. */
    public static final String CPU_COUNT = "Cpu_count";
    /** Total physical memory in bytes. */
    public static final String MEM_TOTAL = "Mem_total";
    /** Time the report was made, in seconds since the Unix epoch. */
    public static final String NOW = "Now";
    /** Operating system name, as {@code uname -s} prints it. */
    public static final String UNAME_SYSNAME = "Uname_sysname";
    /** Kernel release, as {@code uname -r} prints it. */
    public static final String UNAME_RELEASE = "Uname_release";
    /** Kernel version, as {@code uname -v} prints it. */
    public static final String UNAME_VERSION = "Uname_version";
    /** Machine architecture, as {@code uname -m} prints it. */
    public static final String UNAME_MACHINE = "Uname_machine";
    /** Distribution, for example {@code os-release: Debian GNU/Linux 12 (bookworm)}. */
    public static final String UNAME_DISTRIBUTION = "Uname_distribution";

    /** The key scheme version this library writes in {@link #FORMAT_VERSION}. */
    public static final String CURRENT_FORMAT_VERSION = "1";

    /** Keys whose values the administrator typed in; never shown on public pages. */
    public static final Set<String> USER_GIVEN = Set.of(USER_INFO, COMPANY, LOCATION, CONTRACT_ID);

    private ReportKeys() {
    }

    /** Returns whether {@code name} is one of the {@link #USER_GIVEN} keys, ignoring case. */
    public static boolean isUserGiven(String name) {
        for (String key : USER_GIVEN) {
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
