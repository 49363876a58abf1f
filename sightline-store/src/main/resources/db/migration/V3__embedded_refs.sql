-- STIX's embedded relationships: a sighting's sighting_of_ref and where_sighted_refs, a report's
-- object_refs, any object's created_by_ref, and every other top-level *_ref / *_refs property,
-- indexed by target, so that "what points at this object" is a lookup rather than a scan.
-- Stores created before this table are filled by rebuilding the derived indexes when it is added
-- (Database.migrate).
CREATE TABLE embedded_ref (
    object_id VARCHAR(300) NOT NULL,
    property  VARCHAR(250) NOT NULL,
    target_id VARCHAR(300) NOT NULL,
    PRIMARY KEY (object_id, property, target_id)
);
CREATE INDEX ix_embedded_ref_target ON embedded_ref (target_id, property);
