package org.feedback.ingest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.feedback.report.Report;
import org.feedback.report.ReportParseException;
import org.feedback.report.ReportParser;
import org.feedback.report.Scrubber;
import org.feedback.report.ServerFacts;

/** Turns an uploaded body into a stored report: parse, check, scrub, extract facts, compress, store. */
@ApplicationScoped
public class ReportIngestor {

    /** Maximum length of a server id; the plugin's ids are 28 characters of base64. */
    static final int MAX_SERVER_UID_LENGTH = 64;

    private final ReportParser parser = new ReportParser();
    private final Scrubber scrubber = new Scrubber();
    private final Clock clock = Clock.systemUTC();
    private BodyCodec codec;

    @Inject
    ReportStore store;

    @Inject
    IngestConfig config;

    @PostConstruct
    void createCodec() {
        codec = new BodyCodec(config.store().compressionLevel());
    }

    /**
     * Parses and checks one report on the calling thread, then queues it for storing. The future completes
     * after the report is durably stored, or with {@link StorageUnavailableException}.
     *
     * @throws ReportParseException    when the body is not in the report format
     * @throws InvalidReportException  when the report is empty or names no usable server id
     */
    public CompletableFuture<StoredReport> ingest(byte[] body) throws ReportParseException, InvalidReportException {
        Report report = parser.parse(body);
        if (report.size() == 0) {
            throw new InvalidReportException("the report is empty; send NAME<TAB>VALUE lines");
        }
        Scrubber.Result scrubbed = scrubber.scrub(report);
        ServerFacts facts = ServerFacts.from(scrubbed.report());
        String serverUid = facts.serverUid().orElseThrow(() -> new InvalidReportException(
                "the report has no FEEDBACK_SERVER_UID entry, so it cannot be attributed to a server"));
        if (serverUid.length() > MAX_SERVER_UID_LENGTH) {
            throw new InvalidReportException("FEEDBACK_SERVER_UID is " + serverUid.length()
                    + " characters long, above the limit of " + MAX_SERVER_UID_LENGTH);
        }
        PreparedReport prepared;
        try {
            prepared = PreparedReport.of(scrubbed, codec);
        } catch (IllegalArgumentException e) {
            throw new InvalidReportException(e.getMessage());
        }
        return store.submit(facts, scrubbed.report(), prepared, clock.instant().getEpochSecond());
    }
}
