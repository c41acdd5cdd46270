package org.feedback.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs a test class against the shared PostgreSQL server on 127.0.0.1:5432 instead of embedded H2. The
 * database kind is fixed at build time, so Quarkus rebuilds the application for this profile.
 */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + SharedTestDatabase.NAME,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "quarkus.flyway.locations", "db/migration/postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SharedTestDatabase.class, Map.of("kind", "postgresql")));
    }
}
