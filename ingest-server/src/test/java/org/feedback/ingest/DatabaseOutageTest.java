package org.feedback.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Stops the database under a steady upload load and starts it again, with the server running throughout.
 * The database is a private mariadbd ({@link PrivateMariaDb}), never a shared server.
 */
@QuarkusTest
@TestProfile(PrivateMariaDbProfile.class)
class DatabaseOutageTest {

    private static final int UPLOADERS = 4;
    private static final int MAX_UPLOADS_PER_UPLOADER = 3000;
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(60);

    /** One upload and its reply. */
    record Upload(String serverUid, int status, String retryAfter, boolean afterRestart) {
    }

    private final Queue<Upload> uploads = new ConcurrentLinkedQueue<>();
    private volatile boolean restarted;
    private volatile boolean stopping;

    @Test
    void upload_databaseStopped_503ThenRecoversLosingNothing() throws Exception {
        PrivateMariaDb database = PrivateMariaDb.running();
        ExecutorService pool = Executors.newFixedThreadPool(UPLOADERS);
        try {
            for (int i = 0; i < UPLOADERS; i++) {
                pool.submit(this::uploadUntilStopped);
            }
            awaitUploads(upload -> upload.status() == 200, 20);
            database.stopServer();
            awaitUploads(upload -> upload.status() == 503, 10);
            database.startServer();
            restarted = true;
            awaitUploads(upload -> upload.afterRestart() && upload.status() == 200, 20);
        } finally {
            stopping = true;
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(uploads).extracting(Upload::status).containsOnly(200, 503);
        assertThat(uploads).filteredOn(upload -> upload.status() == 503)
                .allSatisfy(upload -> assertThat(upload.retryAfter()).isNotNull());
        List<String> acknowledged = uploads.stream().filter(upload -> upload.status() == 200).map(Upload::serverUid).toList();
        assertThat(storedAmong(database, acknowledged)).as("every acknowledged report is stored")
                .containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    private void uploadUntilStopped() {
        for (int i = 0; i < MAX_UPLOADS_PER_UPLOADER && !stopping; i++) {
            boolean afterRestart = restarted;
            String uid = PostResourceTest.uniqueUid();
            Response reply = given().accept("application/json")
                    .multiPart("data", "-", Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uid), "application/octet-stream")
                    .when().post("/post");
            uploads.add(new Upload(uid, reply.statusCode(), reply.header("Retry-After"), afterRestart));
        }
    }

    private void awaitUploads(Predicate<Upload> kind, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(PHASE_TIMEOUT);
        while (uploads.stream().filter(kind).count() < count) {
            assertThat(Instant.now()).as("uploads of the expected kind within " + PHASE_TIMEOUT).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static List<String> storedAmong(PrivateMariaDb database, List<String> serverUids) throws SQLException {
        List<String> stored = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url(PrivateMariaDb.DATABASE), "root", "");
             PreparedStatement find = connection.prepareStatement("SELECT COUNT(*) FROM reports WHERE server_uid = ?")) {
            for (String uid : serverUids) {
                find.setString(1, uid);
                try (ResultSet rows = find.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 1) {
                        stored.add(uid);
                    }
                }
            }
        }
        return stored;
    }
}
