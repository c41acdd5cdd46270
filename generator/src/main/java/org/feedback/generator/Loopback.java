package org.feedback.generator;

import java.net.URI;
import java.util.Set;

/** Keeps the generator's traffic on this machine: it only talks to servers on a loopback address. */
final class Loopback {

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private Loopback() {
    }

    /** Returns {@code uri} when its host is a loopback address; otherwise throws, naming the host. */
    static URI require(URI uri, String role) {
        String host = uri.getHost();
        if (host == null || !HOSTS.contains(host)) {
            throw new IllegalArgumentException(role + " host '" + host + "' is not a loopback address;"
                    + " the generator only loads and measures servers on 127.0.0.1, localhost or [::1]");
        }
        return uri;
    }

    /** Checks the host of a {@code jdbc:postgresql://HOST:PORT/DATABASE} URL. */
    static String requireJdbc(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("JDBC URL '" + jdbcUrl + "' is not a PostgreSQL URL;"
                    + " use jdbc:postgresql://127.0.0.1:5432/DATABASE");
        }
        require(URI.create(jdbcUrl.substring("jdbc:".length())), "database");
        return jdbcUrl;
    }
}
