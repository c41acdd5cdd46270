package org.feedback.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the reports kept under {@code src/test/resources/fixtures}. The MariaDB 10.11 report is real, the
 * output of {@code mariadb -e 'select * from information_schema.feedback'}. The others are abridged reports
 * written by hand: their names, letter case and value forms are those each server and sender uses (the
 * plugin's body for MariaDB, the agent's keys for MySQL), and their values are made up.
 */
final class Fixtures {

    /** Output of {@code mariadb -e 'select * from information_schema.feedback'} on MariaDB 10.11.19. */
    static final String MARIADB_10_11 = "mariadb-10.11-information-schema-feedback.txt";
    /** MariaDB 5.5 on CentOS 7 as its feedback plugin posts it: lower-case variable names. */
    static final String MARIADB_5_5 = "mariadb-5.5-plugin-report.txt";
    /** MariaDB 10.3 on Debian 10 as its feedback plugin posts it, with leaks the scrubber must remove. */
    static final String MARIADB_10_3 = "mariadb-10.3-plugin-report.txt";
    /** The shutdown notice of the same server, with a NUL after the server id. */
    static final String MARIADB_10_3_SHUTDOWN = "mariadb-10.3-shutdown-notice.txt";
    /** MySQL 5.7 on Ubuntu 18.04 on arm64, as the agent sends it. */
    static final String MYSQL_5_7 = "mysql-5.7-agent-report.txt";
    /** MySQL 8.0 on Rocky Linux 9 in a Docker container, as the agent sends it, with a failed collector. */
    static final String MYSQL_8_0 = "mysql-8.0-agent-report.txt";

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
