package org.feedback.report;

/** Strict UTF-8 validation, as RFC 3629 defines the encoding. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Returns the index of the first byte in {@code bytes[start, end)} that does not belong to a well-formed
     * UTF-8 sequence, or -1 when the range is valid. Overlong forms, encoded surrogates (U+D800 to U+DFFF),
     * code points above U+10FFFF and truncated sequences are invalid.
     */
    static int firstInvalidByte(byte[] bytes, int start, int end) {
        int i = start;
        while (i < end) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i, end);
            if (length <= 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** Returns the length of the multi-byte sequence starting at {@code i}, or 0 when it is invalid. */
    private static int sequenceLength(byte[] bytes, int i, int end) {
        int lead = bytes[i] & 0xFF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            return continuation(bytes, i + 1, end) ? 2 : 0;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            if (i + 2 >= end) {
                return 0;
            }
            int second = bytes[i + 1] & 0xFF;
            boolean secondValid = lead == 0xE0 ? second >= 0xA0 && second <= 0xBF
                    : lead == 0xED ? second >= 0x80 && second <= 0x9F
                    : second >= 0x80 && second <= 0xBF;
            return secondValid && continuation(bytes, i + 2, end) ? 3 : 0;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            if (i + 3 >= end) {
                return 0;
            }
            int second = bytes[i + 1] & 0xFF;
            boolean secondValid = lead == 0xF0 ? second >= 0x90 && second <= 0xBF
                    : lead == 0xF4 ? second >= 0x80 && second <= 0x8F
                    : second >= 0x80 && second <= 0xBF;
            return secondValid && continuation(bytes, i + 2, end) && continuation(bytes, i + 3, end) ? 4 : 0;
        }
        return 0;
    }

    private static boolean continuation(byte[] bytes, int i, int end) {
        return i < end && (bytes[i] & 0xC0) == 0x80;
    }
}
