package org.sightline.pattern.stream;

import java.time.Instant;

/** An indicator to match: its id, STIX pattern and validity window (valid_until exclusive, may be null). */
public record Indicator(String id, String pattern, Instant validFrom, Instant validUntil) {

    public boolean validAt(Instant time) {
        return (validFrom == null || !time.isBefore(validFrom)) && (validUntil == null || time.isBefore(validUntil));
    }
}
