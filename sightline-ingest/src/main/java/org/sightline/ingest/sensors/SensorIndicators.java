package org.sightline.ingest.sensors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sightline.pattern.atoms.AtomicParts;
import org.sightline.pattern.parse.PatternParser;
import org.sightline.pattern.parse.PatternSyntaxException;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;

/**
 * The indicators a sensor should get, split into the values it can look up: every current STIX
 * indicator in the store as given (a cleared view for a token's clearance), not revoked, valid at
 * {@code now} (valid_from reached, valid_until not passed), and with at least {@code minConfidence}
 * when one is asked for. An indicator whose pattern is no alternative of single values is kept
 * aside with the reason, so every export can list what it left out.
 */
public final class SensorIndicators {

    /** An indicator to export: the STIX object and the values its pattern is an alternative of. */
    public record Exported(StixObject indicator, List<AtomicParts.Atom> atoms) {
        /** What a sensor's analyst reads for it: its name, else its description, else its id. */
        public String label() {
            String name = indicator.name() != null ? indicator.name() : indicator.text("description");
            return name == null || name.isBlank() ? indicator.id() : name;
        }
    }

    /** An indicator, or one value of it, that a format cannot carry, and why. */
    public record Left(String indicatorId, String pattern, String why) {
    }

    private final List<Exported> exported = new ArrayList<>();
    private final List<Left> left = new ArrayList<>();

    private SensorIndicators() {
    }

    public static SensorIndicators of(StixStore store, Instant now, Integer minConfidence) {
        return of(store, now, minConfidence, id -> true);
    }

    /** The same, keeping only the indicators whose id {@code keep} accepts (those whose decayed score is high enough, say). */
    public static SensorIndicators of(StixStore store, Instant now, Integer minConfidence, java.util.function.Predicate<String> keep) {
        SensorIndicators result = new SensorIndicators();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("indicator"), Set.of(), false), indicator -> {
            String pattern = indicator.text("pattern");
            String patternType = indicator.text("pattern_type");
            if (indicator.revoked() || pattern == null || patternType != null && !patternType.equals("stix") || !validAt(indicator, now)) {
                return;
            }
            if (minConfidence != null && indicator.json().path("confidence").asInt(-1) < minConfidence || !keep.test(indicator.id())) {
                return;
            }
            AtomicParts.Result parts;
            try {
                parts = AtomicParts.of(PatternParser.parse(pattern));
            } catch (PatternSyntaxException e) {
                result.left.add(new Left(indicator.id(), pattern, "the pattern does not parse: " + e.getMessage()));
                return;
            }
            if (parts.atomic()) {
                result.exported.add(new Exported(indicator, parts.atoms()));
            } else {
                result.left.add(new Left(indicator.id(), pattern, parts.whyNot()));
            }
        });
        result.exported.sort(java.util.Comparator.comparing(e -> e.indicator().id()));
        result.left.sort(java.util.Comparator.comparing(Left::indicatorId));
        return result;
    }

    private static boolean validAt(StixObject indicator, Instant now) {
        String from = indicator.text("valid_from");
        String until = indicator.text("valid_until");
        return (from == null || !StixTimestamp.isValid(from) || !StixTimestamp.parse(from).isAfter(now))
                && (until == null || !StixTimestamp.isValid(until) || StixTimestamp.parse(until).isAfter(now));
    }

    /**
     * Offers every value of every exported indicator to a format: {@code take} returns null when it
     * took the value, else why the format cannot carry it. Gives what was left out (the patterns that
     * split into no values, then each refused value) and how many indicators gave at least one value.
     */
    public Taken eachValue(java.util.function.BiFunction<Exported, AtomicParts.Atom, String> take) {
        List<Left> refused = new ArrayList<>(left);
        int indicators = 0;
        for (Exported indicator : exported) {
            boolean any = false;
            for (AtomicParts.Atom atom : indicator.atoms()) {
                String why = take.apply(indicator, atom);
                if (why == null) {
                    any = true;
                } else {
                    refused.add(new Left(indicator.indicator().id(), atom.pattern(), why));
                }
            }
            indicators += any ? 1 : 0;
        }
        return new Taken(indicators, List.copyOf(refused));
    }

    /** How many indicators a format took a value of, and what it left out. */
    public record Taken(int indicators, List<Left> left) {
    }

    public List<Exported> exported() {
        return exported;
    }

    /** Indicators whose pattern no value look-up can carry. */
    public List<Left> left() {
        return left;
    }
}
