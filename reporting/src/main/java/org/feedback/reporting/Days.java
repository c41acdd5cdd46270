package org.feedback.reporting;

/** Day and week numbers as the dashboard tables store them: days since 1970-01-01, UTC. */
final class Days {

    static final long SECONDS_PER_DAY = 86_400;

    private Days() {
    }

    /** Returns the day that contains {@code epochSecond}. */
    static int dayOf(long epochSecond) {
        return (int) Math.floorDiv(epochSecond, SECONDS_PER_DAY);
    }

    /** Returns the Monday of the ISO week that contains {@code day}; day 0 (1970-01-01) was a Thursday. */
    static int weekOf(int day) {
        return day - Math.floorMod(day + 3, 7);
    }
}
