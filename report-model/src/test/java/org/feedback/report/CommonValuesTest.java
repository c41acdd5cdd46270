package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommonValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "1", "~", "-1", "42", "128", "16384", "1.0", "OFF", "ON", "YES", "DISABLED", "utf8mb4"})
    void lookUp_commonValue_returnsEqualString(String value) {
        byte[] bytes = ("x\t" + value + "\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(CommonValues.lookUp(bytes, 2, value.length())).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "129", "12345678", "0.1", "OFF ", " 0", "\u0000"})
    void lookUp_otherValue_returnsNull(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);

        assertThat(CommonValues.lookUp(bytes, 0, bytes.length)).isNull();
    }
}
