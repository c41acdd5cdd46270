package org.feedback.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** The admin API over HTTP, with the test key from the test profile of application.properties. */
@QuarkusTest
class AdminResourceTest {

    static final String KEY = "test-admin-key";

    @Test
    void list_withoutKey_unauthorized() {
        given().queryParam("server", "abc=")
                .when().get("/api/v1/admin/reports")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void list_wrongKey_unauthorized() {
        given().auth().oauth2("not-the-key").queryParam("server", "abc=")
                .when().get("/api/v1/admin/reports")
                .then().statusCode(401)
                .body("error", equalTo("the API key is not valid"));
    }

    @Test
    void retention_withoutKey_unauthorized() {
        given().when().post("/api/v1/admin/retention").then().statusCode(401);
    }

    @Test
    void erase_withoutKey_unauthorizedAndNothingDeleted() {
        String uid = upload();

        given().queryParam("server", uid).when().delete("/api/v1/admin/servers").then().statusCode(401);

        admin().queryParam("server", uid).when().get("/api/v1/admin/reports").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void list_uploadedReport_listedWithSizes() {
        String uid = upload();

        admin().queryParam("server", uid)
                .when().get("/api/v1/admin/reports")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].kind", equalTo("full"))
                .body("[0].entries", equalTo(949))
                .body("[0].withheld", equalTo(2));
    }

    @Test
    void fetch_uploadedReport_returnsScrubbedText() {
        String uid = upload();
        long id = admin().queryParam("server", uid).when().get("/api/v1/admin/reports")
                .then().statusCode(200).extract().jsonPath().getLong("[0].id");

        String text = admin().when().get("/api/v1/admin/reports/" + id)
                .then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();

        assertThat(text).startsWith("VARIABLE_NAME\tVARIABLE_VALUE\n").contains("FEEDBACK_SERVER_UID\t" + uid + "\n");
        assertThat(text).doesNotContain("127.0.0.1").doesNotContain("FEEDBACK_URL");
    }

    @Test
    void fetch_unknownId_notFound() {
        admin().when().get("/api/v1/admin/reports/" + Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void fetch_idNotNumber_badRequestNamingId() {
        String message = admin().when().get("/api/v1/admin/reports/abc").then().statusCode(400).extract().asString();

        assertThat(message).contains("report id 'abc' is not a number");
    }

    @Test
    void erase_server_deletesReportsAndServer() {
        String uid = upload();

        admin().queryParam("server", uid)
                .when().delete("/api/v1/admin/servers")
                .then().statusCode(200)
                .body("reportsDeleted", equalTo(1))
                .body("serverDeleted", equalTo(true));

        admin().queryParam("server", uid).when().get("/api/v1/admin/reports").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void erase_unencodedPlus_rejectedKeepingData() {
        String uid = upload("ab+" + PostResourceTest.uniqueUid());

        admin().urlEncodingEnabled(false)
                .when().delete("/api/v1/admin/servers?server=" + uid)
                .then().statusCode(400)
                .body("error", containsString("%2B"));

        admin().queryParam("server", uid).when().get("/api/v1/admin/reports").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void list_unencodedPlus_rejectedWithEncodedId() {
        String uid = upload("ab+" + PostResourceTest.uniqueUid());

        admin().urlEncodingEnabled(false)
                .when().get("/api/v1/admin/reports?server=" + uid)
                .then().statusCode(400)
                .body("error", containsString("server=" + uid.replace("+", "%2B")));
    }

    @Test
    void list_withoutServer_badRequest() {
        admin().when().get("/api/v1/admin/reports").then().statusCode(400).body("error", containsString("server"));
    }

    @Test
    void retention_withKey_runsWithCutoffPastMaxAge() {
        long newestPossibleCutoff = java.time.Instant.now().minus(java.time.Duration.ofDays(400)).getEpochSecond();

        long cutoff = admin().when().post("/api/v1/admin/retention").then().statusCode(200)
                .extract().jsonPath().getLong("cutoffEpochSeconds");

        assertThat(cutoff).isBetween(newestPossibleCutoff - 60, newestPossibleCutoff + 60);
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(KEY);
    }

    private static String upload() {
        return upload(PostResourceTest.uniqueUid());
    }

    private static String upload(String uid) {
        given().multiPart("data", "-", Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uid), "application/octet-stream")
                .when().post("/post").then().statusCode(200);
        return uid;
    }

}
