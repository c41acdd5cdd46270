package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportParserTest {

    private final ReportParser parser = new ReportParser();

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
    void parse_headerPresent_unescapesValues() throws Exception {
        Report report = parser.parse("VARIABLE_NAME\tVARIABLE_VALUE\nX\ta\\tb\\nc\\\\d\\0e\n");

        assertThat(report.value("X")).contains("a\tb\nc\\d\0e");
    }

    @Test
    void parse_noHeader_keepsBackslashesLiterally() throws Exception {
        Report report = parser.parse("X\tC:\\new\\table\n");

        assertThat(report.value("X")).contains("C:\\new\\table");
    }

    @Test
    void parse_tabInsideValue_belongsToValue() throws Exception {
        Report report = parser.parse("X\ta\tb\n");

        assertThat(report.value("X")).contains("a\tb");
    }

    @Test
    void parse_trailingNulInValue_isNotPartOfValue() throws Exception {
        Report report = parser.parse("FEEDBACK_SERVER_UID\tabc=\0\nFEEDBACK_WHEN\tshutdown\n");

        assertThat(report.value("FEEDBACK_SERVER_UID")).contains("abc=");
    }

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
    void parse_invalidUtf8_rejectedWithLineNumber() {
        byte[] input = "A\t1\nB\t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 2: value is not valid UTF-8");
    }

    @Test
    void parse_contentAfterEmptyLine_rejected() {
        assertThatThrownBy(() -> parser.parse("A\t1\n\nB\t2\n"))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 3: content after the empty line 2");
    }

    @Test
    void parse_unknownEscapeInEscapedFormat_rejected() {
        assertThatThrownBy(() -> parser.parse("VARIABLE_NAME\tVARIABLE_VALUE\nA\tx\\qy\n"))
                .isInstanceOf(ReportParseException.class)
                .hasMessageStartingWith("line 2: value contains the unknown escape \\q");
    }

    @Test
    void parse_streamAboveSizeLimit_rejectedWithoutReadingAll() {
        ReportParser small = new ReportParser(new ReportLimits(16, 100, 64, 64));
        CountingStream in = new CountingStream(new byte[1_000_000]);

        assertThatThrownBy(() -> small.parse(in))
                .isInstanceOf(ReportParseException.class)
                .hasMessageContaining("limit of 16 bytes");
        assertThat(in.bytesRead).isLessThanOrEqualTo(17);
    }

    @Test
    void parse_valueAboveLimit_namesLimitAndSize() {
        ReportParser small = new ReportParser(new ReportLimits(1000, 100, 64, 8));

        assertThatThrownBy(() -> small.parse("A\t123456789\n"))
                .isInstanceOf(ReportParseException.class)
                .hasMessage("line 1: value is 9 bytes, above the limit of 8 bytes");
    }

    @Test
    void parse_emptyInput_givesEmptyReport() throws Exception {
        assertThat(parser.parse("").size()).isZero();
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
}
