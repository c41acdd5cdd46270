package org.feedback.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Switches the per-client rate limit on with a burst of three uploads and one more per minute. */
public class RateLimitProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "feedback.rate-limit.enabled", "true",
                "feedback.rate-limit.burst", "3",
                "feedback.rate-limit.uploads-per-minute", "1");
    }
}
