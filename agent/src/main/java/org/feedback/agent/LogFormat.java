package org.feedback.agent;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per log record on standard error: {@code 2026-12-04 20:08:19 WARN message}, with the level
 * names administrators know from database logs (ERROR, WARN, INFO, DEBUG) instead of the JDK's.
 */
final class LogFormat extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * Vert.x and Netty log connection failures that the agent reports itself, with the URL, so they would
     * only repeat it in their own words. Held here because JUL forgets the level of a logger nobody holds,
     * and set in {@link #install()} because creating a logger here would create the LogManager too early.
     */
    private static Logger[] quieted = {};

    /**
     * Makes the JDK create {@link Manager}; call before the first logger is created. The class name is
     * written out because naming {@code Manager.class} would load LogManager, and so create the JDK's
     * own manager, before the property is read.
     */
    static void useManagerForThisProcess() {
        System.setProperty("java.util.logging.manager", "org.feedback.agent.LogFormat$Manager");
    }

    /** Routes the root logger to standard error with this format, unless a logging configuration file was given. */
    static void install() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        LogManager.getLogManager().reset();
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new LogFormat());
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        quieted = new Logger[] {Logger.getLogger("io.vertx"), Logger.getLogger("io.netty")};
        for (Logger library : quieted) {
            library.setLevel(Level.OFF);
        }
        Manager.ignoreLaterResets();
    }

    @Override
    public String format(LogRecord record) {
        String time = TIME.format(LocalDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault()));
        StringBuilder line = new StringBuilder(time).append(' ').append(levelName(record.getLevel())).append(' ')
                .append(formatMessage(record).replace('\n', ' '));
        if (record.getThrown() != null && record.getLevel().intValue() < Level.INFO.intValue()) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace);
        }
        return line.append(System.lineSeparator()).toString();
    }

    /**
     * A log manager that ignores the reset the JDK runs in its own shutdown hook, so the daemon's shutdown
     * hook can still log "stopped" and the shutdown notice's outcome.
     */
    public static final class Manager extends LogManager {
        private static volatile boolean resetAllowed = true;

        @Override
        public void reset() {
            if (resetAllowed) {
                super.reset();
            }
        }

        /** Called once logging is set up: resets from now on come from the JDK's shutdown hook. */
        static void ignoreLaterResets() {
            resetAllowed = false;
        }
    }

    static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return "DEBUG";
    }
}
