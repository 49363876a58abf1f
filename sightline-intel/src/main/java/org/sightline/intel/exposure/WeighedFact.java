package org.sightline.intel.exposure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One fact about an actor as the ranking weighs it, however many sources and linked objects state
 * it: its strength is the best statement's weight × confidence × recency, times how specific the
 * fact is among actors; every statement is kept for the reasons shown.
 */
record WeighedFact(TargetingFacts.Dimension dimension, String value, double strength, int holders,
                List<TargetingFacts.Fact> statements) {

    /** The facts merged by what they say, strongest first (ties in the order the facts came). */
    static List<WeighedFact> of(TargetingFacts.Actor actor, List<TargetingFacts.Fact> facts, Specificity specificity, Instant asOf) {
        Map<String, List<TargetingFacts.Fact>> byKey = new LinkedHashMap<>();
        facts.forEach(fact -> byKey.computeIfAbsent(fact.key(), k -> new ArrayList<>()).add(fact));
        List<WeighedFact> evidence = new ArrayList<>();
        byKey.values().forEach(statements -> {
            TargetingFacts.Fact first = statements.get(0);
            double best = statements.stream().mapToDouble(f -> f.weight() * f.confidence() * Recency.of(f.dated(), asOf)).max().orElse(0);
            evidence.add(new WeighedFact(first.dimension(), first.value(), best * specificity.of(actor, first), specificity.holders(first),
                    List.copyOf(statements)));
        });
        evidence.sort(Comparator.comparingDouble(WeighedFact::strength).reversed());
        return evidence;
    }

    /** The newest date any statement of it has, or null when none is dated. */
    Instant dated() {
        return statements.stream().map(TargetingFacts.Fact::dated).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    String key() {
        return statements.get(0).key();
    }

    /** The kinds of source that state it (sighting, campaign, relationship, claim, galaxy). */
    Set<TargetingFacts.Kind> kinds() {
        Set<TargetingFacts.Kind> kinds = new LinkedHashSet<>();
        statements.forEach(statement -> kinds.add(statement.kind()));
        return kinds;
    }

    /** Each distinct statement once, with its source: "CFR lists 'High-Tech' among its targets [MISP galaxy threat-actor]". */
    List<String> said() {
        Set<String> said = new LinkedHashSet<>();
        statements.forEach(statement -> said.add(statement.reason() + " [" + statement.source() + "]"));
        return List.copyOf(said);
    }
}
