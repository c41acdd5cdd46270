-- Dashboard tables, owned by the reporting module. Times are seconds since the Unix epoch (UTC); days and
-- weeks are days since the epoch, a week being named by its Monday.
--
-- Written as reports arrive (by the ingest server's ReportStoredEvent observer, in the storing
-- transaction): dashboard_servers, dashboard_server_values, dashboard_server_weeks.
-- Rewritten by the rollup refresh job: dashboard_breakdowns, dashboard_weekly, dashboard_refresh.
-- The dashboards read only the rollups.
-- Labels compare byte for byte (utf8mb4_bin), as they do on H2 and PostgreSQL.

-- One row per server: its activity and the version facts the filters use.
CREATE TABLE dashboard_servers (
    server_id      BIGINT AUTO_INCREMENT PRIMARY KEY,
    server_uid     VARCHAR(64)  NOT NULL,
    first_seen     BIGINT       NOT NULL,
    last_seen      BIGINT       NOT NULL,
    last_seen_day  INTEGER      NOT NULL,
    facts_time     BIGINT,
    flavor         VARCHAR(32),
    major_version  INTEGER,
    major_minor    VARCHAR(32)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE UNIQUE INDEX dashboard_servers_uid ON dashboard_servers (server_uid);
CREATE INDEX dashboard_servers_last_seen ON dashboard_servers (last_seen);

-- The dashboard labels of each server's latest full report, one row per (dimension, label); engines also
-- carry their table count and data size.
CREATE TABLE dashboard_server_values (
    server_id    BIGINT        NOT NULL,
    dimension    VARCHAR(64)   NOT NULL,
    label        VARCHAR(128)  NOT NULL,
    table_count  BIGINT,
    data_bytes   BIGINT
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE INDEX dashboard_server_values_server ON dashboard_server_values (server_id);

-- Servers active in each recent week; the refresh job folds them into dashboard_weekly and then deletes
-- weeks older than two weeks before the current one.
CREATE TABLE dashboard_server_weeks (
    week_day       INTEGER      NOT NULL,
    server_id      BIGINT       NOT NULL,
    flavor         VARCHAR(32),
    major_version  INTEGER,
    major_minor    VARCHAR(32),
    PRIMARY KEY (week_day, server_id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- Servers per label, by the day of their last report and by flavor and major version: a view over the
-- last N days sums the rows with last_seen_day in range.
CREATE TABLE dashboard_breakdowns (
    last_seen_day  INTEGER       NOT NULL,
    flavor         VARCHAR(32),
    major_version  INTEGER,
    dimension      VARCHAR(64)   NOT NULL,
    label          VARCHAR(128)  NOT NULL,
    servers        BIGINT        NOT NULL,
    table_count    BIGINT,
    data_bytes     BIGINT
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE INDEX dashboard_breakdowns_dimension ON dashboard_breakdowns (dimension, last_seen_day);

-- Distinct servers active per week.
CREATE TABLE dashboard_weekly (
    week_day       INTEGER      NOT NULL,
    flavor         VARCHAR(32),
    major_version  INTEGER,
    major_minor    VARCHAR(32),
    servers        BIGINT       NOT NULL
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE INDEX dashboard_weekly_week ON dashboard_weekly (week_day);

-- The state of the last rollup refresh; its single row is also the lock that serialises refreshes
-- across ingest nodes.
CREATE TABLE dashboard_refresh (
    id                 INTEGER  NOT NULL PRIMARY KEY,
    refreshed_at       BIGINT   NOT NULL,
    duration_millis    BIGINT   NOT NULL,
    last_seen_watermark BIGINT  NOT NULL
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
INSERT INTO dashboard_refresh (id, refreshed_at, duration_millis, last_seen_watermark) VALUES (1, 0, 0, -1);
