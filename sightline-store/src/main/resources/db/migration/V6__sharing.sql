-- Sharing: TLP levels on every version, TAXII collections and submissions, per-token collection
-- scopes, and remembered positions in remote feeds.

-- The most restrictive TLP level a version carries (0 CLEAR, 1 GREEN, 2 AMBER, 3 AMBER+STRICT, 4 RED),
-- so that every way out can filter by a reader's clearance in SQL. Derived from the JSON; the store
-- fills it for versions written before this migration.
ALTER TABLE stix_version ADD COLUMN tlp_rank SMALLINT DEFAULT 0 NOT NULL;
-- TAXII's added_after and a feed's pages read versions in the order they were added.
CREATE INDEX ix_version_added ON stix_version (added_at);

-- A token may be limited to some collections (comma-separated ids); NULL means every collection its role allows.
ALTER TABLE api_token ADD COLUMN collections VARCHAR(2000);

-- A TAXII collection is a saved view of the store: its filter selects the objects it serves.
CREATE TABLE taxii_collection (
    id          VARCHAR(64)   PRIMARY KEY,
    title       VARCHAR(300)  NOT NULL UNIQUE,
    description VARCHAR(2000),
    filter      VARCHAR(2000) NOT NULL,
    -- the least role that may read, or write; write_role NULL means the collection is read-only
    read_role   VARCHAR(20)   NOT NULL,
    write_role  VARCHAR(20),
    created_at  VARCHAR(40)   NOT NULL
);

-- The status resource of each TAXII POST: counts and per-object outcomes, final once stored.
CREATE TABLE taxii_status (
    id                VARCHAR(64)  PRIMARY KEY,
    collection_id     VARCHAR(64)  NOT NULL,
    token_id          VARCHAR(64)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    request_timestamp VARCHAR(40)  NOT NULL,
    total_count       INTEGER      NOT NULL,
    success_count     INTEGER      NOT NULL,
    failure_count     INTEGER      NOT NULL,
    pending_count     INTEGER      NOT NULL,
    -- {"successes":[…],"failures":[…],"pendings":[…]} as TAXII's status resource writes them
    outcomes          VARCHAR      NOT NULL
);

-- Where a pull from a remote feed got to (TAXII: the last X-TAXII-Date-Added-Last), written in the
-- same transaction as the objects it fetched, so an interrupted pull neither loses nor repeats any.
CREATE TABLE feed_cursor (
    feed        VARCHAR(1000) PRIMARY KEY,
    position    VARCHAR(100)  NOT NULL,
    updated_at  VARCHAR(40)   NOT NULL
);
