-- Moves after each committed write (db/engine/postgres.ts): every instance's read cache compares it
-- before serving a kept figure. SQLite has no need of it: its data_version does the same.
CREATE SEQUENCE "baseline_changes";
