package org.feedback.agent.collect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.feedback.report.Report;
import org.feedback.report.ReportKeys;

/**
 * I/O and statement activity over the reporting interval: for each counter, {@code <name> delta} and
 * {@code <name> rate} (per second), and {@code Io_interval_seconds}.
 *
 * <p>The interval runs from the previous sample to now. Without a previous sample, or when the server was
 * restarted or its status flushed since, it runs from the server's start (or last {@code FLUSH STATUS},
 * {@code Uptime_since_flush_status}) and each delta is the counter's value.
 */
final class IoCollector implements Collector {

    /** Counters of InnoDB data and redo I/O, network bytes, queries and the common statements. */
    static final List<String> COUNTERS = List.of(
            "Innodb_data_reads", "Innodb_data_writes", "Innodb_data_read", "Innodb_data_written",
            "Innodb_os_log_written", "Bytes_received", "Bytes_sent", "Queries", "Questions",
            "Com_select", "Com_insert", "Com_insert_select", "Com_update", "Com_update_multi", "Com_delete",
            "Com_delete_multi", "Com_replace", "Com_replace_select", "Com_load", "Com_begin", "Com_commit",
            "Com_rollback", "Com_call_procedure", "Com_stmt_execute", "Com_create_table", "Com_alter_table",
            "Com_drop_table", "Com_create_index", "Com_truncate", "Com_set_option");

    private CounterSample sample;

    @Override
    public String name() {
        return "io";
    }

    @Override
    public List<String> keysOnFailure() {
        return List.of(ReportKeys.IO_INTERVAL_SECONDS);
    }

    /** Returns the counters read by the last successful {@link #collect}, the start of the next interval. */
    CounterSample sample() {
        return sample;
    }

    @Override
    public void collect(CollectionContext context, Report.Builder out) {
        Map<String, String> status = context.status();
        if (status == null) {
            throw new IllegalStateException("the status values could not be read");
        }
        CounterSample now = sampleOf(status);
        CounterSample previous = context.previous();
        boolean continuous = previous != null && isContinuation(previous, now);
        long intervalSeconds = continuous ? now.uptimeSeconds() - previous.uptimeSeconds() : sinceReset(status, now);

        out.add(ReportKeys.IO_INTERVAL_SECONDS, String.valueOf(intervalSeconds));
        for (Map.Entry<String, Long> counter : now.counters().entrySet()) {
            long delta = continuous ? counter.getValue() - previous.counters().getOrDefault(counter.getKey(), 0L) : counter.getValue();
            out.add(ReportKeys.deltaKey(counter.getKey()), String.valueOf(delta));
            out.add(ReportKeys.rateKey(counter.getKey()), intervalSeconds > 0
                    ? String.format(Locale.ROOT, "%.3f", (double) delta / intervalSeconds) : ReportKeys.UNKNOWN);
        }
        sample = now;
    }

    static CounterSample sampleOf(Map<String, String> status) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String name : COUNTERS) {
            Long value = parse(status.get(name));
            if (value != null) {
                counters.put(name, value);
            }
        }
        Long uptime = parse(status.get("Uptime"));
        if (uptime == null) {
            throw new IllegalStateException("the status values have no Uptime");
        }
        return new CounterSample(uptime, counters);
    }

    /** Returns whether {@code now} continues {@code previous}: same server run, and no counter went down. */
    private static boolean isContinuation(CounterSample previous, CounterSample now) {
        if (now.uptimeSeconds() <= previous.uptimeSeconds()) {
            return false;
        }
        for (Map.Entry<String, Long> counter : now.counters().entrySet()) {
            Long before = previous.counters().get(counter.getKey());
            if (before == null || counter.getValue() < before) {
                return false;
            }
        }
        return true;
    }

    private static long sinceReset(Map<String, String> status, CounterSample now) {
        Long sinceFlush = parse(status.get("Uptime_since_flush_status"));
        return sinceFlush != null && sinceFlush < now.uptimeSeconds() ? sinceFlush : now.uptimeSeconds();
    }

    private static Long parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
