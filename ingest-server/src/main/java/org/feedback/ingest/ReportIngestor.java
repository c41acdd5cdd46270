package org.feedback.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.feedback.report.Report;
import org.feedback.report.ReportParseException;
import org.feedback.report.ReportParser;
import org.feedback.report.Scrubber;
import org.feedback.report.ServerFacts;

/** Turns an uploaded body into a stored report: parse, check, scrub, extract facts, store. */
@ApplicationScoped
public class ReportIngestor {

    /** Maximum length of a server id; the plugin's ids are 28 characters of base64. */
    static final int MAX_SERVER_UID_LENGTH = 64;

    private final ReportParser parser = new ReportParser();
    private final Scrubber scrubber = new Scrubber();
    private final Clock clock = Clock.systemUTC();

    @Inject
    ReportStore store;

    /** Parses and stores one report; returns after the report is durably stored. */
    public StoredReport ingest(byte[] body) throws ReportParseException, InvalidReportException {
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
        return store.save(facts, scrubbed.report(), PreparedReport.of(scrubbed), clock.instant().getEpochSecond());
    }
}
