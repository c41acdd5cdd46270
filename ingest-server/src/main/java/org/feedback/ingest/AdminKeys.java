package org.feedback.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The API keys of {@code feedback.admin.api-keys}, kept as SHA-256 digests and compared in constant time.
 * No key is built in: without configured keys every admin call is rejected.
 */
@ApplicationScoped
class AdminKeys {

    private final List<byte[]> digests;

    @Inject
    AdminKeys(IngestConfig config) {
        this.digests = config.admin().apiKeys().orElse(List.of()).stream()
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .map(AdminKeys::sha256)
                .toList();
    }

    /** Returns whether any key is configured, so that the admin API can be used at all. */
    boolean configured() {
        return !digests.isEmpty();
    }

    /** Returns whether {@code key} is one of the configured keys. */
    boolean matches(String key) {
        byte[] digest = sha256(key);
        boolean found = false;
        for (byte[] configured : digests) {
            found |= MessageDigest.isEqual(configured, digest);
        }
        return found;
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
