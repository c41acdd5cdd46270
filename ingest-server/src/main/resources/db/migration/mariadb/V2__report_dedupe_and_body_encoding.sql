-- A resent report (a client retrying after a timeout) must be stored once, even when several server
-- instances receive the copies: the unique key (server_uid, report_time, content_sha256) enforces it.
-- report_time is the sender's Now entry in seconds since the Unix epoch, or the arrival time for reports
-- without one (MariaDB's startup and shutdown notices).
ALTER TABLE reports ADD COLUMN report_time BIGINT;
UPDATE reports SET report_time = received_at;
ALTER TABLE reports MODIFY report_time BIGINT NOT NULL;
DELETE r FROM reports r JOIN reports o
    ON o.server_uid = r.server_uid AND o.report_time = r.report_time
   AND o.content_sha256 = r.content_sha256 AND o.id < r.id;
CREATE UNIQUE INDEX reports_dedupe ON reports (server_uid, report_time, content_sha256);

-- The unique key starts with server_uid, so it also serves the per-server listing; retention deletes by
-- arrival time across all servers.
DROP INDEX reports_server_received ON reports;
CREATE INDEX reports_received ON reports (received_at);

-- The body column holds the compressed report text; body_encoding names how it is compressed
-- (gzip, or deflate with a preset dictionary shipped with the server).
ALTER TABLE reports RENAME COLUMN body_gzip TO body;
ALTER TABLE reports ADD COLUMN body_encoding VARCHAR(16) NOT NULL DEFAULT 'gzip';
ALTER TABLE reports ALTER COLUMN body_encoding DROP DEFAULT;
