package org.feedback.agent.config;

/** The reports the daemon sends; {@code --sending-mode} takes any combination. */
public enum SendingMode {
    /** A short notice after the startup delay: server id, {@code FEEDBACK_WHEN=startup} and the user info. */
    STARTUP,
    /** A full report every interval, at a random offset within the spread. */
    PERIODIC,
    /** A short notice when the agent is stopped, bounded by the shutdown timeout. */
    SHUTDOWN
}
