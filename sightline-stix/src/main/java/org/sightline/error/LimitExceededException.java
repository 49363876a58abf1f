package org.sightline.error;

/**
 * Work stopped because it went past a limit set to protect the server (time, bindings, nesting,
 * size): the input was well-formed but too expensive. The message names the limit and its value;
 * the HTTP API answers 422, the CLI exits 1.
 */
public class LimitExceededException extends SightlineException {
    public LimitExceededException(String message) {
        super("limit_exceeded", message);
    }
}
