package org.sightline.store;

import org.sightline.stix.StixObject;

/**
 * Writes object versions inside one store transaction. Versions are buffered and written in
 * batches; {@link #summary()} is exact once {@link #flush()} has run (the store flushes before commit).
 */
public interface StoreWriter {

    /** Adds the version unless the store already holds this (id, modified) pair. */
    void put(StixObject object);

    /** Writes what is buffered. */
    void flush();

    WriteSummary summary();
}
