package org.feedback.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {

    @Test
    void of_framesOnePartWithCrlf() {
        byte[] data = "a\tb\n\n".getBytes(StandardCharsets.UTF_8);

        MultipartBody body = MultipartBody.of(data, new Random(1));

        String boundary = body.contentType().substring("multipart/form-data; boundary=".length());
        assertThat(boundary).matches("-{24}[0-9a-f]{16}");
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"-\"\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "\r\n"
                + "a\tb\n\n"
                + "\r\n--" + boundary + "--\r\n");
    }

    @Test
    void of_boundaryInData_drawsAnother() {
        String firstBoundary = "------------------------" + HexFormat.of().toHexDigits(new Random(1).nextLong());
        byte[] data = ("x\t" + firstBoundary + "\n\n").getBytes(StandardCharsets.UTF_8);

        MultipartBody body = MultipartBody.of(data, new Random(1));

        String boundary = body.contentType().substring("multipart/form-data; boundary=".length());
        assertThat(boundary).isNotEqualTo(firstBoundary);
        assertThat(MultipartBody.contains(data, boundary.getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void contains_findsSequenceAtEveryPosition() {
        byte[] data = {1, 2, 3};

        assertThat(MultipartBody.contains(data, new byte[] {1, 2})).isTrue();
        assertThat(MultipartBody.contains(data, new byte[] {2, 3})).isTrue();
        assertThat(MultipartBody.contains(data, new byte[] {3, 4})).isFalse();
        assertThat(MultipartBody.contains(data, new byte[] {1, 2, 3, 4})).isFalse();
    }
}
