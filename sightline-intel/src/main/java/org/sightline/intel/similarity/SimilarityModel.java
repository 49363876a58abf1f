package org.sightline.intel.similarity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks intrusion sets by how well an observed set of techniques and software fits each one's
 * behaviour profile (see docs/attribution.md). A profile holds what the group uses (weight 1), what
 * its campaigns used, the parents and children of its techniques, and the techniques its software
 * implements (lower weights). Each observed item adds its rarity (log of groups over groups using
 * it) times the profile's weight for it; the sum is divided by size^0.35, so a group that explains
 * the observations with a small repertoire beats one that explains them with a huge one. An item
 * the profile lacks adds nothing rather than vetoing the group: one stray observation, or a
 * technique nobody has reported for the group yet, must not hide the right answer.
 */
public final class SimilarityModel {
    /**
     * Weights of indirect evidence, a floor added to every item's rarity, and how strongly a large
     * repertoire is discounted (score / size^sizeExponent); chosen on the benchmark protocol of
     * docs/attribution.md.
     */
    public record Parameters(double campaign, double parent, double child, double viaSoftware, double rarityFloor,
                             double sizeExponent, double sibling) {
        public static Parameters defaults() {
            return new Parameters(0.8, 0.3, 0.2, 0.1, 0.0, 0.35, 0.1);
        }
    }

    /** A group's weighted items, and how many items it is directly known for. */
    public record Profile(AttackCatalog.Group group, Map<String, Double> weights, double size) {
    }

    /** One ranked group with the reasons: shared items, the telling (rare) ones among them, and unexplained ones. */
    public record Ranked(String id, String name, String externalId, double score, List<String> shared,
                         List<String> distinctive, List<String> unexplained) {
    }

    private final AttackCatalog catalog;
    private final Parameters parameters;
    private final Map<String, List<String>> childrenOf = new HashMap<>();
    private final List<Profile> profiles = new ArrayList<>();
    private final Map<String, Integer> groupsUsing = new HashMap<>();

    public SimilarityModel(AttackCatalog catalog, Parameters parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
        catalog.parentOf().forEach((child, parent) -> childrenOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(child));
        for (AttackCatalog.Group group : catalog.groups()) {
            Profile profile = profile(group, group.techniques(), group.software(), group.campaignItems());
            profiles.add(profile);
            group.items().forEach(item -> groupsUsing.merge(item, 1, Integer::sum));
        }
    }

    public List<Profile> profiles() {
        return profiles;
    }

    /** The profile of a group from the items given (the benchmark hides some). */
    public Profile profile(AttackCatalog.Group group, Collection<String> techniques, Collection<String> software,
                           Collection<String> campaignItems) {
        Map<String, Double> weights = new HashMap<>();
        for (String technique : techniques) {
            put(weights, technique, 1.0);
            String parent = catalog.parentOf().get(technique);
            if (parent != null) {
                put(weights, parent, parameters.parent());
                if (parameters.sibling() > 0) {
                    for (String sibling : childrenOf.getOrDefault(parent, List.of())) {
                        put(weights, sibling, parameters.sibling());
                    }
                }
            }
            for (String child : childrenOf.getOrDefault(technique, List.of())) {
                put(weights, child, parameters.child());
            }
        }
        for (String tool : software) {
            put(weights, tool, 1.0);
            for (String technique : catalog.softwareTechniques().getOrDefault(tool, Set.of())) {
                put(weights, technique, parameters.viaSoftware());
            }
        }
        for (String item : campaignItems) {
            put(weights, item, parameters.campaign());
        }
        double size = techniques.size() + software.size() + campaignItems.size();
        return new Profile(group, weights, size);
    }

    private static void put(Map<String, Double> weights, String item, double weight) {
        weights.merge(item, weight, Math::max);
    }

    /** Ranks the given profiles (normally {@link #profiles()}) for the observed items, best first. */
    public List<Ranked> rank(Collection<String> observed, List<Profile> candidates, int top) {
        Set<String> items = new HashSet<>(observed);
        List<Ranked> ranked = new ArrayList<>(candidates.size());
        for (Profile profile : candidates) {
            ranked.add(score(items, profile));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::id));
        return ranked.subList(0, Math.min(top, ranked.size()));
    }

    public List<Ranked> rank(Collection<String> observed, int top) {
        return rank(observed, profiles, top);
    }

    private Ranked score(Set<String> items, Profile profile) {
        double score = 0;
        List<String> shared = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        int groups = catalog.groups().size();
        for (String item : items) {
            double weight = profile.weights().getOrDefault(item, 0.0);
            double idf = Math.log((groups + 1.0) / (groupsUsing.getOrDefault(item, 0) + 1.0)) + parameters.rarityFloor();
            score += idf * weight;
            if (weight >= 1.0) {
                shared.add(item);
            } else if (weight == 0.0) {
                unexplained.add(item);
            }
        }
        List<String> distinctive = shared.stream()
                .filter(item -> groupsUsing.getOrDefault(item, 0) <= Math.max(2, catalog.groups().size() / 20))
                .sorted(Comparator.comparingInt(item -> groupsUsing.getOrDefault(item, 0)))
                .toList();
        score /= Math.pow(Math.max(1.0, profile.size()), parameters.sizeExponent());
        AttackCatalog.Group group = profile.group();
        return new Ranked(group.id(), group.name(), group.externalId(), Math.round(score * 1000) / 1000.0,
                shared, distinctive, unexplained);
    }
}
