-- A hash of each server's latest labels, so that a full report whose labels have not changed (the usual
-- weekly report) leaves dashboard_server_values as it is instead of deleting and inserting its rows.
-- NULL for rows written before this column existed: their next full report rewrites their labels.
ALTER TABLE dashboard_servers ADD COLUMN labels_hash BIGINT;
