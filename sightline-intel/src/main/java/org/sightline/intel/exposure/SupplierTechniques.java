package org.sightline.intel.exposure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.intel.claims.ClaimAssessor;
import org.sightline.stix.StixObject;
import org.sightline.stix.vocabulary.SupplyVocabulary.ServiceType;
import org.sightline.store.StixStore;

/**
 * Targeting read from behaviour: an actor that uses ATT&CK's Trusted Relationship (T1199) comes in
 * through the providers that hold access to their customers; one that uses Supply Chain Compromise
 * (T1195 and its sub-techniques) through software vendors, their update channels or hardware. A
 * "uses" relationship from the actor, or from a campaign attributed to it, is a fact about those
 * service types, dated by the relationship, as specific as the few actors known to use them make it.
 */
final class SupplierTechniques {
    /** ATT&CK technique → the service types a supplier must provide for it to lead through that supplier. */
    static final Map<String, List<ServiceType>> THROUGH = Map.of(
            "T1199", List.of(ServiceType.MANAGED_IT_SERVICES),
            "T1195", List.of(ServiceType.SOFTWARE_VENDOR, ServiceType.SOFTWARE_UPDATE_CHANNEL, ServiceType.HARDWARE),
            "T1195.001", List.of(ServiceType.SOFTWARE_VENDOR),
            "T1195.002", List.of(ServiceType.SOFTWARE_VENDOR, ServiceType.SOFTWARE_UPDATE_CHANNEL),
            "T1195.003", List.of(ServiceType.HARDWARE));

    private SupplierTechniques() {
    }

    /** By actor object id, the service-type facts its (or its campaigns') use of those techniques gives. */
    static Map<String, List<TargetingFacts.Fact>> facts(StixStore store, Set<String> actors, Instant asOf, ClaimAssessor assessor) {
        Map<String, StixObject> techniques = new HashMap<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("attack-pattern"), Set.of(), false), pattern ->
                pattern.externalId("mitre-attack").filter(THROUGH::containsKey).ifPresent(id -> techniques.put(pattern.id(), pattern)));
        Map<String, List<TargetingFacts.Fact>> facts = new HashMap<>();
        for (StixObject technique : techniques.values()) {
            String attackId = technique.externalId("mitre-attack").orElseThrow();
            List<StixStore.Edge> uses = store.edgesTo(technique.id(), "uses");
            Map<String, StixObject> objects = store.currentOfEdges(uses, true, false);
            for (StixStore.Edge edge : uses) {
                StixObject relationship = objects.get(edge.relationshipId());
                StixObject user = objects.get(edge.sourceId());
                if (relationship == null || user == null || TargetingFacts.after(relationship, asOf)) {
                    continue;
                }
                String why = "uses " + technique.name() + " (" + attackId + ")";
                String source = "uses relationship " + relationship.id();
                if (actors.contains(user.id())) {
                    add(facts, user.id(), attackId, why, source, 1.0, TargetingFacts.Kind.TECHNIQUE,
                            TargetingFacts.evidenceDate(relationship, null, asOf));
                } else if ("campaign".equals(user.type())) {
                    for (StixStore.Edge attributed : store.edgesFrom(user.id(), "attributed-to")) {
                        if (actors.contains(attributed.targetId())) {
                            TargetingFacts.Attribution attribution = TargetingFacts.attribution(store, assessor,
                                    attributed.relationshipId(), user.name(), asOf);
                            add(facts, attributed.targetId(), attackId, why + (attribution.reason() == null ? "" : " (" + attribution.reason() + ")"),
                                    source, attribution.confidence(), TargetingFacts.Kind.CAMPAIGN,
                                    TargetingFacts.evidenceDate(relationship, user, asOf));
                        }
                    }
                }
            }
        }
        return facts;
    }

    private static void add(Map<String, List<TargetingFacts.Fact>> facts, String actor, String attackId, String why, String source,
                            double confidence, TargetingFacts.Kind kind, Instant dated) {
        for (ServiceType service : THROUGH.get(attackId)) {
            facts.computeIfAbsent(actor, k -> new ArrayList<>()).add(new TargetingFacts.Fact(TargetingFacts.Dimension.SERVICE,
                    service.label(), TargetingFacts.SERVICE_BY_TECHNIQUE, confidence, why, source, kind, dated));
        }
    }
}
