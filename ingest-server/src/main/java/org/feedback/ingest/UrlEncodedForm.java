package org.feedback.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads one field of an {@code application/x-www-form-urlencoded} body as bytes. Decoding to bytes rather
 * than to a string keeps invalid UTF-8 visible to the report parser, which rejects it naming the line.
 */
final class UrlEncodedForm {

    private UrlEncodedForm() {
    }

    /**
     * Returns the decoded value of the first field named {@code name}, or empty when there is none.
     *
     * @throws IllegalArgumentException when a percent escape is not followed by two hex digits
     */
    static Optional<byte[]> field(byte[] body, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.US_ASCII);
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            int equals = indexOf(body, (byte) '=', start);
            if (equals >= end) {
                equals = -1;
            }
            int nameEnd = equals < 0 ? end : equals;
            if (regionEquals(body, start, nameEnd, wanted)) {
                return Optional.of(equals < 0 ? new byte[0] : decode(body, equals + 1, end));
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    private static byte[] decode(byte[] body, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw new IllegalArgumentException("the percent escape at byte " + (i + 1) + " is incomplete");
                }
                out.write(hex(body[i + 1], i + 1) << 4 | hex(body[i + 2], i + 2));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b, int position) {
        int digit = Character.digit(b, 16);
        if (digit < 0) {
            throw new IllegalArgumentException("byte " + (position + 1) + " of the body is not a hex digit of a percent escape");
        }
        return digit;
    }

    private static int indexOf(byte[] body, byte wanted, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return body.length;
    }

    private static boolean regionEquals(byte[] body, int from, int to, byte[] wanted) {
        if (to - from != wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (body[from + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }
}
