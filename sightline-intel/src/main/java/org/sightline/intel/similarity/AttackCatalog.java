package org.sightline.intel.similarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.stix.StixObject;
import org.sightline.store.StixStore;

/**
 * What ATT&CK (or any STIX data in the same shape) says about behaviour: techniques and software
 * by their external ids, which technique a sub-technique belongs to, which techniques each piece of
 * software implements, and what each intrusion set uses directly or through campaigns attributed
 * to it. Revoked and deprecated objects are left out.
 */
public record AttackCatalog(Map<String, String> names, Set<String> items, Map<String, String> parentOf,
                            Map<String, Set<String>> softwareTechniques, List<Group> groups) {

    /** An intrusion set's known behaviour, by external id. */
    public record Group(String id, String name, String externalId, Set<String> techniques, Set<String> software,
                        Set<String> campaignItems) {
        /** Everything it is known to use: techniques, software, and what its campaigns used. */
        public Set<String> items() {
            Set<String> all = new HashSet<>(techniques);
            all.addAll(software);
            all.addAll(campaignItems);
            return all;
        }
    }

    /** Types whose objects are behaviour a group can be observed using: techniques and software. */
    private static final Set<String> BEHAVIOUR = Set.of("attack-pattern", "malware", "tool");

    public static AttackCatalog load(StixStore store) {
        Map<String, StixObject> byId = new HashMap<>();
        List<StixObject> relationships = new ArrayList<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("attack-pattern", "malware", "tool", "intrusion-set",
                "campaign", "relationship"), Set.of(), false), object -> {
            if (object.json().path("x_mitre_deprecated").asBoolean(false)) {
                return;
            }
            if ("relationship".equals(object.type())) {
                relationships.add(object);
            } else {
                byId.put(object.id(), object);
            }
        });
        Map<String, String> external = new HashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> items = new HashSet<>();
        byId.forEach((id, object) -> object.externalId("mitre-attack").ifPresent(ext -> {
            external.put(id, ext);
            names.put(ext, object.name());
            if (BEHAVIOUR.contains(object.type())) {
                items.add(ext);
            }
        }));
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Set<String>> softwareTechniques = new HashMap<>();
        Map<String, Set<String>> uses = new HashMap<>();
        Map<String, Set<String>> campaignsOf = new HashMap<>();
        for (StixObject relationship : relationships) {
            String source = relationship.text("source_ref");
            String target = relationship.text("target_ref");
            if (!byId.containsKey(source) || !byId.containsKey(target)) {
                continue;
            }
            switch (relationship.text("relationship_type")) {
                case "subtechnique-of" -> {
                    if (external.containsKey(source) && external.containsKey(target)) {
                        parentOf.put(external.get(source), external.get(target));
                    }
                }
                case "uses" -> {
                    String sourceType = byId.get(source).type();
                    if ((sourceType.equals("malware") || sourceType.equals("tool")) && external.containsKey(source)
                            && external.containsKey(target) && "attack-pattern".equals(byId.get(target).type())) {
                        softwareTechniques.computeIfAbsent(external.get(source), k -> new HashSet<>()).add(external.get(target));
                    } else if (external.containsKey(target)) {
                        uses.computeIfAbsent(source, k -> new HashSet<>()).add(target);
                    }
                }
                case "attributed-to" -> {
                    if ("campaign".equals(byId.get(source).type())) {
                        campaignsOf.computeIfAbsent(target, k -> new HashSet<>()).add(source);
                    }
                }
                default -> {
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        byId.values().stream().filter(o -> "intrusion-set".equals(o.type())).sorted(java.util.Comparator.comparing(StixObject::id))
                .forEach(group -> {
                    Set<String> techniques = new HashSet<>();
                    Set<String> software = new HashSet<>();
                    for (String target : uses.getOrDefault(group.id(), Set.of())) {
                        (byId.get(target).type().equals("attack-pattern") ? techniques : software).add(external.get(target));
                    }
                    Set<String> campaignItems = new HashSet<>();
                    for (String campaign : campaignsOf.getOrDefault(group.id(), Set.of())) {
                        for (String target : uses.getOrDefault(campaign, Set.of())) {
                            campaignItems.add(external.get(target));
                        }
                    }
                    campaignItems.removeAll(techniques);
                    campaignItems.removeAll(software);
                    // A group nothing is known to be used by (a MISP cluster, say) has no behaviour to compare.
                    if (!techniques.isEmpty() || !software.isEmpty() || !campaignItems.isEmpty()) {
                        groups.add(new Group(group.id(), group.name(), external.get(group.id()), techniques, software, campaignItems));
                    }
                });
        return new AttackCatalog(names, items, parentOf, softwareTechniques, groups);
    }

    /** The same catalogue with one group's known behaviour replaced (the benchmark hides part of it). */
    public AttackCatalog withGroup(int index, Group group) {
        List<Group> replaced = new ArrayList<>(groups);
        replaced.set(index, group);
        return new AttackCatalog(names, items, parentOf, softwareTechniques, List.copyOf(replaced));
    }

    /** The same catalogue as if no campaign were known: profiles from what each group is said to use itself. */
    public AttackCatalog withoutCampaigns() {
        List<Group> plain = groups.stream()
                .map(g -> new Group(g.id(), g.name(), g.externalId(), g.techniques(), g.software(), Set.of()))
                .filter(g -> !g.items().isEmpty())
                .toList();
        return new AttackCatalog(names, items, parentOf, softwareTechniques, plain);
    }

    /** Observed ids split into those the catalogue knows (upper-cased, first occurrence kept) and those it does not. */
    public record Observed(java.util.Set<String> known, List<String> unknown) {
    }

    public Observed observed(List<String> techniques, List<String> software) {
        java.util.Set<String> known = new java.util.LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        List<String> all = new ArrayList<>(techniques);
        all.addAll(software);
        for (String id : all) {
            String normalized = id.trim().toUpperCase(java.util.Locale.ROOT);
            if (items.contains(normalized)) {
                known.add(normalized);
            } else {
                unknown.add(id);
            }
        }
        return new Observed(known, unknown);
    }

    public boolean isSoftware(String externalId) {
        return externalId.startsWith("S");
    }
}
