package org.feedback.benchmarks;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compresses the load generator's 25 KB report with the ingest server's plugin dictionary, the two ways
 * the server has stored bodies: raw deflate, which loads the dictionary again for every report, and zstd
 * with a dictionary digested once. Each operation returns the compressed size. The sizes are printed once
 * at the start of each trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BodyCompressionBenchmark {

    @Param({"1", "3"})
    int level;

    private byte[] report;
    private byte[] dictionary;
    private byte[] out;
    private Deflater deflater;
    private ZstdDictCompress digested;
    private ZstdCompressCtx context;

    @Setup(Level.Trial)
    public void load() {
        report = resource("/full-report.txt");
        dictionary = resource("/org/feedback/ingest/report-dictionary-1.txt");
        out = new byte[Math.toIntExact(Zstd.compressBound(report.length))];
        deflater = new Deflater(level, true);
        digested = new ZstdDictCompress(dictionary, level);
        context = new ZstdCompressCtx().setChecksum(true).setContentSize(true);
        System.out.printf("%nbytes at level %d: deflate %d, zstd %d%n", level, deflateWithDictionary(), zstdWithDigestedDictionary());
    }

    @TearDown(Level.Trial)
    public void close() {
        deflater.end();
        context.close();
        digested.close();
    }

    @Benchmark
    public int deflateWithDictionary() {
        deflater.reset();
        deflater.setDictionary(dictionary);
        deflater.setInput(report);
        deflater.finish();
        int written = 0;
        while (!deflater.finished()) {
            written += deflater.deflate(out, written, out.length - written);
        }
        return written;
    }

    @Benchmark
    public int zstdWithDigestedDictionary() {
        context.loadDict(digested);
        return context.compressByteArray(out, 0, out.length, report, 0, report.length);
    }

    private static byte[] resource(String name) {
        try (InputStream in = BodyCompressionBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the benchmarks jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
