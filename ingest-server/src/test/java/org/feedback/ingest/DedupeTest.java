package org.feedback.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Resends and concurrent copies of one report are stored once, and server ids from every sender match. */
@QuarkusTest
class DedupeTest {

    private static final int THREADS = 16;

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource dataSource;

    @Inject
    RecordingObserver observer;

    @Test
    void post_concurrentCopies_storedOnce() throws Exception {
        String uid = PostResourceTest.uniqueUid();
        byte[] report = Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uid);

        List<JsonPath> replies = postConcurrently(report);

        assertThat(replies).extracting(reply -> reply.getString("status")).containsOnly("stored");
        assertThat(replies).extracting(reply -> reply.getBoolean("report.duplicate")).containsOnlyOnce(false);
        assertThat(replies).extracting(reply -> reply.getLong("report.reportId")).containsOnly(replies.get(0).getLong("report.reportId"));
        assertThat(count("SELECT COUNT(*) FROM reports WHERE server_uid = ?", uid)).isEqualTo(1);
        assertThat(count("SELECT report_count FROM servers WHERE server_uid = ?", uid)).isEqualTo(1);
    }

    @Test
    void post_concurrentCopies_oneEventInTransaction() throws Exception {
        String uid = PostResourceTest.uniqueUid();

        postConcurrently(Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uid));

        assertThat(observer.forServer(uid)).hasSize(1);
        assertThat(observer.forServer(uid).get(0).inTransaction()).isTrue();
    }

    @Test
    void post_reportWithNewTime_storedAgain() throws SQLException {
        String uid = PostResourceTest.uniqueUid();
        String text = new String(Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uid), StandardCharsets.UTF_8);
        String weekLater = text.replaceFirst("(?m)^Now\t\\d+$", "Now\t1797016847");

        postJson(text.getBytes(StandardCharsets.UTF_8));
        JsonPath second = postJson(weekLater.getBytes(StandardCharsets.UTF_8));

        assertThat(second.getBoolean("report.duplicate")).isFalse();
        assertThat(count("SELECT COUNT(*) FROM reports WHERE server_uid = ?", uid)).isEqualTo(2);
        assertThat(count("SELECT report_count FROM servers WHERE server_uid = ?", uid)).isEqualTo(2);
    }

    @Test
    void post_noticeWithNulAfterId_sameServer() throws Exception {
        String uid = PostResourceTest.uniqueUid();
        postJson(Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uid));
        byte[] notice = ("FEEDBACK_SERVER_UID\t" + uid + "\0\nFEEDBACK_WHEN\tshutdown\nFEEDBACK_USER_INFO\t\n\n")
                .getBytes(StandardCharsets.UTF_8);

        String reply = Uploads.postAsFeedbackPlugin(root.getPort(), notice);

        assertThat(reply).startsWith("HTTP/1.0 200");
        assertThat(count("SELECT COUNT(*) FROM servers WHERE server_uid LIKE ?", uid + "%")).isEqualTo(1);
        assertThat(count("SELECT report_count FROM servers WHERE server_uid = ?", uid)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM servers WHERE server_uid = ? AND version IS NOT NULL", uid))
                .as("a notice keeps the facts of the full report").isEqualTo(1);
    }

    @Test
    void reportsTable_duplicateKey_rejected() throws SQLException {
        String uid = PostResourceTest.uniqueUid();
        String insert = "INSERT INTO reports (server_uid, received_at, report_time, kind, content_sha256, entry_count,"
                + " scrubbed_count, body_bytes, body_encoding, body) VALUES (?, 1, 2, 'full', ?, 0, 0, 0, 'gzip', ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, uid);
            statement.setString(2, "0".repeat(64));
            statement.setBytes(3, new byte[] {1});
            statement.executeUpdate();

            // A second instance behind a load balancer would insert exactly this row for a resend.
            assertThatThrownBy(statement::executeUpdate).isInstanceOf(SQLException.class);
        }
    }

    List<JsonPath> postConcurrently(byte[] report) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<JsonPath>> uploads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                uploads.add(() -> {
                    start.await();
                    return postJson(report);
                });
            }
            List<Future<JsonPath>> futures = new ArrayList<>();
            for (Callable<JsonPath> upload : uploads) {
                futures.add(pool.submit(upload));
            }
            start.countDown();
            List<JsonPath> replies = new ArrayList<>();
            for (Future<JsonPath> future : futures) {
                replies.add(future.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonPath postJson(byte[] report) {
        return given().accept("application/json").multiPart("data", "-", report, "application/octet-stream")
                .when().post("/post")
                .then().statusCode(200).extract().jsonPath();
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }
}
