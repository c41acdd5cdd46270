package org.feedback.ingest.dashboard;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Uploads of the real MariaDB 10.11 report under fresh server ids, through {@code POST /post}. */
final class FixtureReports {

    /** Version string of the fixture, as the dashboard shows it. */
    static final String VERSION = "10.11.19-MariaDB-0+deb12u1";
    /** Distribution of the fixture's host, as the dashboard shows it. */
    static final String DISTRIBUTION = "Debian GNU/Linux 12 (bookworm)";

    private static final String FIXTURE = "/fixtures/mariadb-10.11-information-schema-feedback.txt";

    private FixtureReports() {
    }

    /** Returns a server id no other test uses, in the plugin's form (28 characters of base64). */
    static String uniqueUid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 27) + "=";
    }

    /** Returns the fixture report with its server id replaced by {@code serverUid}. */
    static String withServerUid(String serverUid) {
        try (InputStream in = FixtureReports.class.getResourceAsStream(FIXTURE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceFirst("(?m)^FEEDBACK_SERVER_UID\t.*$", "FEEDBACK_SERVER_UID\t" + serverUid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts {@code report} as the feedback plugin does and checks that it was stored. */
    static void post(String report) {
        given().multiPart("data", "-", report.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .when().post("/post").then().statusCode(200);
    }

    /** Posts the fixture under {@code count} new server ids. */
    static void postNewServers(int count) {
        for (int i = 0; i < count; i++) {
            post(withServerUid(uniqueUid()));
        }
    }
}
