package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Round-trip properties of the writer and the parser: any report the writer accepts parses back equal,
 * and a report it rejects raises {@link IllegalArgumentException} as documented. The generators mix
 * ordinary names and values with the characters the format treats specially (tab, CR, LF, NUL,
 * backslash, U+FEFF, surrogates, the header line) so both outcomes occur often.
 */
class ReportRoundTripTest {

    private final ReportParser parser = new ReportParser();

    @Property(tries = 1000)
    void toBytes_anyReport_parsesBackEqualOrIsRejected(@ForAll("reports") Report report) throws Exception {
        boolean writable = report.entries().stream().allMatch(ReportWriter::isWritable);
        Statistics.label("writable").collect(writable);
        Statistics.label("writable").coverage(coverage -> coverage.check(true).percentage(p -> p >= 20));

        if (writable) {
            assertThat(parser.parse(ReportWriter.toBytes(report))).isEqualTo(report);
        } else {
            assertThatThrownBy(() -> ReportWriter.toBytes(report)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 1000)
    void toEscapedBytes_anyReport_parsesBackEqualOrIsRejected(@ForAll("reports") Report report) throws Exception {
        boolean escapable = report.entries().stream().allMatch(ReportWriter::isEscapable);
        Statistics.label("escapable").collect(escapable);
        Statistics.label("escapable").coverage(coverage -> coverage.check(true).percentage(p -> p >= 20));

        if (escapable) {
            assertThat(parser.parse(ReportWriter.toEscapedBytes(report))).isEqualTo(report);
        } else {
            assertThatThrownBy(() -> ReportWriter.toEscapedBytes(report)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 300)
    void toBytes_writableReport_scrubsAndReadsFactsWithoutError(@ForAll("reports") Report report) throws Exception {
        Scrubber.Result scrubbed = new Scrubber().scrub(report);

        assertThat(scrubbed.report().size()).isLessThanOrEqualTo(report.size());
        assertThat(ServerFacts.from(report)).isNotNull();
    }

    @Provide
    Arbitrary<Report> reports() {
        Arbitrary<Report.Entry> entry = Combinators.combine(names(), values()).as(Report.Entry::new);
        return entry.list().ofMaxSize(12).map(ReportRoundTripTest::toReport);
    }

    private static Report toReport(List<Report.Entry> entries) {
        return Report.of(entries);
    }

    private static Arbitrary<String> names() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40)),
                Tuple.of(2, Arbitraries.of("version", "VERSION", "Engine InnoDB tables", "Größe", "名前",
                        "a\\tb", "\\", "VARIABLE_NAME", "variable_name", "\uFEFFversion", "emoji \ud83d\ude00")),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6)));
    }

    private static Arbitrary<String> values() {
        Arbitrary<String> special = Arbitraries.strings()
                .withChars('\t', '\r', '\n', '\0', '\\', 't', 'n', '0', 'x', ' ', '\u00e9', '\ud83d', '\ude00', '\uFEFF')
                .ofMaxLength(8);
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60)),
                Tuple.of(2, special),
                Tuple.of(1, Arbitraries.of("VARIABLE_VALUE", "", "abc=\0", "x\r", "C:\\new\\table")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)));
    }
}
