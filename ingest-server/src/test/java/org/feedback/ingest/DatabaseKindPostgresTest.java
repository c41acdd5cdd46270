package org.feedback.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class DatabaseKindPostgresTest extends DatabaseKindTest {

    @Override
    String expectedProduct() {
        return "PostgreSQL";
    }
}
