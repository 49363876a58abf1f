package org.sightline.intel.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sightline.error.InvalidInputException;

/**
 * How fast an indicator stops being worth matching: its score halves every half-life of its
 * observable type after it was last confirmed (a sighting, or a new version from its source). An
 * address is re-assigned in weeks, a domain lapses in months, a file's hash names that file for
 * years. A user may set another half-life for a type, or for one source's indicators (of one type,
 * or of every type: a feed of short-lived scanner addresses ages faster than a partner's vetted
 * list). The score starts from the indicator's STIX confidence (0–100, as 0–1), or
 * {@value #UNRATED} when it states none; under {@value #EXPIRED_BELOW} it is expired.
 */
public record IndicatorDecay(Map<String, Duration> halfLives, Duration otherwise, Map<String, Duration> bySource) {
    static final double UNRATED = 0.75;
    public static final double EXPIRED_BELOW = 0.2;
    /** The file in a data directory whose lines are half-lives, as --half-life takes them: every front end reads it. */
    public static final String FILE = "half-lives.conf";
    private static final String ANY_TYPE = "*";

    public IndicatorDecay {
        halfLives = Map.copyOf(halfLives);
        bySource = Map.copyOf(bySource);
    }

    public static IndicatorDecay defaults() {
        return new IndicatorDecay(Map.of("ipv4-addr", Duration.ofDays(30), "ipv6-addr", Duration.ofDays(30), "network-traffic", Duration.ofDays(30),
                "url", Duration.ofDays(60), "domain-name", Duration.ofDays(90), "email-addr", Duration.ofDays(180), "email-message", Duration.ofDays(180),
                "x509-certificate", Duration.ofDays(365), "file", Duration.ofDays(730)), Duration.ofDays(180), Map.of());
    }

    /** The defaults with the half-lives a data directory's {@value #FILE} sets (one per line, # for comments). */
    public static IndicatorDecay of(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        IndicatorDecay decay = defaults();
        if (!Files.isRegularFile(file)) {
            return decay;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                decay = decay.with(line);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return decay;
    }

    /**
     * The same with one half-life set, as a user overrides it: "ipv4-addr=14" for a type,
     * "identity--…:ipv4-addr=7" for one source's indicators of a type, "identity--…:*=30" for all of them.
     */
    public IndicatorDecay with(String override) {
        int equals = override == null ? -1 : override.lastIndexOf('=');
        try {
            if (equals > 0) {
                long days = Long.parseLong(override.substring(equals + 1).trim());
                String what = override.substring(0, equals).trim();
                int colon = what.lastIndexOf(':');
                String source = colon < 0 ? null : what.substring(0, colon).trim();
                String type = colon < 0 ? what : what.substring(colon + 1).trim();
                boolean validSource = source == null || source.matches("identity--[0-9a-f-]{36}");
                boolean validType = type.matches("[a-z0-9-]+") || (source != null && type.equals(ANY_TYPE));
                if (days > 0 && validSource && validType) {
                    if (source == null) {
                        Map<String, Duration> changed = new HashMap<>(halfLives);
                        changed.put(type, Duration.ofDays(days));
                        return new IndicatorDecay(changed, otherwise, bySource);
                    }
                    Map<String, Duration> changed = new HashMap<>(bySource);
                    changed.put(source + "|" + type, Duration.ofDays(days));
                    return new IndicatorDecay(halfLives, otherwise, changed);
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidInputException("a half-life is [SOURCE:]TYPE=DAYS with DAYS above 0 (ipv4-addr=14, file=1095, "
                + "identity--…:domain-name=30, identity--…:*=30), not '" + override + "'");
    }

    public Duration halfLife(String observableType) {
        return halfLives.getOrDefault(observableType, otherwise);
    }

    /** The half-life for one source's indicators of a type: the source's own for the type, else for all its types, else the type's. */
    public Duration halfLife(String source, String observableType) {
        Duration own = source == null ? null : bySource.getOrDefault(source + "|" + observableType, bySource.get(source + "|" + ANY_TYPE));
        return own != null ? own : halfLife(observableType);
    }

    /** True when the source has a half-life of its own for the type. */
    public boolean setForSource(String source, String observableType) {
        return source != null && (bySource.containsKey(source + "|" + observableType) || bySource.containsKey(source + "|" + ANY_TYPE));
    }

    /** The score after {@code elapsed} since the last confirmation, from {@code base}. */
    public double score(double base, Duration elapsed, String observableType) {
        return score(base, elapsed, halfLife(observableType));
    }

    public static double score(double base, Duration elapsed, Duration halfLife) {
        double halfLives = Math.max(0, elapsed.toSeconds()) / (double) halfLife.toSeconds();
        return base * Math.pow(0.5, halfLives);
    }
}
