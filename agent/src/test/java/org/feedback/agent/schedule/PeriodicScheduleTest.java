package org.feedback.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeriodicScheduleTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path stateDir;

    @Test
    void firstDue_nothingKept_startupDelayPlusOffsetWithinSpread() {
        for (int seed = 0; seed < 50; seed++) {
            Instant due = new PeriodicSchedule(stateDir, WEEK, DAY, MINUTE, new Random(seed)).firstDue(NOW);

            assertThat(due).isBetween(NOW.plus(MINUTE), NOW.plus(MINUTE).plus(DAY));
        }
    }

    @Test
    void firstDue_differentAgents_differentOffsets() {
        Instant one = new PeriodicSchedule(stateDir, WEEK, DAY, MINUTE, new Random(1)).firstDue(NOW);
        Instant two = new PeriodicSchedule(stateDir, WEEK, DAY, MINUTE, new Random(2)).firstDue(NOW);

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void firstDue_keptDueAhead_kept() {
        PeriodicSchedule schedule = new PeriodicSchedule(stateDir, WEEK, DAY, MINUTE, new Random(1));
        schedule.keep(NOW.plus(Duration.ofDays(3)));

        assertThat(schedule.firstDue(NOW)).isEqualTo(NOW.plus(Duration.ofDays(3)));
    }

    @Test
    void firstDue_keptDuePassed_newOffsetChosen() {
        PeriodicSchedule schedule = new PeriodicSchedule(stateDir, WEEK, Duration.ZERO, MINUTE, new Random(1));
        schedule.keep(NOW.minus(DAY));

        assertThat(schedule.firstDue(NOW)).isEqualTo(NOW.plus(MINUTE));
    }

    @Test
    void next_oneIntervalLater_kept() throws Exception {
        PeriodicSchedule schedule = new PeriodicSchedule(stateDir, WEEK, DAY, MINUTE, new Random(1));

        Instant next = schedule.next(NOW);

        assertThat(next).isEqualTo(NOW.plus(WEEK));
        assertThat(Files.readString(stateDir.resolve(PeriodicSchedule.FILE_NAME)).strip())
                .isEqualTo(String.valueOf(NOW.plus(WEEK).getEpochSecond()));
    }
}
