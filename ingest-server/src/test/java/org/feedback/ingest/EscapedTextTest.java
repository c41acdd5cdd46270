package org.feedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.feedback.report.Report;
import org.feedback.report.ReportParser;
import org.feedback.report.ReportWriter;
import org.feedback.report.Scrubber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EscapedTextTest {

    @ParameterizedTest
    @ValueSource(strings = {Uploads.MARIADB_10_11, Uploads.MARIADB_10_11_SECOND_INSTANCE})
    void of_realScrubbedReport_sameBytesAsReportWriter(String fixture) throws Exception {
        Report report = new Scrubber().scrub(new ReportParser().parse(Uploads.fixture(fixture))).report();

        assertThat(EscapedText.of(report).toByteArray()).isEqualTo(ReportWriter.toEscapedBytes(report));
    }

    @Test
    void of_escapesAndNonAscii_sameBytesAsReportWriter() {
        Report report = Report.builder()
                .add("tab\\name", "a\tb\nc\\d\0e")
                .add("Uname_version", "Grüße aus Köln, 東京, 😀 end")
                .add("empty", "")
                .build();

        assertThat(EscapedText.of(report).toByteArray()).isEqualTo(ReportWriter.toEscapedBytes(report));
    }

    @Test
    void of_namesSeenBefore_sameBytesAsReportWriter() {
        Report report = Report.builder().add("back\\slash", "1").add("Grüße", "2").add("plain", "3").build();

        byte[] first = EscapedText.of(report).toByteArray();
        byte[] second = EscapedText.of(report).toByteArray();

        assertThat(first).isEqualTo(ReportWriter.toEscapedBytes(report));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void of_nameWithTab_rejected() {
        Report report = Report.builder().add("na\tme", "value").build();

        assertThatThrownBy(() -> EscapedText.of(report)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character");
    }

    @Test
    void of_emptyName_rejected() {
        Report report = Report.builder().add("", "value").build();

        assertThatThrownBy(() -> EscapedText.of(report)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void of_valueEndingWithCarriageReturn_rejected() {
        Report report = Report.builder().add("name", "value\r").build();

        assertThatThrownBy(() -> EscapedText.of(report)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carriage return");
    }
}
