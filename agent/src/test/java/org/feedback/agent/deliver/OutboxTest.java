package org.feedback.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.feedback.report.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries, supersession and the spool, against receivers on 127.0.0.1. */
class OutboxTest {

    private static final Duration RETRY_WAIT = Duration.ofMillis(200);
    private static final Report FULL = Report.builder().add("FEEDBACK_SERVER_UID", "abc=").add("Uptime", "1").build();

    @TempDir
    Path stateDir;

    private ScheduledExecutorService scheduler;
    private ReportSender sender;
    private Spool spool;

    @BeforeEach
    void setUp() throws Exception {
        scheduler = Executors.newSingleThreadScheduledExecutor();
        sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(5)), "1.0-test");
        spool = Spool.open(stateDir.resolve("spool"), 10, 1 << 20);
    }

    @AfterEach
    void tearDown() throws Exception {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        sender.close();
    }

    @Test
    void submit_serverErrorThenSuccess_retriedUntilDelivered() throws Exception {
        try (TestReceiver receiver = TestReceiver.http().plan(new TestReceiver.Status(503, "busy"), new TestReceiver.Status(500, "oops"))) {
            outbox(receiver.url("/post")).submit(FULL, ReportKind.FULL);

            assertThat(TestReceiver.await(() -> receiver.bodies().size() == 3, 10)).isTrue();
            assertThat(TestReceiver.await(() -> spoolIsEmpty(), 5)).isTrue();
        }
    }

    @Test
    void submit_oneOfTwoUrlsFailing_otherServedOnce() throws Exception {
        try (TestReceiver good = TestReceiver.http(); TestReceiver bad = TestReceiver.http()) {
            for (int i = 0; i < 100; i++) {
                bad.plan(new TestReceiver.Status(503, "down"));
            }
            outbox(good.url("/post"), bad.url("/post")).submit(FULL, ReportKind.FULL);

            assertThat(TestReceiver.await(() -> bad.bodies().size() >= 3, 10)).isTrue();
            assertThat(good.bodies()).hasSize(1);
            assertThat(spool.entries()).singleElement().satisfies(entry ->
                    assertThat(entry.pendingUrls()).containsExactly(bad.url("/post")));
        }
    }

    @Test
    void submit_connectionRefused_keptAndRetried() throws Exception {
        URI refusing;
        try (TestReceiver gone = TestReceiver.http()) {
            refusing = gone.url("/post");
        }
        outbox(refusing).submit(FULL, ReportKind.FULL);

        Thread.sleep(RETRY_WAIT.toMillis() * 3);
        assertThat(spool.entries()).singleElement().satisfies(entry -> assertThat(entry.pendingUrls()).containsExactly(refusing));
    }

    @Test
    void submit_rejectedAsInvalid_notRetried() throws Exception {
        try (TestReceiver receiver = TestReceiver.http().plan(new TestReceiver.Status(422, "Report rejected: no server id"))) {
            outbox(receiver.url("/post")).submit(FULL, ReportKind.FULL);

            assertThat(TestReceiver.await(this::spoolIsEmpty, 5)).isTrue();
            Thread.sleep(RETRY_WAIT.toMillis() * 3);
            assertThat(receiver.bodies()).hasSize(1);
        }
    }

    @Test
    void submit_newerFullReport_supersedesUndelivered() throws Exception {
        URI refusing;
        try (TestReceiver gone = TestReceiver.http()) {
            refusing = gone.url("/post");
        }
        Outbox outbox = outbox(refusing);
        outbox.submit(FULL, ReportKind.FULL);
        Report newer = Report.builder().add("FEEDBACK_SERVER_UID", "abc=").add("Uptime", "2").build();

        outbox.submit(newer, ReportKind.FULL);

        assertThat(spool.entries()).singleElement().satisfies(entry ->
                assertThat(new String(entry.report())).contains("Uptime\t2"));
    }

    @Test
    void resume_spooledReport_deliveredAfterRestart() throws Exception {
        try (TestReceiver receiver = TestReceiver.http()) {
            spool.add(org.feedback.report.ReportWriter.toBytes(FULL), ReportKind.FULL, List.of(receiver.url("/post")));

            outbox(receiver.url("/post")).resume(EnumSet.allOf(ReportKind.class));

            assertThat(TestReceiver.await(() -> receiver.bodies().size() == 1, 10)).isTrue();
            assertThat(TestReceiver.await(this::spoolIsEmpty, 5)).isTrue();
        }
    }

    @Test
    void resume_urlNoLongerConfigured_droppedUnsent() throws Exception {
        try (TestReceiver old = TestReceiver.http(); TestReceiver current = TestReceiver.http()) {
            spool.add(org.feedback.report.ReportWriter.toBytes(FULL), ReportKind.FULL, List.of(old.url("/post")));

            outbox(current.url("/post")).resume(EnumSet.allOf(ReportKind.class));

            assertThat(spoolIsEmpty()).isTrue();
            Thread.sleep(RETRY_WAIT.toMillis());
            assertThat(old.bodies()).isEmpty();
        }
    }

    @Test
    void resume_kindNoLongerEnabled_droppedUnsent() throws Exception {
        try (TestReceiver receiver = TestReceiver.http()) {
            spool.add(org.feedback.report.ReportWriter.toBytes(FULL), ReportKind.SHUTDOWN, List.of(receiver.url("/post")));

            outbox(receiver.url("/post")).resume(EnumSet.of(ReportKind.FULL));

            assertThat(spoolIsEmpty()).isTrue();
        }
    }

    private Outbox outbox(URI... urls) {
        return new Outbox(spool, sender, List.of(urls), RETRY_WAIT, scheduler);
    }

    private boolean spoolIsEmpty() {
        try {
            return spool.entries().isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
