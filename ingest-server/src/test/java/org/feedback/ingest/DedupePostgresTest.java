package org.feedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class DedupePostgresTest extends DedupeTest {

    @Test
    void post_storedGroup_usesCustomPlans() throws Exception {
        // Without the group set-up, PostgreSQL may reuse a generic plan that scans whole tables.
        int before = observer.planCacheModes().size();

        postConcurrently(Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, PostResourceTest.uniqueUid()));

        assertThat(observer.planCacheModes()).hasSizeGreaterThan(before);
        assertThat(observer.planCacheModes().subList(before, observer.planCacheModes().size()))
                .containsOnly("force_custom_plan");
    }
}
