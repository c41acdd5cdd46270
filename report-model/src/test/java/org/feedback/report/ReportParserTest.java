package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.feedback.report.ReportLimitExceededException.Limit;
import org.junit.jupiter.api.Test;

class ReportParserTest {

    private final ReportParser parser = new ReportParser();

    // --- real reports and the accepted shapes of the format

    @Test
    void parse_mariadb1011Fixture_returnsEveryEntryInOrder() throws Exception {
        Report report = Fixtures.parse(Fixtures.MARIADB_10_11);

        // 952 lines: the header line and 951 entries.
        assertThat(report.size()).isEqualTo(951);
        assertThat(report.entries().get(0)).isEqualTo(new Report.Entry("FEEDBACK_SERVER_UID", "fXdYp7ZWAMMBm0PUMZFJoAcM0o0="));
        assertThat(report.entries().get(950)).isEqualTo(new Report.Entry("Collation used utf8mb3_bin", "81"));
        assertThat(report.value("version")).contains("10.11.19-MariaDB-0+deb12u1");
        assertThat(report.values("INNODB_PAGE_SIZE")).containsExactly("16384", "16384");
        assertThat(report.isNotice()).isFalse();
    }

    @Test
    void parse_pluginBody_readsEntriesUntilEmptyLine() throws Exception {
        Report report = parser.parse("FEEDBACK_SERVER_UID\tabc=\nFEEDBACK_WHEN\tstartup\nFEEDBACK_USER_INFO\t\n\n");

        assertThat(report.entries()).containsExactly(
                new Report.Entry("FEEDBACK_SERVER_UID", "abc="),
                new Report.Entry("FEEDBACK_WHEN", "startup"),
                new Report.Entry("FEEDBACK_USER_INFO", ""));
        assertThat(report.isNotice()).isTrue();
    }

    @Test
    void parse_lastLineWithoutLineEnd_accepted() throws Exception {
        Report report = parser.parse("A\t1\nB\t2");

        assertThat(report.entries()).containsExactly(new Report.Entry("A", "1"), new Report.Entry("B", "2"));
    }

    @Test
    void parse_severalEmptyLinesAtEnd_accepted() throws Exception {
        Report report = parser.parse("A\t1\n\n\r\n\n");

        assertThat(report.entries()).containsExactly(new Report.Entry("A", "1"));
    }

    @Test
    void parse_crlfLineEnds_giveSameReportAsLf() throws Exception {
        String lf = "VARIABLE_NAME\tVARIABLE_VALUE\nVERSION\t10.11.19\nUPTIME\t42\n";

        Report withCrlf = parser.parse(lf.replace("\n", "\r\n"));

        assertThat(withCrlf).isEqualTo(parser.parse(lf));
    }

    @Test
    void parse_mixedLineEnds_accepted() throws Exception {
        Report report = parser.parse("A\t1\r\nB\t2\nC\t3\r\n\r\n");

        assertThat(report.entries()).extracting(Report.Entry::value).containsExactly("1", "2", "3");
    }

    @Test
    void parse_carriageReturnInsideValue_keptInValue() throws Exception {
        Report report = parser.parse("A\tx\ry\r\n");

        assertThat(report.value("A")).contains("x\ry");
    }

    @Test
    void parse_byteOrderMark_skipped() throws Exception {
        byte[] input = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(ReportParser.HEADER + "\nA\t1\n"));

        Report report = parser.parse(input);

        assertThat(report.entries()).containsExactly(new Report.Entry("A", "1"));
    }

    @Test
    void parse_tabInsideValue_belongsToValue() throws Exception {
        Report report = parser.parse("X\ta\tb\n");

        assertThat(report.value("X")).contains("a\tb");
    }

    @Test
    void parse_emptyValue_accepted() throws Exception {
        Report report = parser.parse("FEEDBACK_HTTP_PROXY\t\n");

        assertThat(report.value("FEEDBACK_HTTP_PROXY")).contains("");
    }

    @Test
    void parse_emptyInput_givesEmptyReport() throws Exception {
        assertThat(parser.parse("").size()).isZero();
    }

    @Test
    void parse_onlyHeader_givesEmptyReport() throws Exception {
        assertThat(parser.parse(ReportParser.HEADER + "\n").size()).isZero();
    }

    // --- names

    @Test
    void parse_namesInAnyCase_keptAsSentAndFoundIgnoringCase() throws Exception {
        Report upper = parser.parse("VERSION\t10.11.19-MariaDB\n");
        Report lower = parser.parse("version\t5.5.68-MariaDB\n");
        Report mixed = parser.parse("Innodb_buffer_pool_pages_free\t42\n");

        assertThat(upper.entries().get(0).name()).isEqualTo("VERSION");
        assertThat(upper.value("version")).contains("10.11.19-MariaDB");
        assertThat(lower.entries().get(0).name()).isEqualTo("version");
        assertThat(lower.value("VERSION")).contains("5.5.68-MariaDB");
        assertThat(mixed.value("INNODB_BUFFER_POOL_PAGES_FREE")).contains("42");
    }

    @Test
    void parse_duplicateNames_allKeptInOrder() throws Exception {
        Report report = parser.parse("INNODB_PAGE_SIZE\t16384\nA\t1\nInnodb_page_size\t16384\nINNODB_PAGE_SIZE\t8192\n");

        assertThat(report.size()).isEqualTo(4);
        assertThat(report.value("innodb_page_size")).contains("16384");
        assertThat(report.values("innodb_page_size")).containsExactly("16384", "16384", "8192");
    }

    @Test
    void parse_nonAsciiNameAndValue_decodedAsUtf8() throws Exception {
        Report report = parser.parse("Größe\t\u4e2d\u6587 \ud83d\ude00\n");

        assertThat(report.value("Größe")).contains("\u4e2d\u6587 \ud83d\ude00");
    }

    @Test
    void parse_sameNameTwice_returnsEqualNames() throws Exception {
        String first = parser.parse("Uptime\t1\n").entries().get(0).name();
        String second = parser.parse("Uptime\t2\n").entries().get(0).name();

        assertThat(second).isEqualTo(first).isEqualTo("Uptime");
    }

    // --- values: NUL bytes, control bytes and long values

    @Test
    void parse_trailingNulInValue_isNotPartOfValue() throws Exception {
        Report report = parser.parse("FEEDBACK_SERVER_UID\tabc=\0\nFEEDBACK_WHEN\tshutdown\n");

        assertThat(report.value("FEEDBACK_SERVER_UID")).contains("abc=");
    }

    @Test
    void parse_severalTrailingNulsBeforeCrlf_allDropped() throws Exception {
        Report report = parser.parse("FEEDBACK_SERVER_UID\tabc=\0\0\0\r\n");

        assertThat(report.value("FEEDBACK_SERVER_UID")).contains("abc=");
    }

    @Test
    void parse_nulInsideValue_kept() throws Exception {
        Report report = parser.parse("A\tx\0y\n");

        assertThat(report.value("A")).contains("x\0y");
    }

    @Test
    void parse_otherTrailingControlBytes_keptInValue() throws Exception {
        Report report = parser.parse("A\tvalue\u0001\u001f\n");

        assertThat(report.value("A")).contains("value\u0001\u001f");
    }

    @Test
    void parse_valueAbove1024Characters_keptWhole() throws Exception {
        String cipherList = String.join(":", java.util.Collections.nCopies(150, "TLS_AES_256_GCM_SHA384"));

        Report report = parser.parse("Ssl_cipher_list\t" + cipherList + "\n");

        assertThat(cipherList.length()).isGreaterThan(3000);
        assertThat(report.value("Ssl_cipher_list")).contains(cipherList);
    }

    // --- escapes

    @Test
    void parse_headerPresent_unescapesValues() throws Exception {
        Report report = parser.parse("VARIABLE_NAME\tVARIABLE_VALUE\nX\ta\\tb\\nc\\\\d\\0e\n");

        assertThat(report.value("X")).contains("a\tb\nc\\d\0e");
    }

    @Test
    void parse_headerInLowerCase_unescapesValues() throws Exception {
        Report report = parser.parse("variable_name\tvariable_value\nX\ta\\tb\n");

        assertThat(report.value("X")).contains("a\tb");
    }

    @Test
    void parse_noHeader_keepsBackslashesLiterally() throws Exception {
        Report report = parser.parse("X\tC:\\new\\table\n");

        assertThat(report.value("X")).contains("C:\\new\\table");
    }

    @Test
    void parse_escapedNulAtEndOfValue_isNotPartOfValue() throws Exception {
        Report report = parser.parse(ReportParser.HEADER + "\nFEEDBACK_SERVER_UID\tabc=\\0\n");

        assertThat(report.value("FEEDBACK_SERVER_UID")).contains("abc=");
    }

    @Test
    void parse_unknownEscapeInEscapedFormat_rejected() {
        assertThatThrownBy(() -> parser.parse("VARIABLE_NAME\tVARIABLE_VALUE\nA\tx\\qy\n"))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 2: value contains the unknown escape \\q");
    }

    @Test
    void parse_loneBackslashAtEndInEscapedFormat_rejected() {
        assertThatThrownBy(() -> parser.parse(ReportParser.HEADER + "\nA\tx\\\n"))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 2: value ends with a lone backslash");
    }

    @Test
    void parse_escapedTabInName_rejected() {
        assertThatThrownBy(() -> parser.parse(ReportParser.HEADER + "\nA\\tB\t1\n"))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 2: name contains the escaped control character 0x09");
    }

    @Test
    void parse_headerAfterFirstLine_rejected() {
        assertThatThrownBy(() -> parser.parse("A\t1\n" + ReportParser.HEADER + "\nB\t2\n"))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 2: the header line VARIABLE_NAME<TAB>VARIABLE_VALUE may only be the first line");
    }

    // --- malformed lines

    @Test
    void parse_lineWithoutTab_namesLineNumber() {
        assertThatThrownBy(() -> parser.parse("A\t1\nB 2\n"))
                .isInstanceOf(ReportParseException.class)
                .hasMessage("line 2: no tab between name and value")
                .extracting(e -> ((ReportParseException) e).lineNumber()).isEqualTo(2);
    }

    @Test
    void parse_emptyName_rejected() {
        assertThatThrownBy(() -> parser.parse("\tvalue\n"))
                .isInstanceOf(ReportParseException.class)
                .hasMessage("line 1: empty name before the tab");
    }

    @Test
    void parse_nulInsideName_rejected() {
        assertThatThrownBy(() -> parser.parse("A\t1\nVER\0SION\t10.11\n"))
                .isInstanceOf(ReportParseException.class)
                .hasMessage("line 2: name contains the control character 0x00 at byte 4");
    }

    @Test
    void parse_invalidUtf8_rejectedWithLineNumber() {
        byte[] input = "A\t1\nB\tcaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOf(ReportParseException.class)
                .hasMessage("line 2: value is not valid UTF-8 at byte 4 of the value (0xE9); send the report in UTF-8");
    }

    @Test
    void parse_invalidUtf8InName_rejected() {
        byte[] input = concat(utf8("A"), new byte[] {(byte) 0xFF}, utf8("\t1\n"));

        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 1: name is not valid UTF-8 at byte 2 of the name (0xFF)");
    }

    @Test
    void parse_overlongUtf8_rejected() {
        byte[] input = concat(utf8("A\tx"), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\n"));

        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 1: value is not valid UTF-8 at byte 2");
    }

    @Test
    void parse_encodedSurrogateUtf8_rejected() {
        byte[] input = concat(utf8("A\t"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\n"));

        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 1: value is not valid UTF-8 at byte 1");
    }

    @Test
    void parse_utf8SequenceCutByLineEnd_rejected() {
        byte[] input = concat(utf8("A\tx"), new byte[] {(byte) 0xE4, (byte) 0xB8}, utf8("\nB\t1\n"));

        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 1: value is not valid UTF-8 at byte 2");
    }

    @Test
    void parse_contentAfterEmptyLine_rejected() {
        assertThatThrownBy(() -> parser.parse("A\t1\n\nB\t2\n"))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 3: content after the empty line 2");
    }

    @Test
    void parse_binaryJunk_raisesOnlyParseException() {
        Random random = new Random(20241204L);
        for (int round = 0; round < 2_000; round++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);

            try {
                parser.parse(junk);
            } catch (ReportParseException expected) {
                assertThat(expected.lineNumber()).isPositive();
            }
        }
    }

    @Test
    void parse_binaryJunkAfterValidLines_rejectedAtJunkLine() {
        byte[] input = concat(utf8("A\t1\nB\t2\n"), new byte[] {0x00, 0x01, (byte) 0xFE, 0x09, (byte) 0x80, 0x0A});

        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOf(ReportParseException.class)
                .extracting(e -> ((ReportParseException) e).lineNumber()).isEqualTo(3);
    }

    // --- limits

    @Test
    void parse_tenMegabyteLine_rejectedBySizeLimit() {
        byte[] input = new byte[10 * 1024 * 1024];
        Arrays.fill(input, (byte) 'x');
        input[5] = '\t';

        ReportLimitExceededException e = catchThrowableOfType(ReportLimitExceededException.class, () -> parser.parse(input));

        assertThat(e.limit()).isEqualTo(Limit.MAX_REPORT_BYTES);
        assertThat(e.maximum()).isEqualTo(1024 * 1024);
        assertThat(e.actual()).isEqualTo(10 * 1024 * 1024);
        assertThat(e.lineNumber()).isEqualTo(1);
        assertThat(e).hasMessage("line 1: report is 10485760 bytes, above the limit of 1048576 bytes (maxReportBytes)");
    }

    @Test
    void parse_tenMegabyteLineWithinRaisedSizeLimit_rejectedByValueLimit() {
        ReportParser large = new ReportParser(ReportLimits.DEFAULT.withMaxReportBytes(16 * 1024 * 1024));
        byte[] input = new byte[10 * 1024 * 1024];
        Arrays.fill(input, (byte) 'x');
        input[5] = '\t';

        ReportLimitExceededException e = catchThrowableOfType(ReportLimitExceededException.class, () -> large.parse(input));

        assertThat(e.limit()).isEqualTo(Limit.MAX_VALUE_BYTES);
        assertThat(e.actual()).isEqualTo(10 * 1024 * 1024 - 6);
        assertThat(e.lineNumber()).isEqualTo(1);
    }

    @Test
    void parse_reportAboveSizeLimit_namesLineWhereLimitIsCrossed() {
        ReportParser small = new ReportParser(ReportLimits.DEFAULT.withMaxReportBytes(10));

        ReportLimitExceededException e = catchThrowableOfType(ReportLimitExceededException.class,
                () -> small.parse("A\t1\nB\t2\nC\t3\nD\t4\n"));

        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e.actual()).isEqualTo(16);
        assertThat(e.maximum()).isEqualTo(10);
    }

    @Test
    void parse_reportAtSizeLimit_accepted() throws Exception {
        ReportParser small = new ReportParser(ReportLimits.DEFAULT.withMaxReportBytes(8));

        assertThat(small.parse("A\t1\nB\t2\n").size()).isEqualTo(2);
    }

    @Test
    void parse_linesAboveLimit_namesLimitAndLineCount() {
        ReportParser small = new ReportParser(ReportLimits.DEFAULT.withMaxLines(3));

        ReportLimitExceededException e = catchThrowableOfType(ReportLimitExceededException.class,
                () -> small.parse("A\t1\nB\t2\nC\t3\nD\t4\nE\t5\n"));

        assertThat(e.limit()).isEqualTo(Limit.MAX_LINES);
        assertThat(e.lineNumber()).isEqualTo(4);
        assertThat(e.maximum()).isEqualTo(3);
        assertThat(e.actual()).isEqualTo(5);
        assertThat(e).hasMessage("line 4: report has 5 lines, above the limit of 3 lines (maxLines)");
    }

    @Test
    void parse_linesAtLimit_accepted() throws Exception {
        ReportParser small = new ReportParser(ReportLimits.DEFAULT.withMaxLines(3));

        assertThat(small.parse("A\t1\nB\t2\n\n").size()).isEqualTo(2);
    }

    @Test
    void parse_nameAboveLimit_namesLimitAndSize() {
        ReportParser small = new ReportParser(ReportLimits.DEFAULT.withMaxNameBytes(4));

        ReportLimitExceededException e = catchThrowableOfType(ReportLimitExceededException.class,
                () -> small.parse("ABCD\t1\nABCDE\t2\n"));

        assertThat(e.limit()).isEqualTo(Limit.MAX_NAME_BYTES);
        assertThat(e).hasMessage("line 2: name is 5 bytes, above the limit of 4 bytes (maxNameBytes)");
    }

    @Test
    void parse_valueAboveLimit_namesLimitAndSize() {
        ReportParser small = new ReportParser(new ReportLimits(1000, 100, 64, 8));

        ReportLimitExceededException e = catchThrowableOfType(ReportLimitExceededException.class,
                () -> small.parse("A\t123456789\n"));

        assertThat(e.limit()).isEqualTo(Limit.MAX_VALUE_BYTES);
        assertThat(e.maximum()).isEqualTo(8);
        assertThat(e.actual()).isEqualTo(9);
        assertThat(e).hasMessage("line 1: value is 9 bytes, above the limit of 8 bytes (maxValueBytes)");
    }

    @Test
    void parse_valueAtLimitWithTrailingNulsAndCrlf_accepted() throws Exception {
        ReportParser small = new ReportParser(new ReportLimits(1000, 100, 64, 8));

        assertThat(small.parse("A\t12345678\0\0\r\n").value("A")).contains("12345678");
    }

    // --- byte ranges and streams

    @Test
    void parse_byteRange_readsOnlyThatRange() throws Exception {
        byte[] input = utf8("junkA\t1\nB\t2\njunk");

        Report report = parser.parse(input, 4, 8);

        assertThat(report.entries()).containsExactly(new Report.Entry("A", "1"), new Report.Entry("B", "2"));
    }

    @Test
    void parse_byteRangeOutsideArray_rejected() {
        assertThatThrownBy(() -> parser.parse(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void parse_stream_givesSameReportAsBytes() throws Exception {
        byte[] fixture = Fixtures.bytes(Fixtures.MARIADB_10_11);

        Report fromStream = parser.parse(new OneByteAtATimeStream(fixture));

        assertThat(fromStream).isEqualTo(parser.parse(fixture));
    }

    @Test
    void parse_streamAboveSizeLimit_rejectedWithoutReadingAll() {
        ReportParser small = new ReportParser(new ReportLimits(16, 100, 64, 64));
        CountingStream in = new CountingStream(new byte[1_000_000]);

        ReportLimitExceededException e = catchThrowableOfType(ReportLimitExceededException.class, () -> small.parse(in));

        assertThat(e).hasMessage("line 1: report is more than 16 bytes, above the limit of 16 bytes (maxReportBytes)");
        assertThat(e.actual()).isEqualTo(17);
        assertThat(in.bytesRead).isLessThanOrEqualTo(17);
    }

    @Test
    void parse_largeStreamAboveSizeLimit_readsLimitPlusOneByte() {
        CountingStream in = new CountingStream(new byte[5 * 1024 * 1024]);

        assertThatThrownBy(() -> parser.parse(in)).isInstanceOf(ReportLimitExceededException.class);
        assertThat(in.bytesRead).isEqualTo(1024 * 1024 + 1);
    }

    @Test
    void parse_streamAtSizeLimit_accepted() throws Exception {
        ReportParser small = new ReportParser(ReportLimits.DEFAULT.withMaxReportBytes(8));

        assertThat(small.parse(new ByteArrayInputStream(utf8("A\t1\nB\t2\n"))).size()).isEqualTo(2);
    }

    // --- limits themselves

    @Test
    void reportLimits_zeroOrNegative_rejected() {
        assertThatThrownBy(() -> new ReportLimits(0, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxReportBytes must be at least 1, but was 0");
        assertThatThrownBy(() -> ReportLimits.DEFAULT.withMaxValueBytes(-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxValueBytes must be at least 1, but was -5");
    }

    @Test
    void reportLimits_withers_changeOneLimit() {
        ReportLimits limits = ReportLimits.DEFAULT.withMaxLines(7).withMaxNameBytes(9);

        assertThat(limits).isEqualTo(new ReportLimits(1024 * 1024, 7, 9, 64 * 1024));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Counts the bytes a parser pulls from the stream. */
    private static final class CountingStream extends ByteArrayInputStream {
        int bytesRead;

        CountingStream(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        }
    }

    /** Returns at most one byte per read call, as a slow network stream may. */
    private static final class OneByteAtATimeStream extends InputStream {
        private final byte[] data;
        private int position;

        OneByteAtATimeStream(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int next = read();
            if (next < 0) {
                return -1;
            }
            b[off] = (byte) next;
            return 1;
        }
    }
}
