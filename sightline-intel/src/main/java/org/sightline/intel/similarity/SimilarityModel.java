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
 *
 * <p>The score shown is not that sum but a probability: the share of each group in a softmax of the
 * sums over all known groups, at a temperature fitted so that on the benchmark the top group's
 * probability matches how often it is right (see docs/attribution.md). Groups are ranked by the sum.
 */
public final class SimilarityModel {
    /**
     * Weights of indirect evidence, a floor added to every item's rarity, and how strongly a large
     * repertoire is discounted (score / size^sizeExponent); chosen on the benchmark protocol of
     * docs/attribution.md.
     */
    public record Parameters(double campaign, double parent, double child, double viaSoftware, double rarityFloor,
                             double sizeExponent, double sibling, double temperature) {
        public static Parameters defaults() {
            return new Parameters(0.8, 0.3, 0.2, 0.1, 0.0, 0.35, 0.1, 4.0);
        }
    }

    /** A group's weighted items, and how many items it is directly known for. */
    public record Profile(AttackCatalog.Group group, Map<String, Double> weights, double size) {
    }

    /**
     * One ranked group: the probability that it is the one observed, among the known groups, and the
     * reasons: shared items, the telling (rare) ones among them, and unexplained ones.
     */
    public record Ranked(String id, String name, String externalId, double score, List<String> shared,
                         List<String> distinctive, List<String> unexplained) {
    }

    private final AttackCatalog catalog;
    private final Parameters parameters;
    private final Map<String, List<String>> childrenOf;
    private final List<Profile> profiles;
    private final Map<String, Integer> groupsUsing;

    public SimilarityModel(AttackCatalog catalog, Parameters parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
        this.childrenOf = new HashMap<>();
        this.profiles = new ArrayList<>();
        this.groupsUsing = new HashMap<>();
        catalog.parentOf().forEach((child, parent) -> childrenOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(child));
        for (AttackCatalog.Group group : catalog.groups()) {
            profiles.add(profile(group));
            group.items().forEach(item -> groupsUsing.merge(item, 1, Integer::sum));
        }
    }

    private SimilarityModel(SimilarityModel base, AttackCatalog catalog, List<Profile> profiles, Map<String, Integer> groupsUsing) {
        this.catalog = catalog;
        this.parameters = base.parameters;
        this.childrenOf = base.childrenOf;
        this.profiles = profiles;
        this.groupsUsing = groupsUsing;
    }

    /**
     * The model as it would be built from this catalogue with one group's behaviour replaced, without
     * rebuilding every other profile: how many groups use each item is updated too, so nothing the
     * replacement removes is still counted anywhere (the benchmark hides items this way).
     */
    public SimilarityModel withGroup(int index, AttackCatalog.Group replacement) {
        Map<String, Integer> using = new HashMap<>(groupsUsing);
        catalog.groups().get(index).items().forEach(item -> using.merge(item, -1, Integer::sum));
        replacement.items().forEach(item -> using.merge(item, 1, Integer::sum));
        List<Profile> replaced = new ArrayList<>(profiles);
        replaced.set(index, profile(replacement));
        return new SimilarityModel(this, catalog.withGroup(index, replacement), replaced, using);
    }

    private Profile profile(AttackCatalog.Group group) {
        Collection<String> techniques = group.techniques();
        Collection<String> software = group.software();
        Collection<String> campaignItems = group.campaignItems();
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

    /** Ranks every known group for the observed items, best first, at most {@code top} of them. */
    public List<Ranked> rank(Collection<String> observed, int top) {
        Set<String> items = new HashSet<>(observed);
        double[] fit = new double[profiles.size()];
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < profiles.size(); i++) {
            fit[i] = fit(items, profiles.get(i));
            best = Math.max(best, fit[i]);
        }
        double total = 0;
        for (double value : fit) {
            total += Math.exp(parameters.temperature() * (value - best));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -fit[i]).thenComparing(i -> profiles.get(i).group().id()));
        List<Ranked> ranked = new ArrayList<>();
        for (int i : order.subList(0, Math.min(top, order.size()))) {
            double probability = Math.exp(parameters.temperature() * (fit[i] - best)) / total;
            ranked.add(explain(items, profiles.get(i), probability));
        }
        return ranked;
    }

    /**
     * How well each known group fits the observed items (the sum the ranking sorts by, before the
     * softmax, with the repertoire discount given), with its explanation, in the catalogue's order.
     */
    public List<Fit> fits(Collection<String> observed, double sizeExponent) {
        Set<String> items = new HashSet<>(observed);
        List<Fit> fits = new ArrayList<>(profiles.size());
        for (Profile profile : profiles) {
            fits.add(new Fit(profile.group(), fit(items, profile, sizeExponent), explain(items, profile, 0)));
        }
        return fits;
    }

    /** The discount of large repertoires the ranking uses (score / size^exponent). */
    public double sizeExponent() {
        return parameters.sizeExponent();
    }

    /** One group's fit to the observed items and why. */
    public record Fit(AttackCatalog.Group group, double value, Ranked explanation) {
    }

    /** The temperature that turns fits into probabilities (see {@link Parameters}). */
    public double temperature() {
        return parameters.temperature();
    }

    /** Each observed item's rarity times the profile's weight for it, over the repertoire's size^sizeExponent. */
    private double fit(Set<String> items, Profile profile) {
        return fit(items, profile, parameters.sizeExponent());
    }

    private double fit(Set<String> items, Profile profile, double sizeExponent) {
        int groups = catalog.groups().size();
        double score = 0;
        for (String item : items) {
            double idf = Math.log((groups + 1.0) / (groupsUsing.getOrDefault(item, 0) + 1.0)) + parameters.rarityFloor();
            score += idf * profile.weights().getOrDefault(item, 0.0);
        }
        return score / Math.pow(Math.max(1.0, profile.size()), sizeExponent);
    }

    private Ranked explain(Set<String> items, Profile profile, double probability) {
        List<String> shared = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        for (String item : items.stream().sorted().toList()) {
            double weight = profile.weights().getOrDefault(item, 0.0);
            if (weight >= 1.0) {
                shared.add(item);
            } else if (weight == 0.0) {
                unexplained.add(item);
            }
        }
        int rare = Math.max(2, catalog.groups().size() / 20);
        List<String> distinctive = shared.stream()
                .filter(item -> groupsUsing.getOrDefault(item, 0) <= rare)
                .sorted(Comparator.comparingInt(item -> groupsUsing.getOrDefault(item, 0)))
                .toList();
        AttackCatalog.Group group = profile.group();
        return new Ranked(group.id(), group.name(), group.externalId(), Math.round(probability * 10000) / 10000.0,
                shared, distinctive, unexplained);
    }
}
