package org.sightline.error;

/** The request cannot be done in the current state (for example, the data directory is in use). */
public class ConflictException extends SightlineException {
    public ConflictException(String message) {
        super("conflict", message);
    }
}
