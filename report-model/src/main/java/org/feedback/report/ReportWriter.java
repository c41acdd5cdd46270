package org.feedback.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link Report} in the format MariaDB's feedback plugin sends: one {@code NAME<TAB>VALUE} line
 * per entry, LF line ends, UTF-8, and an empty line at the end.
 *
 * <p>That format has no escapes, so some reports cannot be written in it: a name that is empty, starts with
 * U+FEFF or holds a tab, a line break or a control character, a value that holds a line break or ends with a
 * NUL byte, text with an unpaired surrogate, and an entry that reads as the header line
 * {@code VARIABLE_NAME<TAB>VARIABLE_VALUE}.
 * Writing such a report raises {@link IllegalArgumentException} naming the entry. Every report the writer
 * accepts parses back equal with {@link ReportParser}.
 */
public final class ReportWriter {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ReportWriter() {
    }

    /** Writes {@code report} to {@code out}; the stream is neither flushed nor closed. */
    public static void write(Report report, OutputStream out) throws IOException {
        for (Report.Entry entry : report.entries()) {
            requireWritable(entry);
            out.write(entry.name().getBytes(StandardCharsets.UTF_8));
            out.write('\t');
            out.write(entry.value().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        out.write('\n');
    }

    /** Returns {@code report} in the plugin's format as UTF-8 bytes. */
    public static byte[] toBytes(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(report.size() * 32 + 1);
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Returns {@code report} in the plugin's format as text. */
    public static String toText(Report report) {
        return new String(toBytes(report), StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code report} in the escaped format that {@code mariadb -e} prints: the header line
     * {@code VARIABLE_NAME<TAB>VARIABLE_VALUE}, then one line per entry with tab, line feed, backslash and
     * NUL written as {@code \t}, {@code \n}, {@code \\} and {@code \0}, as the client escapes them.
     *
     * <p>Unlike the plugin's format, this one holds values with line breaks. It still rejects, with
     * {@link IllegalArgumentException}, a name that is empty or holds a control character, a value that
     * ends with a carriage return or a NUL byte (the parser drops those from the end of a value), text with
     * an unpaired surrogate, and an entry that reads as the header line.
     */
    public static byte[] toEscapedBytes(Report report) {
        StringBuilder text = new StringBuilder(report.size() * 32 + 32);
        text.append(ReportParser.HEADER).append('\n');
        for (Report.Entry entry : report.entries()) {
            requireEscapable(entry);
            appendEscaped(text, entry.name());
            text.append('\t');
            appendEscaped(text, entry.value());
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendEscaped(StringBuilder text, String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\\' -> text.append("\\\\");
                case '\0' -> text.append("\\0");
                default -> text.append(c);
            }
        }
    }

    /** Returns whether {@code entry} can be written in the plugin's format and read back unchanged. */
    public static boolean isWritable(Report.Entry entry) {
        return problemWith(entry) == null;
    }

    /** Returns whether {@code entry} can be written by {@link #toEscapedBytes} and read back unchanged. */
    public static boolean isEscapable(Report.Entry entry) {
        return escapedProblemWith(entry) == null;
    }

    private static void requireWritable(Report.Entry entry) {
        String problem = problemWith(entry);
        if (problem != null) {
            throw new IllegalArgumentException("entry '" + printable(entry.name()) + "' cannot be written: "
                    + problem);
        }
    }

    private static void requireEscapable(Report.Entry entry) {
        String problem = escapedProblemWith(entry);
        if (problem != null) {
            throw new IllegalArgumentException("entry '" + printable(entry.name()) + "' cannot be written: "
                    + problem);
        }
    }

    private static String problemWith(Report.Entry entry) {
        String problem = commonProblemWith(entry);
        if (problem != null) {
            return problem;
        }
        String value = entry.value();
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return "the value contains a line break";
        }
        if (value.endsWith("\0")) {
            return "the value ends with a NUL byte";
        }
        if (entry.name().charAt(0) == BYTE_ORDER_MARK) {
            return "the name starts with U+FEFF, which the parser skips as a byte order mark";
        }
        return null;
    }

    private static String escapedProblemWith(Report.Entry entry) {
        String problem = commonProblemWith(entry);
        if (problem != null) {
            return problem;
        }
        if (entry.value().endsWith("\r") || entry.value().endsWith("\0")) {
            return "the value ends with a carriage return or a NUL byte";
        }
        return null;
    }

    /** Returns what keeps {@code entry} from either format, or null. */
    private static String commonProblemWith(Report.Entry entry) {
        String name = entry.name();
        if (name.isEmpty()) {
            return "the name is empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return "the name contains a tab, line break or other control character";
            }
        }
        if (name.equalsIgnoreCase("VARIABLE_NAME") && entry.value().equalsIgnoreCase("VARIABLE_VALUE")) {
            return "the entry reads as the header line of the escaped format";
        }
        if (!isWellFormedUtf16(name) || !isWellFormedUtf16(entry.value())) {
            return "the text contains an unpaired surrogate, which has no UTF-8 form";
        }
        return null;
    }

    private static boolean isWellFormedUtf16(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
