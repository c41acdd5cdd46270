package org.feedback.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Parses the line-oriented report format into a {@link Report}. The grammar is specified in
 * {@code docs/report-format.md}.
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
 * part of it (some plugin versions send one after the server id). Input must be UTF-8; a UTF-8 byte order
 * mark before the first line is skipped. An empty line ends the report, and only further empty lines may
 * follow it. Every violation, and every input above the {@link ReportLimits}, raises a
 * {@link ReportParseException} naming the line: the parser never truncates or repairs.
 *
 * <p>Instances are immutable and thread-safe. All instances share a bounded table of the names they have
 * seen, so that parsing many reports of the same kind allocates each name once, and a fixed table of common
 * short values such as {@code 0} and {@code OFF}. Parsing the 25.5 KB MariaDB 10.11 report allocates about
 * 40 KB once the name table contains its names (JMH's GC profiler; see {@code docs/benchmarks.md}).
 */
public final class ReportParser {

    /** The header line {@code mariadb -e} prints; its presence switches on escape processing. */
    public static final String HEADER = "VARIABLE_NAME\tVARIABLE_VALUE";

    private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final byte TAB = '\t';
    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte BACKSLASH = '\\';

    /** First buffer size when reading a stream; the buffer doubles up to the size limit plus one byte. */
    private static final int FIRST_STREAM_BUFFER_BYTES = 16 * 1024;

    private static final NameTable NAMES = new NameTable();

    private final ReportLimits limits;

    /** Creates a parser with {@link ReportLimits#DEFAULT}. */
    public ReportParser() {
        this(ReportLimits.DEFAULT);
    }

    public ReportParser(ReportLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
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
        Objects.checkFromIndexSize(offset, length, input.length);
        int max = limits.maxReportBytes();
        if (length > max) {
            int line = 1 + countLineFeeds(input, offset, offset + max);
            throw new ReportLimitExceededException(line, ReportLimitExceededException.Limit.MAX_REPORT_BYTES, max,
                    length, "report is " + length + " bytes, above the limit of " + max + " bytes");
        }
        return new Run(input, offset, offset + length).parse();
    }

    /** Parses a report given as text; the text is encoded as UTF-8 first. */
    public Report parse(String text) throws ReportParseException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a report read from {@code in} until its end; the stream is not closed. At most the size limit
     * plus one byte is read into memory: a longer stream is rejected without reading the rest.
     */
    public Report parse(InputStream in) throws IOException, ReportParseException {
        int max = limits.maxReportBytes();
        // available() is only a hint, but when it returns the whole size, one buffer of that size suffices.
        int firstBufferBytes = Math.max(FIRST_STREAM_BUFFER_BYTES, Math.min(in.available(), max) + 1);
        byte[] buffer = new byte[Math.min(max + 1, firstBufferBytes)];
        int total = 0;
        while (true) {
            if (total == buffer.length) {
                if (total > max) {
                    break;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, max + 1L));
            }
            int read = in.read(buffer, total, buffer.length - total);
            if (read < 0) {
                break;
            }
            total += read;
        }
        if (total > max) {
            int line = 1 + countLineFeeds(buffer, 0, max);
            throw new ReportLimitExceededException(line, ReportLimitExceededException.Limit.MAX_REPORT_BYTES, max,
                    total, "report is more than " + max + " bytes, above the limit of " + max + " bytes");
        }
        return new Run(buffer, 0, total).parse();
    }

    private static int countLineFeeds(byte[] input, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if (input[i] == LF) {
                count++;
            }
        }
        return count;
    }

    /** State of one parse: the input, the position, the line number and the entries so far. */
    private final class Run {
        private final byte[] input;
        private final int end;
        private int position;
        private int lineNumber;
        private boolean escaped;
        private int endedAtLine;
        private Report.Entry[] entries;
        /** The {@link NameIndex#hash} of each entry's name, computed while the name is scanned. */
        private int[] nameHashes;
        private int entryCount;

        Run(byte[] input, int start, int end) {
            this.input = input;
            this.position = start;
            this.end = end;
        }

        Report parse() throws ReportParseException {
            skipByteOrderMark();
            // A line of a real report is about 27 bytes long; a shorter average only costs a regrowth.
            entries = new Report.Entry[(end - position) / 24 + 16];
            nameHashes = new int[entries.length];
            while (position < end) {
                lineNumber++;
                if (lineNumber > limits.maxLines()) {
                    throw tooManyLines();
                }
                parseLine();
            }
            return Report.ofOwnedArray(entries, nameHashes, entryCount);
        }

        private void skipByteOrderMark() {
            if (end - position >= 3 && input[position] == (byte) 0xEF && input[position + 1] == (byte) 0xBB
                    && input[position + 2] == (byte) 0xBF) {
                position += 3;
            }
        }

        private ReportLimitExceededException tooManyLines() {
            int unterminatedLastLine = input[end - 1] == LF ? 0 : 1;
            int lines = lineNumber - 1 + countLineFeeds(input, position, end) + unterminatedLastLine;
            int max = limits.maxLines();
            return new ReportLimitExceededException(lineNumber, ReportLimitExceededException.Limit.MAX_LINES, max,
                    lines, "report has " + lines + " lines, above the limit of " + max + " lines");
        }

        /** Parses the line at {@link #position} and moves past its line end. */
        private void parseLine() throws ReportParseException {
            int lineStart = position;
            int i = lineStart;
            int hash = 0;
            int nameBits = 0;
            int firstControl = -1;
            boolean nameBackslash = false;
            while (i < end) {
                byte b = input[i];
                if (b == TAB || b == LF) {
                    break;
                }
                if (b >= 0 && (b < 0x20 || b == 0x7F) && firstControl < 0) {
                    firstControl = i;
                }
                nameBackslash |= b == BACKSLASH;
                nameBits |= b;
                hash = NameIndex.hashStep(hash, b);
                i++;
            }

            if (i == end || input[i] == LF) {
                parseLineWithoutTab(lineStart, i);
                return;
            }
            requireBeforeEnd();

            int tab = i;
            int valueStart = tab + 1;
            int valueBits = 0;
            boolean valueBackslash = false;
            for (i = valueStart; i < end; i++) {
                byte b = input[i];
                if (b == LF) {
                    break;
                }
                valueBits |= b;
                valueBackslash |= b == BACKSLASH;
            }
            position = i < end ? i + 1 : end;
            int contentEnd = i > valueStart && input[i - 1] == CR ? i - 1 : i;

            if (isHeader(lineStart, contentEnd)) {
                acceptHeader();
                return;
            }
            String name = parseName(lineStart, tab, hash, nameBits < 0, firstControl, nameBackslash);
            String value = parseValue(valueStart, contentEnd, valueBits < 0, valueBackslash);
            // The bytes are the characters only in an ASCII name without escapes.
            boolean bytesAreName = nameBits >= 0 && !(escaped && nameBackslash);
            add(new Report.Entry(name, value), bytesAreName ? NameIndex.finishHash(hash) : NameIndex.hash(name));
        }

        /** Handles a line without a tab: an empty line ends the report, anything else is an error. */
        private void parseLineWithoutTab(int lineStart, int lineEnd) throws ReportParseException {
            position = lineEnd < end ? lineEnd + 1 : end;
            int contentEnd = lineEnd > lineStart && input[lineEnd - 1] == CR ? lineEnd - 1 : lineEnd;
            if (contentEnd == lineStart) {
                if (endedAtLine == 0) {
                    endedAtLine = lineNumber;
                }
                return;
            }
            requireBeforeEnd();
            throw new ReportParseException(lineNumber, "no tab between name and value");
        }

        private void requireBeforeEnd() throws ReportParseException {
            if (endedAtLine != 0) {
                throw new ReportParseException(lineNumber, "content after the empty line " + endedAtLine
                        + " that ends the report; send one report per upload");
            }
        }

        private void acceptHeader() throws ReportParseException {
            if (lineNumber != 1) {
                throw new ReportParseException(lineNumber, "the header line " + HEADER.replace("\t", "<TAB>")
                        + " may only be the first line; send one report per upload");
            }
            escaped = true;
        }

        private String parseName(int start, int nameEnd, int hash, boolean nonAscii, int firstControl,
                                 boolean backslash) throws ReportParseException {
            int length = nameEnd - start;
            if (length == 0) {
                throw new ReportParseException(lineNumber, "empty name before the tab");
            }
            if (length > limits.maxNameBytes()) {
                throw new ReportLimitExceededException(lineNumber, ReportLimitExceededException.Limit.MAX_NAME_BYTES,
                        limits.maxNameBytes(), length, "name is " + length + " bytes, above the limit of "
                        + limits.maxNameBytes() + " bytes");
            }
            if (firstControl >= 0) {
                throw new ReportParseException(lineNumber, "name contains the control character 0x"
                        + hex(input[firstControl]) + " at byte " + (firstControl - start + 1));
            }
            boolean unescape = escaped && backslash;
            if (!nonAscii && !unescape) {
                return NAMES.name(input, start, nameEnd, hash);
            }
            String name = decodeUtf8(start, nameEnd, "name");
            if (unescape) {
                name = unescape(name, "name");
                requireNoControlCharacter(name);
            }
            return name;
        }

        private void requireNoControlCharacter(String name) throws ReportParseException {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < 0x20 || c == 0x7F) {
                    throw new ReportParseException(lineNumber, "name contains the escaped control character 0x"
                            + hex((byte) c) + "; names must not contain control characters");
                }
            }
        }

        private String parseValue(int start, int valueEnd, boolean nonAscii, boolean backslash)
                throws ReportParseException {
            while (valueEnd > start && input[valueEnd - 1] == 0) {
                valueEnd--;
            }
            int length = valueEnd - start;
            if (length > limits.maxValueBytes()) {
                throw new ReportLimitExceededException(lineNumber, ReportLimitExceededException.Limit.MAX_VALUE_BYTES,
                        limits.maxValueBytes(), length, "value is " + length + " bytes, above the limit of "
                        + limits.maxValueBytes() + " bytes");
            }
            boolean unescape = escaped && backslash;
            if (!nonAscii && !unescape) {
                if (length <= CommonValues.MAX_BYTES) {
                    String common = CommonValues.lookUp(input, start, length);
                    if (common != null) {
                        return common;
                    }
                }
                return new String(input, start, length, StandardCharsets.ISO_8859_1);
            }
            String value = nonAscii ? decodeUtf8(start, valueEnd, "value")
                    : new String(input, start, length, StandardCharsets.ISO_8859_1);
            if (unescape) {
                value = stripTrailingNuls(unescape(value, "value"));
            }
            return value;
        }

        private boolean isHeader(int start, int contentEnd) {
            if (contentEnd - start != HEADER_BYTES.length) {
                return false;
            }
            for (int i = 0; i < HEADER_BYTES.length; i++) {
                int b = input[start + i];
                if (b >= 'a' && b <= 'z') {
                    b -= 'a' - 'A';
                }
                if (b != HEADER_BYTES[i]) {
                    return false;
                }
            }
            return true;
        }

        private String decodeUtf8(int start, int stop, String what) throws ReportParseException {
            int invalid = Utf8.firstInvalidByte(input, start, stop);
            if (invalid >= 0) {
                throw new ReportParseException(lineNumber, what + " is not valid UTF-8 at byte "
                        + (invalid - start + 1) + " of the " + what + " (0x" + hex(input[invalid])
                        + "); send the report in UTF-8");
            }
            return new String(input, start, stop - start, StandardCharsets.UTF_8);
        }

        private String unescape(String text, String what) throws ReportParseException {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i + 1 == text.length()) {
                    throw new ReportParseException(lineNumber, what + " ends with a lone backslash;"
                            + " write a backslash as \\\\");
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

        private void add(Report.Entry entry, int nameHash) {
            if (entryCount == entries.length) {
                entries = Arrays.copyOf(entries, entries.length + (entries.length >> 1) + 16);
                nameHashes = Arrays.copyOf(nameHashes, entries.length);
            }
            entries[entryCount] = entry;
            nameHashes[entryCount] = nameHash;
            entryCount++;
        }
    }

    private static String stripTrailingNuls(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '\0') {
            end--;
        }
        return value.substring(0, end);
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }
}
