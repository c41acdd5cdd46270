package org.feedback.agent.config;

import java.time.Duration;
import java.util.Locale;

/** Durations as an administrator types them: whole seconds, or a whole number with s, m, h or d. */
public final class DurationText {

    private DurationText() {
    }

    /** Parses {@code 90}, {@code 90s}, {@code 15m}, {@code 12h} or {@code 7d}; raises IllegalArgumentException otherwise. */
    public static Duration parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        char unit = trimmed.charAt(trimmed.length() - 1);
        String number = Character.isDigit(unit) ? trimmed : trimmed.substring(0, trimmed.length() - 1);
        long amount = Long.parseLong(number);
        if (amount < 0) {
            throw new IllegalArgumentException("negative duration " + text);
        }
        return switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> {
                if (!Character.isDigit(unit)) {
                    throw new IllegalArgumentException("unknown unit in " + text);
                }
                yield Duration.ofSeconds(amount);
            }
        };
    }

    /** Formats a duration in the largest unit that divides it, such as {@code 7d} or {@code 90s}. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
