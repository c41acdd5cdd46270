package org.feedback.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Runs a test class against a private, throwaway mariadbd that the test may stop and restart. */
public class PrivateMariaDbProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "mariadb",
                "quarkus.datasource.username", "root",
                "quarkus.datasource.password", "",
                "quarkus.flyway.locations", "db/migration/mariadb",
                // Fail fast while the database is down, so that uploads get 503 instead of waiting.
                "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                "quarkus.datasource.jdbc.login-timeout", "2S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PrivateMariaDb.class));
    }
}
