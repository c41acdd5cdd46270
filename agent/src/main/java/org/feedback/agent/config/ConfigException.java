package org.feedback.agent.config;

/** Raised at start for a configuration that cannot be used; the message names the option, the value and the rule. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
