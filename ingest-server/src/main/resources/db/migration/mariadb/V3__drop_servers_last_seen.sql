-- No query reads servers by last_seen. Each index makes the per-report update of a server's row write one
-- more index entry.
DROP INDEX servers_last_seen ON servers;
