-- Times are seconds since the Unix epoch (UTC), stored as BIGINT so that the same queries run on H2,
-- PostgreSQL and MariaDB.

-- One row per server: when it was first and last seen, and the facts of its latest full report.
CREATE TABLE servers (
    server_uid    VARCHAR(64)  NOT NULL PRIMARY KEY,
    first_seen    BIGINT       NOT NULL,
    last_seen     BIGINT       NOT NULL,
    report_count  BIGINT       NOT NULL,
    version       VARCHAR(128),
    flavor        VARCHAR(32),
    major_minor   VARCHAR(16),
    os_name       VARCHAR(64),
    distribution  VARCHAR(128),
    architecture  VARCHAR(32),
    cpu_count     INTEGER,
    memory_bytes  BIGINT
);
CREATE INDEX servers_last_seen ON servers (last_seen);

-- Every accepted report, scrubbed and kept whole as gzip-compressed text.
CREATE TABLE reports (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    server_uid      VARCHAR(64)  NOT NULL,
    received_at     BIGINT       NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    format_version  VARCHAR(16),
    content_sha256  CHAR(64)     NOT NULL,
    entry_count     INTEGER      NOT NULL,
    scrubbed_count  INTEGER      NOT NULL,
    body_bytes      INTEGER      NOT NULL,
    body_gzip       MEDIUMBLOB NOT NULL
);
CREATE INDEX reports_server_received ON reports (server_uid, received_at);
