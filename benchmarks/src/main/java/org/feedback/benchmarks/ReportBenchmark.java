package org.feedback.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.feedback.report.Report;
import org.feedback.report.ReportParseException;
import org.feedback.report.ReportParser;
import org.feedback.report.ReportWriter;
import org.feedback.report.Scrubber;
import org.feedback.report.ServerFacts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parses and scrubs the real 25.5 KB report of MariaDB 10.11 ({@code mariadb -e} output, with the header
 * and escapes), and extracts its facts. Divide the report's size by the time per operation for the throughput in MB/s; run with
 * {@code -prof gc} for the bytes allocated per operation ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReportBenchmark {

    private static final String FIXTURE = "/fixtures/mariadb-10.11-information-schema-feedback.txt";

    private final ReportParser parser = new ReportParser();
    private final Scrubber scrubber = new Scrubber();

    /** The fixture as sent: header line, escapes, 952 lines. */
    private byte[] escapedReport;
    /** The same entries in the plugin's format, without header and escapes. */
    private byte[] pluginReport;
    private Report parsed;

    @Setup
    public void load() throws ReportParseException {
        try (InputStream in = ReportBenchmark.class.getResourceAsStream(FIXTURE)) {
            escapedReport = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parsed = parser.parse(escapedReport);
        pluginReport = ReportWriter.toBytes(parsed);
    }

    @Benchmark
    public Report parseEscapedReport() throws ReportParseException {
        return parser.parse(escapedReport);
    }

    @Benchmark
    public Report parsePluginReport() throws ReportParseException {
        return parser.parse(pluginReport);
    }

    @Benchmark
    public Report parseStream() throws ReportParseException, IOException {
        return parser.parse(new ByteArrayInputStream(escapedReport));
    }

    @Benchmark
    public Scrubber.Result scrub() {
        return scrubber.scrub(parsed);
    }

    @Benchmark
    public Scrubber.Result parseAndScrub() throws ReportParseException {
        return scrubber.scrub(parser.parse(escapedReport));
    }

    @Benchmark
    public ServerFacts facts() {
        return ServerFacts.from(parsed);
    }

    /**
     * Runs the ingest server's steps for one upload: parse, scrub, then the facts of the scrubbed report.
     * Each operation starts from the bytes, so no report caches anything across operations.
     */
    @Benchmark
    public ServerFacts pipeline() throws ReportParseException {
        Scrubber.Result scrubbed = scrubber.scrub(parser.parse(escapedReport));
        return ServerFacts.from(scrubbed.report());
    }
}
