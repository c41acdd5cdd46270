package org.feedback.agent.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.logging.Logger;

/**
 * When the next full report is due. The first one comes after the startup delay plus a random offset
 * within the spread, so a fleet started at once does not report at once; each later one comes one interval
 * after the previous due time, keeping the offset. The due time is kept in {@value #FILE_NAME} in the state
 * directory, so a restart does not bring the weekly report forward.
 */
final class PeriodicSchedule {

    static final String FILE_NAME = "next-full-report";
    private static final Logger LOG = Logger.getLogger(PeriodicSchedule.class.getName());

    private final Path file;
    private final Duration interval;
    private final Duration spread;
    private final Duration startupDelay;
    private final RandomGenerator random;

    PeriodicSchedule(Path stateDir, Duration interval, Duration spread, Duration startupDelay, RandomGenerator random) {
        this.file = stateDir.resolve(FILE_NAME);
        this.interval = interval;
        this.spread = spread;
        this.startupDelay = startupDelay;
        this.random = random;
    }

    /**
     * Returns when the first full report of this run is due: the kept due time when it is still ahead and no
     * further than one interval plus the spread, else the startup delay plus a random offset from now.
     */
    Instant firstDue(Instant now) {
        Instant earliest = now.plus(startupDelay);
        Optional<Instant> kept = read();
        if (kept.isPresent() && !kept.get().isBefore(earliest) && !kept.get().isAfter(now.plus(interval).plus(spread))) {
            return kept.get();
        }
        return earliest.plus(randomOffset());
    }

    /** Returns the due time after {@code due} and keeps it in the state directory. */
    Instant next(Instant due) {
        Instant next = due.plus(interval);
        write(next);
        return next;
    }

    /** Keeps {@code due}, so a restart before it does not send an extra report. */
    void keep(Instant due) {
        write(due);
    }

    private Duration randomOffset() {
        long spreadMillis = spread.toMillis();
        return spreadMillis == 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(spreadMillis));
    }

    private Optional<Instant> read() {
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Instant.ofEpochSecond(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip())))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            LOG.warning("cannot read the due time of the next full report from " + file + ", so a new one is chosen: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void write(Instant due) {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.writeString(temporary, due.getEpochSecond() + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warning("cannot keep the due time of the next full report in " + file + ": " + e.getMessage());
        }
    }
}
