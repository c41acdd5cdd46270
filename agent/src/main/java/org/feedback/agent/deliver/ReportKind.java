package org.feedback.agent.deliver;

import java.util.Locale;

/** Kind of a spooled report. A newer full report supersedes an older one that is still undelivered. */
public enum ReportKind {
    /** A full report. */
    FULL,
    /** A startup notice. */
    STARTUP,
    /** A shutdown notice. */
    SHUTDOWN;

    String fileTag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
