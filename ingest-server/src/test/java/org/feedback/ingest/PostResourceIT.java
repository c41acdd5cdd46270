package org.feedback.ingest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs {@link PostResourceTest} against the packaged jar, started as its own process with the production profile. */
@QuarkusIntegrationTest
class PostResourceIT extends PostResourceTest {
}
