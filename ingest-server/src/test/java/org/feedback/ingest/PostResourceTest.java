package org.feedback.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostResourceTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void post_fixtureAsCurlFileUpload_storedWithHtmlHeading() {
        byte[] report = Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uniqueUid());

        String html = given()
                .multiPart("data", "mariadb-10.11.txt", report, "application/octet-stream")
                .when().post("/post")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();

        // The fixture carries FEEDBACK_URL and WSREP_CLUSTER_STATE_UUID, which the denylist drops; its FEEDBACK_HTTP_PROXY is empty.
        assertThat(html).contains("<h1>Report stored: 949 entries, 2 withheld for privacy</h1>");
        assertThat(html).containsPattern("Report id [0-9]+, server id ");
    }

    @Test
    void post_acceptJson_repliesJsonWithCounts() {
        String uid = uniqueUid();

        given()
                .accept("application/json")
                .multiPart("data", "-", Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uid), "application/octet-stream")
                .when().post("/post")
                .then().statusCode(200)
                .body("status", equalTo("stored"))
                .body("report.serverUid", equalTo(uid))
                .body("report.kind", equalTo("full"))
                .body("report.entries", equalTo(949))
                .body("report.withheld", equalTo(2));
    }

    @Test
    void post_asFeedbackPluginOverHttp10_stored() throws Exception {
        String uid = uniqueUid();
        byte[] notice = ("FEEDBACK_SERVER_UID\t" + uid + "\nFEEDBACK_WHEN\tstartup\nFEEDBACK_USER_INFO\t\n\n")
                .getBytes(StandardCharsets.UTF_8);

        String reply = Uploads.postAsFeedbackPlugin(root.getPort(), notice);

        assertThat(reply).startsWith("HTTP/1.0 200").contains("<h1>Report stored: 3 entries</h1>");
    }

    @Test
    void post_fullReportAsFeedbackPlugin_stored() throws Exception {
        String text = new String(Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uniqueUid()), StandardCharsets.UTF_8);
        // The plugin sends no header line and ends its report with an empty line.
        byte[] body = (text.substring(text.indexOf('\n') + 1) + "\n").getBytes(StandardCharsets.UTF_8);

        String reply = Uploads.postAsFeedbackPlugin(root.getPort(), body);

        assertThat(reply).startsWith("HTTP/1.0 200").contains("<h1>Report stored: 949 entries, 2 withheld for privacy</h1>");
    }

    @Test
    void post_fromMaxScale_found302WithOkHeading() {
        String uid = uniqueUid();

        String html = given()
                .redirects().follow(false)
                .header("User-Agent", "MaxScale-agent/http-1.0")
                .multiPart("data", "report.txt", Uploads.fixtureWithServerUid(Uploads.MAXSCALE, uid), "text/plain")
                .when().post("/post")
                .then().statusCode(302).header("Location", org.hamcrest.Matchers.notNullValue())
                .extract().asString();

        // MaxScale counts a delivery only for 302 with this heading in the body.
        assertThat(html).contains("<h1>ok</h1>").contains("Report stored: 19 entries").contains(uid);
    }

    @Test
    void post_fromMaxScaleAskingJson_repliesJson() {
        given()
                .accept("application/json")
                .header("User-Agent", "MaxScale-agent/http-1.0")
                .multiPart("data", "report.txt", Uploads.fixtureWithServerUid(Uploads.MAXSCALE, uniqueUid()), "text/plain")
                .when().post("/post")
                .then().statusCode(200).body("status", equalTo("stored"));
    }

    @Test
    @DisabledOnIntegrationTest("reads the log of the server in this JVM; the packaged server runs in another")
    void post_invalidReport_loggedWithoutClientAddress() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(UploadHandler.class.getName());
        logger.addHandler(capture);
        try {
            // Rejections are logged at most once a second; wait out any from the test before.
            Thread.sleep(1100);
            given().multiPart("data", "-", "no tab here\n".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                    .when().post("/post")
                    .then().statusCode(400);
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(lines).anyMatch(line -> line.startsWith("rejected an upload (invalid_report): not a valid report: line 1"));
        assertThat(lines).noneMatch(line -> line.contains("127.0.0.1"));
    }

    @Test
    void post_lineWithoutTab_rejectedNamingLine() {
        byte[] junk = "FEEDBACK_SERVER_UID\tabc=\nthis line has no tab\n".getBytes(StandardCharsets.UTF_8);

        given()
                .multiPart("data", "-", junk, "application/octet-stream")
                .when().post("/post")
                .then().statusCode(400)
                .body(containsString("<h1>Report rejected: not a valid report: line 2: no tab between name and value</h1>"));
    }

    @Test
    void post_reportWithoutServerUid_rejected() {
        given()
                .accept("application/json")
                .multiPart("data", "-", "version\t10.11.19\n".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .when().post("/post")
                .then().statusCode(400)
                .body("status", equalTo("rejected"))
                .body("error", containsString("no FEEDBACK_SERVER_UID"));
    }

    @Test
    void post_withoutDataPart_rejected() {
        given()
                .multiPart("report", "-", "FEEDBACK_SERVER_UID\tabc=\n".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/post")
                .then().statusCode(400)
                .body(containsString("no part named data"));
    }

    @Test
    void post_browserTextField_stored() {
        // A <textarea name="data"> arrives as a plain multipart field: no file name, no content type.
        String text = new String(Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uniqueUid()), StandardCharsets.UTF_8);

        given()
                .multiPart("data", text)
                .when().post("/post")
                .then().statusCode(200)
                .body(containsString("<h1>Report stored: 949 entries, 2 withheld for privacy</h1>"));
    }

    @Test
    void post_urlEncodedDataField_stored() {
        String uid = uniqueUid();

        given()
                .accept("application/json")
                .formParam("data", new String(Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uid), StandardCharsets.UTF_8))
                .when().post("/post")
                .then().statusCode(200)
                .body("report.serverUid", equalTo(uid))
                .body("report.entries", equalTo(949));
    }

    @Test
    void post_urlEncodedWithoutDataField_rejected() {
        given()
                .formParam("report", "FEEDBACK_SERVER_UID\tabc=")
                .when().post("/post")
                .then().statusCode(400)
                .body(containsString("<h1>Report rejected: no field named data"));
    }

    @Test
    void post_plainTextBody_rejectedWith415() {
        String html = given()
                .contentType("text/plain")
                .body("FEEDBACK_SERVER_UID\tabc=\n")
                .when().post("/post")
                .then().statusCode(415).contentType(startsWith("text/html"))
                .extract().asString();

        assertThat(html).contains("<h1>Report rejected: Content-Type &#39;text/plain");
        assertThat(html).contains("multipart/form-data");
        assertThat(html).contains("PUT /api/v1/reports");
    }

    @Test
    void post_aboveSizeLimit_rejectedWith413() {
        byte[] large = new byte[300 * 1024];
        java.util.Arrays.fill(large, (byte) 'x');

        String html = given()
                .multiPart("data", "-", large, "application/octet-stream")
                .when().post("/post")
                .then().statusCode(413)
                .extract().asString();

        assertThat(html).contains("<h1>Report rejected: the upload is ").contains("above the limit of 262144 bytes");
    }

    @Test
    void post_aboveSizeLimitAskingJson_rejectedWithJson() {
        byte[] large = new byte[300 * 1024];

        given()
                .accept("application/json")
                .multiPart("data", "-", large, "application/octet-stream")
                .when().post("/post")
                .then().statusCode(413)
                .body("status", equalTo("rejected"))
                .body("error", containsString("above the limit"));
    }

    @Test
    void post_invalidUtf8_rejectedNamingLineWithoutInternals() {
        byte[] junk = "FEEDBACK_SERVER_UID\tabc=\nversion\t\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);

        String html = given()
                .multiPart("data", "-", junk, "application/octet-stream")
                .when().post("/post")
                .then().statusCode(400)
                .extract().asString();

        assertThat(html).contains("line 2: value is not valid UTF-8");
        assertThat(html).doesNotContain("Exception").doesNotContain("org.feedback").doesNotContain("at java.");
    }

    @Test
    void post_valueEndingWithCarriageReturn_rejectedAsInvalid() {
        // CRLF ends the line, so the value keeps the first CR, which the stored escaped format cannot carry.
        byte[] report = "FEEDBACK_SERVER_UID\tabc=\r\nversion\t10.11\r\r\n".getBytes(StandardCharsets.UTF_8);

        given()
                .accept("application/json")
                .multiPart("data", "-", report, "application/octet-stream")
                .when().post("/post")
                .then().statusCode(400)
                .body("error", containsString("ends with a carriage return"));
    }

    @Test
    void get_post_servesUploadForm() {
        String html = given().when().get("/post").then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();

        assertThat(html).contains("<form method=\"post\" action=\"/post\" enctype=\"multipart/form-data\">")
                .contains("name=\"data\"");
    }

    static String uniqueUid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 27) + "=";
    }
}
