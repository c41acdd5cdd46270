package org.feedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.feedback.report.Report;
import org.feedback.report.ReportParser;
import org.feedback.report.Scrubber;
import org.junit.jupiter.api.Test;

class BodyCodecTest {

    /** The default of {@code feedback.store.compression-level}. */
    private static final int LEVEL = 1;

    @Test
    void compress_reportOfAnotherServer_expandsToSameBytes() throws Exception {
        byte[] text = scrubbedText(Uploads.MARIADB_10_11_SECOND_INSTANCE);

        BodyCodec.Compressed body = new BodyCodec(LEVEL).compress(text, text.length, false);

        assertThat(body.encoding()).isEqualTo(BodyCodec.ZSTD_DICTIONARY_ENCODING);
        assertThat(BodyCodec.expand(body.encoding(), body.body())).isEqualTo(text);
    }

    @Test
    void compress_reportOfAnotherServer_belowTwoKilobytes() throws Exception {
        // The dictionary comes from the other fixture, so this is the case of a new server's first report.
        byte[] text = scrubbedText(Uploads.MARIADB_10_11_SECOND_INSTANCE);

        assertThat(new BodyCodec(LEVEL).compress(text, text.length, false).body()).hasSizeLessThan(2048);
    }

    @Test
    void compress_reportOfAnotherServer_belowQuarterOfGzip() throws Exception {
        byte[] text = scrubbedText(Uploads.MARIADB_10_11_SECOND_INSTANCE);
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(text);
        }

        assertThat(new BodyCodec(LEVEL).compress(text, text.length, false).body()).hasSizeLessThan(gzip.size() / 4);
    }

    @Test
    void compress_agentReportOfAnotherServer_expandsToSameBytes() throws Exception {
        byte[] text = scrubbedText(Uploads.AGENT_PRIVATE_INSTANCE);

        BodyCodec.Compressed body = new BodyCodec(LEVEL).compress(text, text.length, true);

        assertThat(body.encoding()).isEqualTo(BodyCodec.ZSTD_AGENT_DICTIONARY_ENCODING);
        assertThat(BodyCodec.expand(body.encoding(), body.body())).isEqualTo(text);
    }

    @Test
    void compress_agentReportOfAnotherServer_belowTwoKilobytes() throws Exception {
        // The agent dictionary comes from the agent's report of another server (the shared test server).
        byte[] text = scrubbedText(Uploads.AGENT_PRIVATE_INSTANCE);

        assertThat(new BodyCodec(LEVEL).compress(text, text.length, true).body()).hasSizeLessThan(2048);
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
    void compress_largerThenSmallerText_bothExpand() throws Exception {
        // One codec on one thread reuses its output buffer across reports of different sizes.
        BodyCodec codec = new BodyCodec(LEVEL);
        byte[] larger = scrubbedText(Uploads.AGENT_PRIVATE_INSTANCE);
        byte[] smaller = scrubbedText(Uploads.MARIADB_10_11_SECOND_INSTANCE);

        BodyCodec.Compressed first = codec.compress(larger, larger.length, true);
        BodyCodec.Compressed second = codec.compress(smaller, smaller.length, false);

        assertThat(BodyCodec.expand(first.encoding(), first.body())).isEqualTo(larger);
        assertThat(BodyCodec.expand(second.encoding(), second.body())).isEqualTo(smaller);
    }

    @Test
    void expand_deflateBodyOfEarlierVersion_readable() throws Exception {
        // Written the way the server stored bodies before it moved to zstd: raw deflate, plugin dictionary.
        byte[] text = scrubbedText(Uploads.MARIADB_10_11_SECOND_INSTANCE);
        byte[] body = deflate(text, dictionary("report-dictionary-1.txt"));

        assertThat(BodyCodec.expand(BodyCodec.DEFLATE_DICTIONARY_ENCODING, body)).isEqualTo(text);
    }

    @Test
    void expand_deflateAgentBodyOfEarlierVersion_readable() throws Exception {
        byte[] text = scrubbedText(Uploads.AGENT_PRIVATE_INSTANCE);
        byte[] body = deflate(text, dictionary("report-dictionary-2.txt"));

        assertThat(BodyCodec.expand(BodyCodec.DEFLATE_AGENT_DICTIONARY_ENCODING, body)).isEqualTo(text);
    }

    @Test
    void expand_damagedZstdBody_rejected() throws Exception {
        byte[] text = scrubbedText(Uploads.MARIADB_10_11_SECOND_INSTANCE);
        byte[] body = new BodyCodec(LEVEL).compress(text, text.length, false).body();
        body[body.length / 2] ^= 0x55;

        assertThatThrownBy(() -> BodyCodec.expand(BodyCodec.ZSTD_DICTIONARY_ENCODING, body))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("zstd-d1");
    }

    @Test
    void expand_unknownEncoding_rejectedNamingIt() {
        assertThatThrownBy(() -> BodyCodec.expand("brotli", new byte[1])).hasMessageContaining("'brotli'");
    }

    @Test
    void create_levelAboveNineteen_rejectedNamingRange() {
        assertThatThrownBy(() -> new BodyCodec(20)).hasMessageContaining("20").hasMessageContaining("1 to 19");
    }

    private static byte[] deflate(byte[] text, byte[] dictionary) {
        Deflater deflater = new Deflater(3, true);
        try {
            deflater.setDictionary(dictionary);
            deflater.setInput(text);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] dictionary(String name) throws Exception {
        try (InputStream in = BodyCodec.class.getResourceAsStream("/org/feedback/ingest/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] scrubbedText(String fixture) throws Exception {
        Report report = new Scrubber().scrub(new ReportParser().parse(Uploads.fixture(fixture))).report();
        return EscapedText.of(report).toByteArray();
    }
}
