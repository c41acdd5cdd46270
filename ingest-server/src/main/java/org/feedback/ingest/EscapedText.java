package org.feedback.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.feedback.report.Report;
import org.feedback.report.ReportParser;

/**
 * A report in the escaped format, as UTF-8 bytes in an array that may be longer than the text. The bytes
 * are exactly those {@code ReportWriter.toEscapedBytes} of report-model writes (EscapedTextTest checks both
 * on real reports), but written straight into a byte array in one pass. The report-model version goes
 * through a {@code StringBuilder} and a stream per name, which took about a third of the server's CPU per
 * upload in a profile of the load benchmark.
 */
final class EscapedText {

    private static final byte[] HEADER = (ReportParser.HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
    /** For each ASCII character: 0 to copy it, or the letter that follows the backslash of its escape. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\\'] = '\\';
        ESCAPES['\0'] = '0';
    }

    /** Most names whose escaped form {@link #NAMES} keeps; reports of one server version share a few hundred. */
    private static final int MAX_CACHED_NAMES = 8192;
    /**
     * The escaped form of names seen before, tab included. The parser hands out one shared instance per
     * known name, so a look-up costs a cached hash and a reference comparison instead of a scan of the name.
     */
    private static final Map<String, byte[]> NAMES = new ConcurrentHashMap<>();

    private byte[] bytes;
    private int length;

    private EscapedText(int capacity) {
        bytes = new byte[capacity];
    }

    /**
     * Writes {@code report} in the escaped format.
     *
     * @throws IllegalArgumentException for a name that is empty or contains a control character, or a value that
     *                                  ends with a carriage return or a NUL, which the format cannot carry
     */
    static EscapedText of(Report report) {
        EscapedText text = new EscapedText(report.size() * 40 + HEADER.length);
        text.append(HEADER);
        for (Report.Entry entry : report.entries()) {
            text.appendName(entry.name());
            text.appendValue(entry.name(), entry.value());
        }
        return text;
    }

    /** Returns the array holding the text; only the first {@link #length()} bytes belong to it. */
    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Returns a copy of exactly the text's bytes. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void appendName(String name) {
        byte[] escaped = NAMES.get(name);
        if (escaped == null) {
            EscapedText text = new EscapedText(name.length() + 8);
            text.writeName(name);
            escaped = text.toByteArray();
            if (NAMES.size() < MAX_CACHED_NAMES) {
                NAMES.putIfAbsent(name, escaped);
            }
        }
        append(escaped);
    }

    private void writeName(String name) {
        ensureCapacity(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw invalidName(name);
            }
            if (c == '\\') {
                ensureCapacity(name.length() - i + 2);
                bytes[length++] = '\\';
                bytes[length++] = '\\';
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                i = appendNonAscii(name, i);
            }
        }
        if (name.isEmpty()) {
            throw invalidName(name);
        }
        appendByte('\t');
    }

    private void appendValue(String name, String value) {
        if (value.endsWith("\r") || value.endsWith("\0")) {
            throw new IllegalArgumentException("the value of entry '" + name + "' ends with a carriage return or a NUL byte");
        }
        ensureCapacity(value.length() * 2 + 1);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                i = appendNonAscii(value, i);
                ensureCapacity((value.length() - i) * 2 + 1);
            } else if (ESCAPES[c] != 0) {
                bytes[length++] = '\\';
                bytes[length++] = ESCAPES[c];
            } else {
                bytes[length++] = (byte) c;
            }
        }
        bytes[length++] = '\n';
    }

    private static IllegalArgumentException invalidName(String name) {
        return new IllegalArgumentException("the name of entry '" + name.replaceAll("\\p{Cntrl}", "?")
                + "' is empty or contains a control character");
    }

    /** Appends the UTF-8 form of the non-ASCII run starting at {@code start}; returns the last index consumed. */
    private int appendNonAscii(String raw, int start) {
        int end = start + 1;
        while (end < raw.length() && raw.charAt(end) >= 0x80) {
            end++;
        }
        append(raw.substring(start, end).getBytes(StandardCharsets.UTF_8));
        return end - 1;
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
