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

    /** Remembers where a pull from a remote feed got to, committed with the objects it fetched. */
    void moveCursor(String feed, String position);

    /**
     * Tells the listener of every version that becomes the current one of its id, once its batch is
     * written (the transaction may still roll back). Lets an import index what it stores as it goes.
     */
    void whenCurrent(java.util.function.Consumer<StixObject> listener);
}
