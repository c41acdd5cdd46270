package org.feedback.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.feedback.report.Report;
import org.feedback.report.ReportParseException;
import org.feedback.report.ReportParser;
import org.feedback.report.Scrubber;
import org.feedback.report.ServerFacts;

/**
 * Measures the CPU time of this thread per parse, per scrub and per run of the whole pipeline (parse, scrub,
 * {@link ServerFacts#from}) of the MariaDB 10.11 report. It checks the JMH wall-clock figures when other
 * processes share the cores. CPU time does not count the time the thread waits for a core, so it gives the
 * throughput per core the code reaches when it runs. The measurement follows a warm-up and is repeated
 * five times.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.feedback.benchmarks.CpuTimePerParse}
 */
public final class CpuTimePerParse {

    private static final int WARM_UP_OPERATIONS = 50_000;
    private static final int MEASURED_OPERATIONS = 20_000;
    private static final int ROUNDS = 5;

    private CpuTimePerParse() {
    }

    /**
     * Prints the bytes allocated by three parses: the first in this JVM, which includes the one-time
     * initialisation of the parser's classes; the second, when the shared name table holds the report's
     * names; and one of the same report with every name in lower case, names the table has not seen yet.
     */
    private static void reportAllocations(ThreadMXBean threads, byte[] input, ReportParser parser)
            throws ReportParseException {
        if (!(threads instanceof com.sun.management.ThreadMXBean allocations)) {
            return;
        }
        byte[] unseenNames = lowerCaseNames(input);
        String[] labels = {"first parse in the JVM", "same report again", "report with unseen names"};
        byte[][] inputs = {input, input, unseenNames};
        long threadId = Thread.currentThread().getId();
        for (int i = 0; i < labels.length; i++) {
            long before = allocations.getThreadAllocatedBytes(threadId);
            Report report = parser.parse(inputs[i]);
            long allocated = allocations.getThreadAllocatedBytes(threadId) - before;
            System.out.printf("%s: %d entries, %d bytes allocated (%.2f times the input)%n",
                    labels[i], report.size(), allocated, (double) allocated / inputs[i].length);
        }
    }

    /** Returns a copy of the report with the bytes before each line's first tab in lower case. */
    private static byte[] lowerCaseNames(byte[] input) {
        byte[] copy = input.clone();
        boolean inName = true;
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == '\n') {
                inName = true;
            } else if (copy[i] == '\t') {
                inName = false;
            } else if (inName && copy[i] >= 'A' && copy[i] <= 'Z') {
                copy[i] += 'a' - 'A';
            }
        }
        return copy;
    }

    /**
     * Runs the ingest server's steps for one upload, parse, scrub and the facts of the scrubbed report,
     * and returns a number that depends on the result, so that the JIT compiler cannot drop the work.
     */
    private static long runPipeline(ReportParser parser, Scrubber scrubber, byte[] input) throws ReportParseException {
        Scrubber.Result scrubbed = scrubber.scrub(parser.parse(input));
        return ServerFacts.from(scrubbed.report()).featuresUsed().size() + scrubbed.changes().size();
    }

    public static void main(String[] args) throws IOException, ReportParseException {
        byte[] input;
        try (InputStream in = CpuTimePerParse.class.getResourceAsStream("/fixtures/mariadb-10.11-information-schema-feedback.txt")) {
            input = in.readAllBytes();
        }
        ReportParser parser = new ReportParser();
        Scrubber scrubber = new Scrubber();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        reportAllocations(threads, input, parser);

        Report parsed = parser.parse(input);
        long sink = 0;
        for (int i = 0; i < WARM_UP_OPERATIONS; i++) {
            sink += parser.parse(input).size() + scrubber.scrub(parsed).changes().size()
                    + runPipeline(parser, scrubber, input);
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

            start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < MEASURED_OPERATIONS; i++) {
                sink += runPipeline(parser, scrubber, input);
            }
            long pipelineNanos = (threads.getCurrentThreadCpuTime() - start) / MEASURED_OPERATIONS;

            System.out.printf("round %d: parse %.1f us CPU (%.0f MB/s per core), scrub %.1f us CPU (%.0f MB/s per core),"
                            + " pipeline %.1f us CPU (%.0f reports/s per core)%n",
                    round, parseNanos / 1000.0, input.length * 1000.0 / parseNanos,
                    scrubNanos / 1000.0, input.length * 1000.0 / scrubNanos,
                    pipelineNanos / 1000.0, 1e9 / pipelineNanos);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
