package org.feedback.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the report store: down while its queue is more than nine tenths full, so that a load
 * balancer sends new uploads to other instances before this one starts replying 503.
 */
@Readiness
@ApplicationScoped
class StoreHealthCheck implements HealthCheck {

    @Inject
    ReportStore store;

    @Inject
    IngestConfig config;

    @Override
    public HealthCheckResponse call() {
        int queued = store.queued();
        int capacity = config.store().queueCapacity();
        return HealthCheckResponse.named("report store")
                .status(queued * 10L <= capacity * 9L)
                .withData("queued reports", queued)
                .withData("queue capacity", capacity)
                .build();
    }
}
