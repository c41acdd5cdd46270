package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.feedback.report.Report;
import org.junit.jupiter.api.Test;

class IoCollectorTest {

    @Test
    void collect_withPreviousSample_deltaAndRateOverInterval() {
        CounterSample previous = new CounterSample(1000, Map.of("Queries", 500L, "Bytes_sent", 1000L));

        Report report = collect(previous, Map.of("Uptime", "1100", "Queries", "800", "Bytes_sent", "1500"));

        assertThat(report.value("Io_interval_seconds")).contains("100");
        assertThat(report.value("Queries delta")).contains("300");
        assertThat(report.value("Queries rate")).contains("3.000");
        assertThat(report.value("Bytes_sent delta")).contains("500");
    }

    @Test
    void collect_withoutPreviousSample_countsSinceServerStart() {
        Report report = collect(null, Map.of("Uptime", "200", "Queries", "50"));

        assertThat(report.value("Io_interval_seconds")).contains("200");
        assertThat(report.value("Queries delta")).contains("50");
        assertThat(report.value("Queries rate")).contains("0.250");
    }

    @Test
    void collect_serverRestartedSincePreviousSample_countsSinceServerStart() {
        CounterSample previous = new CounterSample(5000, Map.of("Queries", 90_000L));

        Report report = collect(previous, Map.of("Uptime", "60", "Queries", "120"));

        assertThat(report.value("Io_interval_seconds")).contains("60");
        assertThat(report.value("Queries delta")).contains("120");
    }

    @Test
    void collect_statusFlushedSincePreviousSample_countsSinceFlush() {
        CounterSample previous = new CounterSample(5000, Map.of("Queries", 90_000L));

        Report report = collect(previous, Map.of("Uptime", "6000", "Uptime_since_flush_status", "30", "Queries", "100"));

        assertThat(report.value("Io_interval_seconds")).contains("30");
        assertThat(report.value("Queries delta")).contains("100");
    }

    @Test
    void collect_counterMissingOnThisServer_notReported() {
        Report report = collect(null, Map.of("Uptime", "10"));

        assertThat(report.contains("Innodb_os_log_written delta")).isFalse();
    }

    private static Report collect(CounterSample previous, Map<String, String> status) {
        CollectionContext context = new CollectionContext(null, previous);
        context.status(status);
        Report.Builder out = Report.builder();
        new IoCollector().collect(context, out);
        return out.build();
    }
}
