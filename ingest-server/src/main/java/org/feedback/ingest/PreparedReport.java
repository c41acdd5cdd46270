package org.feedback.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.feedback.report.Report;
import org.feedback.report.ReportKeys;
import org.feedback.report.Scrubber;

/**
 * A scrubbed report in the form it is stored: its text in the escaped format (which can represent any value),
 * compressed, with its hash and counts.
 *
 * @param contentSha256  SHA-256 of the uncompressed text, in lower-case hex; part of the dedupe key
 * @param bodyBytes      size of the uncompressed text
 * @param bodyEncoding   how {@code body} is compressed, see {@link BodyCodec}
 */
record PreparedReport(String formatVersion, String contentSha256, int entryCount, int scrubbedCount,
                      int bodyBytes, String bodyEncoding, byte[] body) {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(PreparedReport::newSha256);

    /**
     * Prepares a scrubbed report for storing.
     *
     * @throws IllegalArgumentException when an entry cannot be written in the escaped format
     */
    static PreparedReport of(Scrubber.Result scrubbed, BodyCodec codec) {
        Report report = scrubbed.report();
        EscapedText text = EscapedText.of(report);
        MessageDigest sha256 = SHA_256.get();
        sha256.update(text.bytes(), 0, text.length());
        String formatVersion = report.value(ReportKeys.FORMAT_VERSION).orElse(null);
        BodyCodec.Compressed body = codec.compress(text.bytes(), text.length(), formatVersion != null);
        return new PreparedReport(
                formatVersion,
                HexFormat.of().formatHex(sha256.digest()),
                report.size(),
                scrubbed.changes().size(),
                text.length(),
                body.encoding(),
                body.body());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
