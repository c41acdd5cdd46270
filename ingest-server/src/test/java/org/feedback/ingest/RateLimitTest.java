package org.feedback.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitProfile.class)
class RateLimitTest {

    @Test
    void post_beyondBurst_rejectedWith429AndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().multiPart("data", "-", Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, PostResourceTest.uniqueUid()),
                    "application/octet-stream").when().post("/post").then().statusCode(200);
        }

        Response fourth = given()
                .multiPart("data", "-", Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, PostResourceTest.uniqueUid()),
                        "application/octet-stream")
                .when().post("/post");

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(fourth.asString()).contains("<h1>Report not stored: too many uploads from one address");
    }
}
