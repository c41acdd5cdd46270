package org.feedback.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses the line-oriented report format into a {@link Report}.
 *
 * <p>Three real shapes of the format are accepted:
 * <ul>
 *   <li>the body MariaDB's feedback plugin sends: {@code NAME<TAB>VALUE} lines ending with an empty line,
 *       values taken literally;</li>
 *   <li>the output of {@code mariadb -e 'select * from information_schema.feedback'}: a header line
 *       {@code VARIABLE_NAME<TAB>VARIABLE_VALUE}, and the escapes {@code \t}, {@code \n}, {@code \\} and
 *       {@code \0} inside names and values;</li>
 *   <li>either of them with CRLF line ends (LF and CRLF may be mixed).</li>
 * </ul>
 *
 * <p>The name ends at the first tab; later tabs belong to the value. Trailing NUL bytes of a value are not
 * part of it (some plugin versions send one after the server id). Input must be UTF-8. An empty line ends
 * the report; only further empty lines may follow it. Instances are immutable and thread-safe.
 */
public final class ReportParser {

    /** The header line {@code mariadb -e} prints; its presence switches on escape processing. */
    public static final String HEADER = "VARIABLE_NAME\tVARIABLE_VALUE";

    private static final byte TAB = '\t';
    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final ReportLimits limits;

    /** Creates a parser with {@link ReportLimits#DEFAULT}. */
    public ReportParser() {
        this(ReportLimits.DEFAULT);
    }

    public ReportParser(ReportLimits limits) {
        this.limits = limits;
    }

    public ReportLimits limits() {
        return limits;
    }

    /** Parses a whole report held in {@code input}. */
    public Report parse(byte[] input) throws ReportParseException {
        return parse(input, 0, input.length);
    }

    /** Parses the report in {@code input[offset, offset + length)}. */
    public Report parse(byte[] input, int offset, int length) throws ReportParseException {
        if (length > limits.maxReportBytes()) {
            throw new ReportParseException(1, "report is " + length + " bytes, above the limit of "
                    + limits.maxReportBytes() + " bytes");
        }
        return new Run(input, offset, offset + length).parse();
    }

    /** Parses a report given as text; the text is encoded as UTF-8 first. */
    public Report parse(String text) throws ReportParseException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a report read from {@code in} until its end. At most the size limit plus one byte is read
     * into memory: a longer stream is rejected without reading the rest.
     */
    public Report parse(InputStream in) throws IOException, ReportParseException {
        int max = limits.maxReportBytes();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.min(max, 64 * 1024));
        byte[] chunk = new byte[8192];
        int total = 0;
        int read;
        while ((read = in.read(chunk, 0, Math.min(chunk.length, max + 1 - total))) > 0) {
            buffer.write(chunk, 0, read);
            total += read;
            if (total > max) {
                throw new ReportParseException(1, "report is larger than the limit of " + max + " bytes");
            }
        }
        return parse(buffer.toByteArray());
    }

    /** State of one parse: the input, the position and the line number. */
    private final class Run {
        private final byte[] input;
        private final int end;
        private int position;
        private int lineNumber;
        private boolean escaped;
        private int endedAtLine;

        Run(byte[] input, int start, int end) {
            this.input = input;
            this.position = start;
            this.end = end;
        }

        Report parse() throws ReportParseException {
            Report.Builder report = Report.builder();
            while (position < end) {
                int lineStart = position;
                int lineEnd = nextLineEnd(lineStart);
                lineNumber++;
                if (lineNumber > limits.maxLines()) {
                    throw new ReportParseException(lineNumber, "report has more than the limit of "
                            + limits.maxLines() + " lines");
                }
                parseLine(lineStart, lineEnd, report);
            }
            return report.build();
        }

        /** Advances past the next line end and returns the end of the line's content, without CR or LF. */
        private int nextLineEnd(int lineStart) {
            int lineEnd = lineStart;
            while (lineEnd < end && input[lineEnd] != LF) {
                lineEnd++;
            }
            position = lineEnd < end ? lineEnd + 1 : lineEnd;
            if (lineEnd > lineStart && input[lineEnd - 1] == CR) {
                lineEnd--;
            }
            return lineEnd;
        }

        private void parseLine(int start, int lineEnd, Report.Builder report) throws ReportParseException {
            if (start == lineEnd) {
                if (endedAtLine == 0) {
                    endedAtLine = lineNumber;
                }
                return;
            }
            if (endedAtLine != 0) {
                throw new ReportParseException(lineNumber, "content after the empty line " + endedAtLine
                        + " that ends the report; send one report per upload");
            }
            if (lineNumber == 1 && isHeader(start, lineEnd)) {
                escaped = true;
                return;
            }
            int tab = indexOf(TAB, start, lineEnd);
            if (tab < 0) {
                throw new ReportParseException(lineNumber, "no tab between name and value");
            }
            String name = parseName(start, tab);
            String value = parseValue(tab + 1, lineEnd);
            report.add(name, value);
        }

        private String parseName(int start, int nameEnd) throws ReportParseException {
            int length = nameEnd - start;
            if (length == 0) {
                throw new ReportParseException(lineNumber, "empty name before the tab");
            }
            if (length > limits.maxNameBytes()) {
                throw new ReportParseException(lineNumber, "name is " + length + " bytes, above the limit of "
                        + limits.maxNameBytes() + " bytes");
            }
            for (int i = start; i < nameEnd; i++) {
                int b = input[i] & 0xFF;
                if (b < 0x20 || b == 0x7F) {
                    throw new ReportParseException(lineNumber, "name contains the control character 0x"
                            + String.format("%02X", b) + " at byte " + (i - start + 1));
                }
            }
            String name = decode(start, nameEnd, "name");
            return escaped ? unescape(name, "name") : name;
        }

        private String parseValue(int start, int valueEnd) throws ReportParseException {
            while (valueEnd > start && input[valueEnd - 1] == 0) {
                valueEnd--;
            }
            int length = valueEnd - start;
            if (length > limits.maxValueBytes()) {
                throw new ReportParseException(lineNumber, "value is " + length + " bytes, above the limit of "
                        + limits.maxValueBytes() + " bytes");
            }
            String value = decode(start, valueEnd, "value");
            if (escaped) {
                value = unescape(value, "value");
                int trimmed = value.length();
                while (trimmed > 0 && value.charAt(trimmed - 1) == '\0') {
                    trimmed--;
                }
                value = value.substring(0, trimmed);
            }
            return value;
        }

        private boolean isHeader(int start, int lineEnd) {
            if (lineEnd - start != HEADER.length()) {
                return false;
            }
            for (int i = 0; i < HEADER.length(); i++) {
                int b = input[start + i];
                if (Character.toUpperCase(b) != HEADER.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private int indexOf(byte wanted, int from, int to) {
            for (int i = from; i < to; i++) {
                if (input[i] == wanted) {
                    return i;
                }
            }
            return -1;
        }

        private String decode(int start, int stop, String what) throws ReportParseException {
            boolean ascii = true;
            for (int i = start; i < stop; i++) {
                if (input[i] < 0) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                return new String(input, start, stop - start, StandardCharsets.ISO_8859_1);
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(input, start, stop - start))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new ReportParseException(lineNumber, what + " is not valid UTF-8; send the report in UTF-8");
            }
        }

        private String unescape(String text, String what) throws ReportParseException {
            if (text.indexOf('\\') < 0) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i + 1 == text.length()) {
                    throw new ReportParseException(lineNumber, what + " ends with a lone backslash");
                }
                char next = text.charAt(++i);
                switch (next) {
                    case 't' -> out.append('\t');
                    case 'n' -> out.append('\n');
                    case '0' -> out.append('\0');
                    case '\\' -> out.append('\\');
                    default -> throw new ReportParseException(lineNumber, what + " contains the unknown escape \\"
                            + next + "; only \\t, \\n, \\0 and \\\\ are defined");
                }
            }
            return out.toString();
        }
    }
}
