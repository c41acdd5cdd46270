package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void value_otherCase_found() {
        Report report = Report.builder().add("VERSION", "10.11.19-MariaDB").add("Uptime", "42").build();

        assertThat(report.value("version")).contains("10.11.19-MariaDB");
        assertThat(report.value("UPTIME")).contains("42");
        assertThat(report.value("uPtImE")).contains("42");
    }

    @Test
    void value_repeatedName_returnsFirst() {
        Report report = Report.builder()
                .add("INNODB_PAGE_SIZE", "16384")
                .add("Innodb_page_size", "8192")
                .build();

        assertThat(report.value("innodb_page_size")).contains("16384");
        assertThat(report.values("innodb_page_size")).containsExactly("16384", "8192");
    }

    @Test
    void value_missingName_empty() {
        Report report = Report.builder().add("Uptime", "42").build();

        assertThat(report.value("Uptim")).isEmpty();
        assertThat(report.value("Uptime_")).isEmpty();
        assertThat(report.value("")).isEmpty();
        assertThat(report.contains("Uptimf")).isFalse();
    }

    @Test
    void value_emptyReport_empty() {
        Report report = Report.builder().build();

        assertThat(report.value("Uptime")).isEmpty();
        assertThat(report.contains("Uptime")).isFalse();
        assertThat(report.isNotice()).isFalse();
    }

    @Test
    void value_manyNames_eachFoundInAnyCase() {
        Report.Builder builder = Report.builder();
        for (int i = 0; i < 3000; i++) {
            builder.add("Name_" + i, Integer.toString(i));
        }
        Report report = builder.build();

        for (int i = 0; i < 3000; i++) {
            assertThat(report.value("NAME_" + i)).contains(Integer.toString(i));
        }
        assertThat(report.value("NAME_3000")).isEmpty();
    }

    /** Names match when their {@code toLowerCase(Locale.ROOT)} forms are equal, non-ASCII names included. */
    @Test
    void value_nonAsciiNames_matchByLowerCaseForm() {
        Report report = Report.builder()
                .add("\u212Aey", "kelvin sign")
                .add("\u0130d", "dotted capital I")
                .add("\u017Fort", "long s")
                .add("Stra\u00DFe", "sharp s")
                .build();

        assertThat(report.value("KEY")).contains("kelvin sign");
        assertThat(report.value("i\u0307D")).contains("dotted capital I");
        assertThat(report.value("ID")).isEmpty();
        assertThat(report.value("SORT")).isEmpty();
        assertThat(report.value("\u017FORT")).contains("long s");
        assertThat(report.value("STRA\u00DFE")).contains("sharp s");
        assertThat(report.value("STRASSE")).isEmpty();
    }

    @Test
    void value_parsedNames_foundInAnyCase() throws Exception {
        String text = ReportParser.HEADER + "\n"
                + "Plain_Name\t1\n"
                + "Back\\\\Slash\t2\n"
                + "Gr\u00FC\u00DFe\t3\n"
                + "\u212Aey\t4\n";

        Report report = new ReportParser().parse(text);

        assertThat(report.value("PLAIN_NAME")).contains("1");
        assertThat(report.value("back\\slash")).contains("2");
        assertThat(report.value("GR\u00DC\u00DFE")).contains("3");
        assertThat(report.value("key")).contains("4");
    }

    @Test
    void value_afterScrubDroppedEntries_foundInAnyCase() throws Exception {
        Report parsed = new ReportParser().parse("datadir\t/var/lib/mysql\nUptime\t42\n"
                + "socket\t/run/mysqld/mysqld.sock\nVERSION\t10.11.19\n");

        Report clean = new Scrubber().scrub(parsed).report();

        assertThat(clean.size()).isEqualTo(2);
        assertThat(clean.value("uptime")).contains("42");
        assertThat(clean.value("version")).contains("10.11.19");
        assertThat(clean.contains("DATADIR")).isFalse();
        assertThat(clean.contains("Socket")).isFalse();
    }

    /** The parser and the scrubber compute name hashes on the way; they must equal what the index computes. */
    @Test
    void nameHashes_parsedAndScrubbedFixtures_matchIndexHash() throws Exception {
        String[] fixtures = {Fixtures.MARIADB_10_11, Fixtures.MARIADB_5_5, Fixtures.MARIADB_10_3,
                Fixtures.MARIADB_10_3_SHUTDOWN, Fixtures.MYSQL_5_7, Fixtures.MYSQL_8_0};
        for (String fixture : fixtures) {
            Report parsed = Fixtures.parse(fixture);
            Report clean = new Scrubber().scrub(parsed).report();

            for (Report report : List.of(parsed, clean)) {
                int[] hashes = report.nameHashes();
                assertThat(hashes).as(fixture).isNotNull();
                for (int i = 0; i < report.size(); i++) {
                    String name = report.entries().get(i).name();
                    assertThat(hashes[i]).as(fixture + ": " + name).isEqualTo(NameIndex.hash(name));
                }
            }
        }
    }

    @Test
    void isNotice_whenKeyInOtherCase_true() {
        Report report = Report.builder().add("feedback_when", "startup").build();

        assertThat(report.isNotice()).isTrue();
    }

    @Test
    void entries_afterBuild_unmodifiable() {
        Report report = Report.builder().add("Uptime", "42").build();

        List<Report.Entry> entries = report.entries();

        assertThat(entries).containsExactly(new Report.Entry("Uptime", "42"));
        assertThatThrownBy(() -> entries.add(new Report.Entry("a", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entries.set(0, new Report.Entry("a", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void of_callerChangesList_reportUnchanged() {
        List<Report.Entry> source = new ArrayList<>(List.of(new Report.Entry("Uptime", "42")));

        Report report = Report.of(source);
        source.set(0, new Report.Entry("Uptime", "43"));

        assertThat(report.value("Uptime")).contains("42");
    }

    @Test
    void equals_sameEntriesDifferentOrigin_equal() throws Exception {
        Report parsed = new ReportParser().parse("Uptime\t42\nVERSION\t10.11.19\n");
        Report built = Report.builder().add("Uptime", "42").add("VERSION", "10.11.19").build();

        assertThat(parsed).isEqualTo(built);
        assertThat(parsed.hashCode()).isEqualTo(built.hashCode());
        assertThat(parsed.entries()).isEqualTo(List.of(new Report.Entry("Uptime", "42"),
                new Report.Entry("VERSION", "10.11.19")));
    }
}
