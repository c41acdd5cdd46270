package org.feedback.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    private static final URI A = URI.create("http://127.0.0.1:1/a");
    private static final URI B = URI.create("https://127.0.0.1:2/b?x=1");

    @TempDir
    Path dir;

    @Test
    void add_thenEntries_roundTrip() throws Exception {
        Spool spool = Spool.open(dir, 10, 1 << 20);
        byte[] report = "Uptime\t1\n\n".getBytes(StandardCharsets.UTF_8);

        Spool.Entry added = spool.add(report, ReportKind.STARTUP, List.of(A, B));

        assertThat(Spool.open(dir, 10, 1 << 20).entries()).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo(added.name());
            assertThat(entry.kind()).isEqualTo(ReportKind.STARTUP);
            assertThat(entry.pendingUrls()).containsExactly(A, B);
            assertThat(entry.report()).isEqualTo(report);
        });
    }

    @Test
    void markServed_lastUrl_removesEntry() throws Exception {
        Spool spool = Spool.open(dir, 10, 1 << 20);
        Spool.Entry entry = spool.add("x\t1\n\n".getBytes(StandardCharsets.UTF_8), ReportKind.FULL, List.of(A, B));

        spool.markServed(entry.name(), A);
        assertThat(spool.find(entry.name()).pendingUrls()).containsExactly(B);
        spool.markServed(entry.name(), B);

        assertThat(spool.entries()).isEmpty();
    }

    @Test
    void add_beyondCount_dropsOldest() throws Exception {
        Spool spool = Spool.open(dir, 2, 1 << 20);
        Spool.Entry first = spool.add("a\t1\n\n".getBytes(StandardCharsets.UTF_8), ReportKind.STARTUP, List.of(A));
        spool.add("b\t1\n\n".getBytes(StandardCharsets.UTF_8), ReportKind.STARTUP, List.of(A));
        spool.add("c\t1\n\n".getBytes(StandardCharsets.UTF_8), ReportKind.STARTUP, List.of(A));

        assertThat(spool.entries()).hasSize(2).noneMatch(entry -> entry.name().equals(first.name()));
    }

    @Test
    void add_beyondBytes_dropsOldest() throws Exception {
        Spool spool = Spool.open(dir, 100, 2_500);
        byte[] kilobyte = ("x\t" + "y".repeat(1000) + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            spool.add(kilobyte, ReportKind.FULL, List.of(A));
        }

        assertThat(spool.entries()).hasSize(2);
    }

    @Test
    void open_halfWrittenFile_removed() throws Exception {
        Files.writeString(dir.resolve("0000000000001-000001-full.report.tmp"), "url\thttp://x/\n");

        Spool.open(dir, 10, 1 << 20);

        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void entries_corruptFile_removedAndSkipped() throws Exception {
        Files.writeString(dir.resolve("0000000000001-000001-full.report"), "garbage\n\nx\t1\n");

        assertThat(Spool.open(dir, 10, 1 << 20).entries()).isEmpty();
        assertThat(dir.toFile().list()).isEmpty();
    }
}
