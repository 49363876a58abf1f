package org.sightline.intel.lifecycle;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.sightline.error.InvalidInputException;

/**
 * How fast an indicator stops being worth matching: its score halves every half-life of its
 * observable type after it was last confirmed (a sighting, or a new version from its source). An
 * address is re-assigned in weeks, a domain lapses in months, a file's hash names that file for
 * years. The score starts from the indicator's STIX confidence (0–100, as 0–1), or {@value #UNRATED}
 * when it states none; under {@value #EXPIRED_BELOW} it is expired.
 */
public record IndicatorDecay(Map<String, Duration> halfLives, Duration otherwise) {
    static final double UNRATED = 0.75;
    public static final double EXPIRED_BELOW = 0.2;

    public IndicatorDecay {
        halfLives = Map.copyOf(halfLives);
    }

    public static IndicatorDecay defaults() {
        return new IndicatorDecay(Map.of("ipv4-addr", Duration.ofDays(30), "ipv6-addr", Duration.ofDays(30), "network-traffic", Duration.ofDays(30),
                "url", Duration.ofDays(60), "domain-name", Duration.ofDays(90), "email-addr", Duration.ofDays(180), "email-message", Duration.ofDays(180),
                "x509-certificate", Duration.ofDays(365), "file", Duration.ofDays(730)), Duration.ofDays(180));
    }

    /** The same with one type's half-life set, as a user overrides it ("ipv4-addr=14"). */
    public IndicatorDecay with(String override) {
        int equals = override == null ? -1 : override.indexOf('=');
        try {
            if (equals > 0) {
                long days = Long.parseLong(override.substring(equals + 1).trim());
                if (days > 0) {
                    Map<String, Duration> changed = new HashMap<>(halfLives);
                    changed.put(override.substring(0, equals).trim(), Duration.ofDays(days));
                    return new IndicatorDecay(changed, otherwise);
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidInputException("a half-life is TYPE=DAYS with DAYS above 0 (ipv4-addr=14, file=1095), not '" + override + "'");
    }

    public Duration halfLife(String observableType) {
        return halfLives.getOrDefault(observableType, otherwise);
    }

    /** The score after {@code elapsed} since the last confirmation, from {@code base}. */
    public double score(double base, Duration elapsed, String observableType) {
        double halfLives = Math.max(0, elapsed.toSeconds()) / (double) halfLife(observableType).toSeconds();
        return base * Math.pow(0.5, halfLives);
    }
}
