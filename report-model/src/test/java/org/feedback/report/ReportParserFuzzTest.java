package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the parser with Jazzer. Whatever the bytes, parsing either returns a report or
 * raises {@link ReportParseException}; a returned report can be scrubbed and read into facts, parses back
 * equal from either writer when the writer accepts it, and parses the same or raises
 * {@link ReportLimitExceededException} under smaller limits.
 *
 * <p>In the normal build, a separate Surefire execution runs this class with {@code JAZZER_FUZZ=1} for
 * {@code fuzz.duration} (20 seconds); {@code ./mvnw -B verify -pl report-model -Dfuzz.duration=30m} fuzzes
 * longer. Without {@code JAZZER_FUZZ}, as in an IDE, it only replays the inputs under
 * {@code src/test/resources/org/feedback/report/ReportParserFuzzTestInputs}, where Jazzer also writes
 * any input that fails, so that it becomes a regression test.
 */
class ReportParserFuzzTest {

    private static final ReportParser PARSER = new ReportParser();
    /**
     * Parses what the writers wrote. The writers know no limits, and escaping makes names and values longer,
     * so a report within the limits can be written longer than they allow.
     */
    private static final ReportParser UNLIMITED_PARSER = new ReportParser(
            new ReportLimits(Integer.MAX_VALUE - 1, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
    private static final ReportParser SMALL_PARSER = new ReportParser(new ReportLimits(512, 12, 16, 64));
    private static final Scrubber SCRUBBER = new Scrubber();

    // Entries use libFuzzer's dictionary syntax, in which a byte is written as \xNN and a backslash as \\.
    @FuzzTest
    @DictionaryEntries({"VARIABLE_NAME\\x09VARIABLE_VALUE\\x0A", "variable_name\\x09variable_value\\x0D\\x0A",
            "\\\\t", "\\\\n", "\\\\0", "\\\\\\\\", "\\x0D\\x0A", "\\x09", "\\x0A\\x0A", "\\x00",
            "\\xEF\\xBB\\xBF", "\\xC3\\xA9", "FEEDBACK_SERVER_UID\\x09", "FEEDBACK_WHEN\\x09startup\\x0A",
            "version\\x0910.11.19-MariaDB-log\\x0A", "Uname_distribution\\x09lsb: Ubuntu 22.04.3 LTS\\x0A",
            "Engine InnoDB tables\\x09", " version\\x09", " status\\x09ACTIVE\\x0A", "Collation used ",
            "Feature_json\\x091\\x0A", "Databases_size_bucket_", "Collector host\\x09failed: ", "unknown",
            "/var/lib/mysql/", "10.0.0.12:4567", "http://", "Europe/Berlin"})
    void parse_fuzzedBytes_returnsConsistentReportOrParseException(byte[] input) {
        Report report;
        try {
            report = PARSER.parse(input);
        } catch (ReportParseException e) {
            assertThat(e.lineNumber()).isPositive();
            assertThat(e.getMessage()).startsWith("line " + e.lineNumber() + ": ");
            return;
        }

        checkScrubsAndReadsFacts(report);
        checkWritersRoundTrip(report);
        checkSmallerLimits(input, report);
    }

    private static void checkScrubsAndReadsFacts(Report report) {
        Scrubber.Result scrubbed = SCRUBBER.scrub(report);
        assertThat(scrubbed.report().size()).isLessThanOrEqualTo(report.size());
        assertThat(SCRUBBER.scrub(scrubbed.report()).report()).isEqualTo(scrubbed.report());

        ServerFacts facts = ServerFacts.from(report);
        assertThat(facts.engines()).isNotNull();
        assertThat(facts.distributionName()).isNotNull();
    }

    private static void checkWritersRoundTrip(Report report) {
        try {
            if (report.entries().stream().allMatch(ReportWriter::isWritable)) {
                assertThat(UNLIMITED_PARSER.parse(ReportWriter.toBytes(report))).isEqualTo(report);
            }
            if (report.entries().stream().allMatch(ReportWriter::isEscapable)) {
                assertThat(UNLIMITED_PARSER.parse(ReportWriter.toEscapedBytes(report))).isEqualTo(report);
            }
        } catch (ReportParseException e) {
            throw new AssertionError("a written report did not parse back: " + e.getMessage(), e);
        }
    }

    private static void checkSmallerLimits(byte[] input, Report report) {
        try {
            assertThat(SMALL_PARSER.parse(input)).isEqualTo(report);
        } catch (ReportLimitExceededException expected) {
            assertThat(expected.actual()).isGreaterThan(expected.maximum());
        } catch (ReportParseException e) {
            throw new AssertionError("smaller limits raised more than a limit error: " + e.getMessage(), e);
        }
    }
}
