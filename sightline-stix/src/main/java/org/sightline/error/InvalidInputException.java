package org.sightline.error;

import java.util.List;

/** Input that breaks a rule: a malformed bundle, an invalid object, a bad parameter. */
public class InvalidInputException extends SightlineException {
    private final List<String> details;

    public InvalidInputException(String message) {
        this(message, List.of());
    }

    public InvalidInputException(String message, List<String> details) {
        super("invalid_input", message);
        this.details = List.copyOf(details);
    }

    /** One line per offending item (object id and rule), when there is more than one. */
    public List<String> details() {
        return details;
    }
}
