package org.feedback.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs a test class against the shared MariaDB server on 127.0.0.1:3306 instead of embedded H2. The
 * database kind is fixed at build time, so Quarkus rebuilds the application for this profile.
 */
public class MariaDbProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "mariadb",
                "quarkus.datasource.jdbc.url", "jdbc:mariadb://127.0.0.1:3306/" + SharedTestDatabase.NAME,
                "quarkus.datasource.username", "root",
                "quarkus.datasource.password", "",
                "quarkus.flyway.locations", "db/migration/mariadb");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SharedTestDatabase.class, Map.of("kind", "mariadb")));
    }
}
