package org.feedback.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.feedback.report.Report;
import org.feedback.report.ReportKeys;
import org.feedback.report.ReportWriter;
import org.feedback.report.Scrubber;

/**
 * A scrubbed report in the form it is stored: its text in the escaped format (which can represent any value),
 * compressed, with its hash and counts.
 */
record PreparedReport(String formatVersion, String contentSha256, int entryCount, int scrubbedCount,
                      int bodyBytes, byte[] bodyGzip) {

    static PreparedReport of(Scrubber.Result scrubbed) {
        Report report = scrubbed.report();
        byte[] text = ReportWriter.toEscapedBytes(report);
        return new PreparedReport(
                report.value(ReportKeys.FORMAT_VERSION).orElse(null),
                sha256(text),
                report.size(),
                scrubbed.changes().size(),
                text.length,
                gzip(text));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
