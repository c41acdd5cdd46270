package org.feedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.feedback.report.Report;
import org.feedback.report.ReportParser;
import org.feedback.report.Scrubber;
import org.junit.jupiter.api.Test;

class BodyCodecTest {

    @Test
    void compress_reportOfAnotherServer_expandsToSameBytes() throws Exception {
        byte[] text = scrubbedText(Uploads.MARIADB_10_11_SECOND_INSTANCE);

        BodyCodec.Compressed body = new BodyCodec(3).compress(text, text.length, false);

        assertThat(body.encoding()).isEqualTo(BodyCodec.DICTIONARY_ENCODING);
        assertThat(BodyCodec.expand(body.encoding(), body.body())).isEqualTo(text);
    }

    @Test
    void compress_reportOfAnotherServer_belowTwoKilobytes() throws Exception {
        // The dictionary comes from the other fixture, so this is the case of a new server's first report.
        byte[] text = scrubbedText(Uploads.MARIADB_10_11_SECOND_INSTANCE);

        assertThat(new BodyCodec(3).compress(text, text.length, false).body()).hasSizeLessThan(2048);
    }

    @Test
    void compress_reportOfAnotherServer_belowQuarterOfGzip() throws Exception {
        byte[] text = scrubbedText(Uploads.MARIADB_10_11_SECOND_INSTANCE);
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(text);
        }

        assertThat(new BodyCodec(3).compress(text, text.length, false).body()).hasSizeLessThan(gzip.size() / 4);
    }

    @Test
    void compress_agentReportOfAnotherServer_expandsToSameBytes() throws Exception {
        byte[] text = scrubbedText(Uploads.AGENT_PRIVATE_INSTANCE);

        BodyCodec.Compressed body = new BodyCodec(3).compress(text, text.length, true);

        assertThat(body.encoding()).isEqualTo(BodyCodec.AGENT_DICTIONARY_ENCODING);
        assertThat(BodyCodec.expand(body.encoding(), body.body())).isEqualTo(text);
    }

    @Test
    void compress_agentReportOfAnotherServer_belowTwoKilobytes() throws Exception {
        // The agent dictionary comes from the agent's report of another server (the shared test server).
        byte[] text = scrubbedText(Uploads.AGENT_PRIVATE_INSTANCE);

        assertThat(new BodyCodec(3).compress(text, text.length, true).body()).hasSizeLessThan(2048);
    }

    @Test
    void expand_gzipBodyOfFirstSchema_readable() throws Exception {
        byte[] text = scrubbedText(Uploads.MARIADB_10_11);
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(text);
        }

        assertThat(BodyCodec.expand(BodyCodec.GZIP_ENCODING, gzip.toByteArray())).isEqualTo(text);
    }

    @Test
    void expand_unknownEncoding_rejectedNamingIt() {
        assertThatThrownBy(() -> BodyCodec.expand("zstd", new byte[1])).hasMessageContaining("'zstd'");
    }

    private static byte[] scrubbedText(String fixture) throws Exception {
        Report report = new Scrubber().scrub(new ReportParser().parse(Uploads.fixture(fixture))).report();
        return EscapedText.of(report).toByteArray();
    }
}
