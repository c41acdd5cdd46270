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
