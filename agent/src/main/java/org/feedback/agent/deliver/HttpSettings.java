package org.feedback.agent.deliver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How reports travel over HTTP.
 *
 * @param sendTimeout  longest time one post to one URL may take, from connecting to the end of the reply
 * @param proxy        HTTP proxy to go through; https uses CONNECT through it
 * @param caFile       PEM file of trusted certificate authorities for https; empty for the Java runtime's trust store
 */
public record HttpSettings(Duration sendTimeout, Optional<ProxyAddress> proxy, Optional<Path> caFile) {

    public HttpSettings {
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(caFile, "caFile");
    }

    /** Direct connections, the runtime's trust store, and {@code sendTimeout}. */
    public static HttpSettings direct(Duration sendTimeout) {
        return new HttpSettings(sendTimeout, Optional.empty(), Optional.empty());
    }

    /**
     * A proxy's address.
     *
     * @param host  host name or address
     * @param port  TCP port, 1 to 65535
     */
    public record ProxyAddress(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
