package org.feedback.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportsResourceTest {

    @Test
    void put_textPlainReport_createdWithId() {
        String uid = PostResourceTest.uniqueUid();

        ExtractableResponse<Response> reply = given()
                .contentType("text/plain; charset=utf-8")
                .body(Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uid))
                .when().put("/api/v1/reports")
                .then().statusCode(201)
                .body("status", equalTo("stored"))
                .body("report.reportId", greaterThan(0))
                .body("report.serverUid", equalTo(uid))
                .body("report.duplicate", equalTo(false))
                .extract();

        assertThat(reply.header("Location")).endsWith("/api/v1/admin/reports/" + reply.jsonPath().getLong("report.reportId"));
    }

    @Test
    void put_sameReportTwice_secondIsDuplicateWithSameId() {
        byte[] report = Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, PostResourceTest.uniqueUid());
        long first = given().contentType("text/plain").body(report).when().put("/api/v1/reports")
                .then().statusCode(201).extract().jsonPath().getLong("report.reportId");

        given().contentType("text/plain").body(report).when().put("/api/v1/reports")
                .then().statusCode(200)
                .body("report.duplicate", equalTo(true))
                .body("report.reportId", equalTo((int) first));
    }

    @Test
    void put_notAReport_rejectedWith400NamingLine() {
        given()
                .contentType("text/plain")
                .body("FEEDBACK_SERVER_UID\tabc=\nno tab here\n".getBytes(StandardCharsets.UTF_8))
                .when().put("/api/v1/reports")
                .then().statusCode(400)
                .body("status", equalTo("rejected"))
                .body("error", equalTo("not a valid report: line 2: no tab between name and value"));
    }

    @Test
    void put_jsonBody_rejectedWith415() {
        given()
                .contentType("application/json")
                .body("{\"FEEDBACK_SERVER_UID\": \"abc=\"}")
                .when().put("/api/v1/reports")
                .then().statusCode(415)
                .body("status", equalTo("rejected"))
                .body("error", containsString("text/plain"));
    }
}
