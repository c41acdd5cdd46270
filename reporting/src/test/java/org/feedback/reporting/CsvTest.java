package org.feedback.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static String csvOf(String label) {
        return Csv.of(new ChartData.Breakdown("version", "Servers by version", 5L, false,
                List.of(new ChartData.Group(label, 5, 1.0, null, null))));
    }

    @Test
    void of_formulaStarts_prefixedWithApostrophe() {
        assertThat(csvOf("=1+1")).endsWith("\r\n'=1+1,5,1,,\r\n");
        assertThat(csvOf("+1")).endsWith("\r\n'+1,5,1,,\r\n");
        assertThat(csvOf("-1")).endsWith("\r\n'-1,5,1,,\r\n");
        assertThat(csvOf("@SUM(A1)")).endsWith("\r\n'@SUM(A1),5,1,,\r\n");
    }

    @Test
    void of_commaQuoteAndLineBreak_quotedCell() {
        assertThat(csvOf("a,\"b\"\nc")).endsWith("\r\n\"a,\"\"b\"\"\nc\",5,1,,\r\n");
    }

    @Test
    void of_plainLabel_unchanged() {
        assertThat(csvOf("10.11")).isEqualTo("value,servers,share,tables,data_bytes\r\n10.11,5,1,,\r\n");
    }

    @Test
    void of_tinyShare_writtenWithoutExponent() {
        String csv = Csv.of(new ChartData.Breakdown("version", "Servers by version", 100_000L, false,
                List.of(new ChartData.Group("10.11", 1, 0.00001, null, null))));

        assertThat(csv).endsWith("\r\n10.11,1,0.00001,,\r\n");
    }

    @Test
    void escape_markupAndControlCharacters_replaced() {
        assertThat(Html.escape("<a href='x'>&\"\u0007")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;\uFFFD");
    }
}
