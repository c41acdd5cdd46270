package org.feedback.agent.deliver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A {@code multipart/form-data} body with one part named {@code data}, file name {@code -} and type
 * {@code application/octet-stream}, framed with CRLF as {@code curl -F data=@-} and MariaDB's feedback
 * plugin frame it. The body is built in memory, so it is sent with a Content-Length and not chunked.
 *
 * @param contentType  the request's Content-Type header, which carries the boundary
 * @param bytes        the whole body
 */
record MultipartBody(String contentType, byte[] bytes) {

    /** 24 dashes before 16 hex digits, the boundary style of curl 7.88. */
    private static final String BOUNDARY_PREFIX = "------------------------";

    /** Frames {@code data} with a random boundary that does not occur in {@code data}. */
    static MultipartBody of(byte[] data, RandomGenerator random) {
        String boundary = newBoundary(random);
        while (contains(data, boundary.getBytes(StandardCharsets.US_ASCII))) {
            boundary = newBoundary(random);
        }

        ByteArrayOutputStream body = new ByteArrayOutputStream(data.length + 256);
        body.writeBytes(ascii("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"-\"\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "\r\n"));
        body.writeBytes(data);
        body.writeBytes(ascii("\r\n--" + boundary + "--\r\n"));
        return new MultipartBody("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static String newBoundary(RandomGenerator random) {
        return BOUNDARY_PREFIX + HexFormat.of().toHexDigits(random.nextLong());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Returns whether {@code sequence} occurs anywhere in {@code data}. */
    static boolean contains(byte[] data, byte[] sequence) {
        for (int start = 0; start <= data.length - sequence.length; start++) {
            if (Arrays.equals(data, start, start + sequence.length, sequence, 0, sequence.length)) {
                return true;
            }
        }
        return false;
    }
}
