package org.feedback.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class ReportsResourcePostgresTest extends ReportsResourceTest {
}
