package org.feedback.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.feedback.report.Report;
import org.feedback.report.ReportParseException;
import org.feedback.report.ReportParser;
import org.feedback.report.Scrubber;

/**
 * Measures the CPU time of this thread per parse and per scrub of the MariaDB 10.11 report. It checks the
 * JMH wall-clock figures when other processes share the cores. CPU time does not count the time the thread
 * waits for a core, so it gives the throughput per core the code reaches when it runs. The measurement
 * follows a warm-up and is repeated five times.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.feedback.benchmarks.CpuTimePerParse}
 */
public final class CpuTimePerParse {

    private static final int WARM_UP_OPERATIONS = 200_000;
    private static final int MEASURED_OPERATIONS = 100_000;
    private static final int ROUNDS = 5;

    private CpuTimePerParse() {
    }

    public static void main(String[] args) throws IOException, ReportParseException {
        byte[] input;
        try (InputStream in = CpuTimePerParse.class.getResourceAsStream("/fixtures/mariadb-10.11-information-schema-feedback.txt")) {
            input = in.readAllBytes();
        }
        ReportParser parser = new ReportParser();
        Scrubber scrubber = new Scrubber();
        Report parsed = parser.parse(input);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        long sink = 0;
        for (int i = 0; i < WARM_UP_OPERATIONS; i++) {
            sink += parser.parse(input).size() + scrubber.scrub(parsed).changes().size();
        }
        for (int round = 1; round <= ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < MEASURED_OPERATIONS; i++) {
                sink += parser.parse(input).size();
            }
            long parseNanos = (threads.getCurrentThreadCpuTime() - start) / MEASURED_OPERATIONS;

            start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < MEASURED_OPERATIONS; i++) {
                sink += scrubber.scrub(parsed).changes().size();
            }
            long scrubNanos = (threads.getCurrentThreadCpuTime() - start) / MEASURED_OPERATIONS;

            System.out.printf("round %d: parse %.1f us CPU (%.0f MB/s per core), scrub %.1f us CPU (%.0f MB/s per core)%n",
                    round, parseNanos / 1000.0, input.length * 1000.0 / parseNanos,
                    scrubNanos / 1000.0, input.length * 1000.0 / scrubNanos);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
