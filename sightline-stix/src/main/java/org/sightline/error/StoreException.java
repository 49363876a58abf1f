package org.sightline.error;

/** The knowledge store could not do what was asked (connection, migration, I/O). */
public class StoreException extends SightlineException {
    public StoreException(String message, Throwable cause) {
        super("store_error", message, cause);
    }
}
