package org.sightline.cli.pattern;

import org.sightline.error.InvalidInputException;
import picocli.CommandLine.Option;

/** --stix-version for the pattern tools: 2.1 unless 2.0 is asked for. */
public final class StixVersionOption {
    @Option(names = "--stix-version", defaultValue = "2.1", description = "2.1 (default) or 2.0.")
    String value;

    /** The version asked for, checked. */
    public String value() {
        if (!value.equals("2.1") && !value.equals("2.0")) {
            throw new InvalidInputException("--stix-version must be 2.0 or 2.1, got " + value);
        }
        return value;
    }
}
