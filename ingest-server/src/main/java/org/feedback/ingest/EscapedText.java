package org.feedback.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.feedback.report.Report;
import org.feedback.report.ReportParser;

/**
 * Writes a report in the escaped format, byte for byte as {@code ReportWriter.toEscapedBytes} of
 * report-model writes it (EscapedTextTest checks both on real reports), but straight into a byte array.
 * The report-model version goes through a {@code StringBuilder} and a stream per name, which took about a
 * third of the server's CPU per upload in a profile of the load benchmark.
 */
final class EscapedText {

    private static final byte[] HEADER = (ReportParser.HEADER + "\n").getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    private EscapedText(int capacity) {
        bytes = new byte[capacity];
    }

    /**
     * Returns {@code report} in the escaped format as UTF-8.
     *
     * @throws IllegalArgumentException for a name that is empty or holds a control character, or a value that
     *                                  ends with a carriage return or a NUL, which the format cannot carry
     */
    static byte[] of(Report report) {
        EscapedText text = new EscapedText(report.size() * 40 + HEADER.length);
        text.append(HEADER);
        for (Report.Entry entry : report.entries()) {
            requireEscapable(entry);
            text.appendEscaped(entry.name());
            text.appendByte('\t');
            text.appendEscaped(entry.value());
            text.appendByte('\n');
        }
        return Arrays.copyOf(text.bytes, text.length);
    }

    private static void requireEscapable(Report.Entry entry) {
        String name = entry.name();
        boolean invalidName = name.isEmpty();
        for (int i = 0; i < name.length() && !invalidName; i++) {
            char c = name.charAt(i);
            invalidName = c < 0x20 || c == 0x7F;
        }
        if (invalidName) {
            throw new IllegalArgumentException("the name of entry '" + name.replaceAll("\\p{Cntrl}", "?")
                    + "' is empty or contains a control character");
        }
        String value = entry.value();
        if (value.endsWith("\r") || value.endsWith("\0")) {
            throw new IllegalArgumentException("the value of entry '" + name + "' ends with a carriage return or a NUL byte");
        }
    }

    private void appendEscaped(String raw) {
        ensureCapacity(raw.length() * 2);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\t' -> appendPair('t');
                case '\n' -> appendPair('n');
                case '\\' -> appendPair('\\');
                case '\0' -> appendPair('0');
                default -> {
                    if (c < 0x80) {
                        bytes[length++] = (byte) c;
                    } else {
                        i = appendNonAscii(raw, i);
                    }
                }
            }
        }
    }

    /** Appends the UTF-8 form of the non-ASCII text starting at {@code start}; returns the last index consumed. */
    private int appendNonAscii(String raw, int start) {
        int end = start + 1;
        while (end < raw.length() && raw.charAt(end) >= 0x80) {
            end++;
        }
        append(raw.substring(start, end).getBytes(StandardCharsets.UTF_8));
        ensureCapacity((raw.length() - end) * 2);
        return end - 1;
    }

    private void appendPair(char escaped) {
        bytes[length++] = '\\';
        bytes[length++] = (byte) escaped;
    }

    private void appendByte(char c) {
        ensureCapacity(1);
        bytes[length++] = (byte) c;
    }

    private void append(byte[] more) {
        ensureCapacity(more.length);
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
    }

    private void ensureCapacity(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
