package org.feedback.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Health, metrics and the OpenAPI document, as an operator or a load balancer reads them. */
@QuarkusTest
class OperationsTest {

    @Test
    void health_running_upWithDatabaseAndStoreChecks() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("report store", "Database connections health check"));
    }

    @Test
    void metrics_afterUploads_countEveryOutcome() {
        byte[] report = Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, PostResourceTest.uniqueUid());
        given().multiPart("data", "-", report, "application/octet-stream").when().post("/post").then().statusCode(200);
        given().multiPart("data", "-", report, "application/octet-stream").when().post("/post").then().statusCode(200);
        given().multiPart("data", "-", "no tab\n".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .when().post("/post").then().statusCode(400);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("feedback_reports_accepted_total\\{kind=\"full\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("feedback_reports_rejected_total\\{[^}]*reason=\"invalid_report\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("feedback_reports_deduplicated_total(\\{[^}]*})? [1-9]");
        assertThat(metrics).containsPattern("feedback_scrubbed_entries_total(\\{[^}]*})? [1-9]");
        assertThat(metrics).containsPattern("feedback_storage_latency_seconds_count(\\{[^}]*})? [1-9]");
    }

    @Test
    void metrics_atStart_listEveryRejectReason() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        for (IngestMetrics.RejectReason reason : IngestMetrics.RejectReason.values()) {
            assertThat(metrics).contains("reason=\"" + reason.tag() + "\"");
        }
    }

    @Test
    void openApi_document_listsUploadEndpoints() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();

        assertThat(document).contains("\"/post\"").contains("\"/api/v1/reports\"");
    }
}
