-- No query reads servers by last_seen. Without this index, the per-report update of a server's row can be
-- a heap-only update on PostgreSQL, which writes no index entry.
DROP INDEX servers_last_seen;
