package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportWriterTest {

    @Test
    void toText_writesPluginFormatWithEmptyLastLine() {
        Report report = Report.builder().add("FEEDBACK_SERVER_UID", "abc=").add("Uptime", "42").build();

        assertThat(ReportWriter.toText(report)).isEqualTo("FEEDBACK_SERVER_UID\tabc=\nUptime\t42\n\n");
    }

    @Test
    void writeThenParse_fixture_givesSameReport() throws Exception {
        Report original = Fixtures.parse(Fixtures.MARIADB_10_11);

        Report again = new ReportParser().parse(ReportWriter.toBytes(original));

        assertThat(again).isEqualTo(original);
    }

    @Test
    void writeThenParse_unicodeTabsAndBackslashes_givesSameReport() throws Exception {
        Report original = Report.builder()
                .add("version_comment", "MariaDB Server \u00e9\u4e2d\ud83d\ude00")
                .add("X", "a\tb\\n")
                .add("Y", "")
                .add("Y", "repeated")
                .build();

        assertThat(new ReportParser().parse(ReportWriter.toBytes(original))).isEqualTo(original);
    }

    @Test
    void toBytes_valueWithLineBreak_rejectedNamingEntry() {
        Report report = Report.builder().add("init_connect", "SET a=1;\nSET b=2").build();

        assertThatThrownBy(() -> ReportWriter.toBytes(report))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry 'init_connect' cannot be written: the value contains a line break");
    }

    @Test
    void toBytes_nameWithTab_rejected() {
        Report report = Report.builder().add("A\tB", "1").build();

        assertThatThrownBy(() -> ReportWriter.toBytes(report))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the name contains a tab");
    }

    @Test
    void toEscapedBytesThenParse_lineBreaksAndBackslashes_givesSameReport() throws Exception {
        Report original = Report.builder()
                .add("init_connect", "SET a=1;\nSET b=2")
                .add("X", "tab\there\\n back\\slash \0 nul inside")
                .add("Y", "carriage\rinside")
                .build();

        Report again = new ReportParser().parse(ReportWriter.toEscapedBytes(original));

        assertThat(again).isEqualTo(original);
    }

    @Test
    void toEscapedBytes_valueEndingInNul_rejected() {
        Report report = Report.builder().add("FEEDBACK_SERVER_UID", "abc=\0").build();

        assertThatThrownBy(() -> ReportWriter.toEscapedBytes(report))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends with a carriage return or a NUL byte");
    }

    @Test
    void toBytes_nameStartingWithByteOrderMark_rejected() {
        Report report = Report.builder().add("\uFEFFversion", "1").build();

        assertThatThrownBy(() -> ReportWriter.toBytes(report))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts with U+FEFF");
    }

    @Test
    void toEscapedBytes_entryReadingAsHeader_rejected() {
        Report report = Report.builder().add("variable_name", "variable_value").build();

        assertThatThrownBy(() -> ReportWriter.toEscapedBytes(report))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads as the header line");
    }

    @Test
    void toEscapedBytes_unpairedSurrogate_rejected() {
        Report report = Report.builder().add("A", "x\ud800y").build();

        assertThatThrownBy(() -> ReportWriter.toEscapedBytes(report))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    @Test
    void isWritable_valueWithLineBreak_falseButEscapable() {
        Report.Entry entry = new Report.Entry("init_connect", "SET a=1;\nSET b=2");

        assertThat(ReportWriter.isWritable(entry)).isFalse();
        assertThat(ReportWriter.isEscapable(entry)).isTrue();
    }
}
