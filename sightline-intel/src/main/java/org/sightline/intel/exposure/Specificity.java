package org.sightline.intel.exposure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much a targeting fact says about one actor, by how few actors share it: the smoothed inverse
 * document frequency of TTP similarity, over actors instead of techniques. "Targets the technology
 * sector" or "victims in the United States", held by hundreds of the actors a galaxy brings, tells
 * a third-party-risk team almost nothing about which of them to fear; "goes after managed IT
 * providers", held by one, tells a great deal. And by how focused the actor is: a galaxy entry
 * listing sixteen target categories says less about each than one listing two (the length
 * normalisation of text retrieval, 1/√n over the sectors, or the countries, the actor lists). Facts
 * about a supplier itself (sighted there, named as a target) are specific by nature and keep their
 * whole weight.
 */
final class Specificity {
    private final Map<String, Integer> holders;
    private final int actors;
    /** By actor id, how many distinct values it lists in each dimension. */
    private final Map<String, Map<TargetingFacts.Dimension, Integer>> breadth;

    private Specificity(Map<String, Integer> holders, int actors, Map<String, Map<TargetingFacts.Dimension, Integer>> breadth) {
        this.holders = holders;
        this.actors = actors;
        this.breadth = breadth;
    }

    /** Counts, for every fact, how many of the actors hold it (an actor stating it twice holds it once). */
    static Specificity among(List<TargetingFacts.Actor> actors) {
        Map<String, Integer> holders = new HashMap<>();
        Map<String, Map<TargetingFacts.Dimension, Integer>> breadth = new HashMap<>();
        for (TargetingFacts.Actor actor : actors) {
            Set<String> held = new HashSet<>();
            actor.facts().forEach(fact -> held.add(fact.key()));
            held.forEach(key -> holders.merge(key, 1, Integer::sum));
            Map<TargetingFacts.Dimension, Set<String>> values = new java.util.EnumMap<>(TargetingFacts.Dimension.class);
            actor.facts().forEach(fact -> values.computeIfAbsent(fact.dimension(), k -> new HashSet<>()).add(fact.value()));
            Map<TargetingFacts.Dimension, Integer> listed = new java.util.EnumMap<>(TargetingFacts.Dimension.class);
            values.forEach((dimension, distinct) -> listed.put(dimension, distinct.size()));
            breadth.put(actor.id(), listed);
        }
        return new Specificity(holders, actors.size(), breadth);
    }

    int actors() {
        return actors;
    }

    int holders(TargetingFacts.Fact fact) {
        return holders.getOrDefault(fact.key(), 1);
    }

    /**
     * 1 for the only value an actor lists that no other actor holds (or a fact about the supplier
     * itself), falling towards 0 as every actor holds it and as the actor lists more values beside it.
     */
    double of(TargetingFacts.Actor actor, TargetingFacts.Fact fact) {
        return switch (fact.dimension()) {
            case SUPPLIER -> 1.0;
            case SERVICE -> rarity(fact);
            case SECTOR, COUNTRY -> rarity(fact) * focus(actor, fact.dimension());
        };
    }

    /** How few actors hold the fact: log(1 + N/n) / log(1 + N), the smoothed inverse document frequency scaled to 1. */
    double rarity(TargetingFacts.Fact fact) {
        return actors <= 1 ? 1.0 : Math.log1p((double) actors / holders(fact)) / Math.log1p(actors);
    }

    /** 1/√n for an actor that lists n values in the dimension. */
    double focus(TargetingFacts.Actor actor, TargetingFacts.Dimension dimension) {
        int listed = breadth.getOrDefault(actor.id(), Map.of()).getOrDefault(dimension, 1);
        return 1 / Math.sqrt(Math.max(1, listed));
    }
}
