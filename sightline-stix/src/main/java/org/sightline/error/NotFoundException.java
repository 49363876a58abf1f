package org.sightline.error;

/** A named thing (object id, actor name, file) that does not exist. */
public class NotFoundException extends SightlineException {
    public NotFoundException(String message) {
        super("not_found", message);
    }
}
