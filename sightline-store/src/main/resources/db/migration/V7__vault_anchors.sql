-- The evidence ledger's entries, anchored in the store: each line's hash is recorded here when it is
-- appended, so deleting the ledger's last lines, the whole ledger or vault, or recomputing the chain
-- is found by comparing the two. Sightline only ever inserts here.
CREATE TABLE vault_anchor (
    sequence    BIGINT      NOT NULL PRIMARY KEY,
    entry_hash  CHAR(64)    NOT NULL,
    sha256      CHAR(64)    NOT NULL,
    anchored_at VARCHAR(40) NOT NULL
);
