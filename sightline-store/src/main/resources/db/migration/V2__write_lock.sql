-- One row that every write transaction locks first. Writers (an import in one terminal, a server
-- in another) then commit one after another, so the version sequence numbers of committed writes
-- only grow; the full-text index relies on that to catch up by sequence without missing a write.
CREATE TABLE store_write_lock (
    id INTEGER PRIMARY KEY
);
INSERT INTO store_write_lock (id) VALUES (1);
