package org.feedback.load;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multipart upload bodies built from one real full report, each with its own server id and {@code Now}
 * value, so that the server stores every upload instead of deduplicating it. The body is framed as the
 * agent and {@code curl -F data=@-} frame it: one part named {@code data} with file name {@code -}.
 */
final class ReportBodies {

    static final String BOUNDARY = "------------------------feedbackload7d2c1e";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private static final Pattern SERVER_UID = Pattern.compile("(?m)^FEEDBACK_SERVER_UID\t[^\n]*$");
    private static final Pattern NOW = Pattern.compile("(?m)^Now\t\\d+$");

    private final byte[] head;
    private final byte[] middle;
    private final byte[] tail;
    private final long firstNow;
    private final int reportBytes;

    private ReportBodies(String report) {
        Matcher uid = SERVER_UID.matcher(report);
        Matcher now = NOW.matcher(report);
        if (!uid.find() || !now.find() || now.start() < uid.end()) {
            throw new IllegalArgumentException("the report needs a FEEDBACK_SERVER_UID line followed later by a Now line");
        }
        String partHead = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"-\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        this.head = (partHead + report.substring(0, uid.start()) + "FEEDBACK_SERVER_UID\t").getBytes(StandardCharsets.UTF_8);
        this.middle = (report.substring(uid.end(), now.start()) + "Now\t").getBytes(StandardCharsets.UTF_8);
        this.tail = (report.substring(now.end()) + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        this.firstNow = Long.parseLong(now.group().substring(4));
        this.reportBytes = report.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Loads the report from {@code file}, or the bundled MariaDB 10.11 full report when it is null. */
    static ReportBodies load(Path file) throws IOException {
        if (file != null) {
            return new ReportBodies(Files.readString(file, StandardCharsets.UTF_8));
        }
        try (InputStream in = ReportBodies.class.getResourceAsStream("/full-report.txt")) {
            return new ReportBodies(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Size of the report itself, without the multipart framing. */
    int reportBytes() {
        return reportBytes;
    }

    /**
     * Returns upload number {@code sequence}: server id number {@code sequence % servers}, and a {@code Now}
     * that differs for every upload of the same server.
     */
    Buffer body(long sequence, int servers, String runId) {
        String uid = String.format("load-%s-%08d=", runId, sequence % servers);
        String now = Long.toString(firstNow + sequence / servers);
        return Buffer.buffer(head.length + middle.length + tail.length + 64)
                .appendBytes(head).appendString(uid).appendBytes(middle).appendString(now).appendBytes(tail);
    }
}
