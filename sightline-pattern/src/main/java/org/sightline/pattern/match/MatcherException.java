package org.sightline.pattern.match;

import org.sightline.error.InvalidInputException;

/**
 * A pattern that parses but cannot be evaluated against these observations: a set of mixed types,
 * a timestamp literal compared with a string that is no timestamp, an invalid CIDR block.
 */
public final class MatcherException extends InvalidInputException {
    public MatcherException(String message) {
        super(message);
    }
}
