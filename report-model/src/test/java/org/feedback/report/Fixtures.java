package org.feedback.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the real reports kept under {@code src/test/resources/fixtures}. */
final class Fixtures {

    /** Output of {@code mariadb -e 'select * from information_schema.feedback'} on MariaDB 10.11.19. */
    static final String MARIADB_10_11 = "mariadb-10.11-information-schema-feedback.txt";

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /fixtures/" + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Report parse(String name) throws ReportParseException {
        return new ReportParser().parse(bytes(name));
    }
}
