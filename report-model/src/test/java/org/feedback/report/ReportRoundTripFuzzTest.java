package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Round-trip property of the writers and the parser, driven by Jazzer: for any report built from the
 * fuzzer's data, a report the plugin-format writer accepts parses back equal, and one it rejects raises
 * {@link IllegalArgumentException}; the same holds for the escaped format. Names and values mix ordinary
 * text with the characters the format treats specially (tab, CR, LF, NUL, backslash, U+FEFF, unpaired
 * surrogates, the header words), so both outcomes occur often.
 *
 * <p>Runs in the fuzz execution of the build like {@link ReportParserFuzzTest}, for {@code fuzz.duration}.
 */
class ReportRoundTripFuzzTest {

    /** Parses what the writers wrote, which may exceed the default limits once escaped. */
    private static final ReportParser UNLIMITED_PARSER = new ReportParser(
            new ReportLimits(Integer.MAX_VALUE - 1, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));

    private static final String[] SPECIAL_NAMES = {"version", "VERSION", "Engine InnoDB tables", "Gr\u00f6\u00dfe",
            "\u540d\u524d", "a\\tb", "\\", "VARIABLE_NAME", "variable_name", "\uFEFFversion", "emoji \ud83d\ude00", "a\tb"};
    private static final String[] SPECIAL_VALUES = {"VARIABLE_VALUE", "", "abc=\0", "x\r", "C:\\new\\table",
            "line\nbreak", "tab\there", "\ud83d", "\uFEFF", "back\\slash\\0"};
    private static final char[] SPECIAL_CHARS = {'\t', '\r', '\n', '\0', '\\', 't', 'n', '0', 'x', ' ', '\u00e9',
            '\ud83d', '\ude00', '\uFEFF'};

    @FuzzTest
    void writeThenParse_anyReport_parsesBackEqualOrIsRejected(FuzzedDataProvider data) throws Exception {
        Report report = report(data);

        if (report.entries().stream().allMatch(ReportWriter::isWritable)) {
            assertThat(UNLIMITED_PARSER.parse(ReportWriter.toBytes(report))).isEqualTo(report);
        } else {
            assertThatThrownBy(() -> ReportWriter.toBytes(report)).isInstanceOf(IllegalArgumentException.class);
        }
        if (report.entries().stream().allMatch(ReportWriter::isEscapable)) {
            assertThat(UNLIMITED_PARSER.parse(ReportWriter.toEscapedBytes(report))).isEqualTo(report);
        } else {
            assertThatThrownBy(() -> ReportWriter.toEscapedBytes(report)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Report report(FuzzedDataProvider data) {
        Report.Builder report = Report.builder();
        int entries = data.consumeInt(0, 12);
        for (int i = 0; i < entries; i++) {
            report.add(name(data), value(data));
        }
        return report.build();
    }

    private static String name(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 8)) {
            case 0, 1 -> data.pickValue(SPECIAL_NAMES);
            case 2 -> data.consumeString(6);
            default -> printable(data, 1, 40);
        };
    }

    private static String value(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 9)) {
            case 0 -> data.pickValue(SPECIAL_VALUES);
            case 1, 2 -> special(data);
            case 3 -> data.consumeString(6);
            default -> printable(data, 0, 60);
        };
    }

    private static String printable(FuzzedDataProvider data, int minLength, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = data.consumeInt(minLength, maxLength);
        for (int i = 0; i < length; i++) {
            text.append(data.consumeChar(' ', '~'));
        }
        return text.toString();
    }

    private static String special(FuzzedDataProvider data) {
        StringBuilder text = new StringBuilder();
        int length = data.consumeInt(0, 8);
        for (int i = 0; i < length; i++) {
            text.append(SPECIAL_CHARS[data.consumeInt(0, SPECIAL_CHARS.length - 1)]);
        }
        return text.toString();
    }
}
