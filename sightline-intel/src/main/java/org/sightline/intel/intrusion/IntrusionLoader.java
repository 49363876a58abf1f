package org.sightline.intel.intrusion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.intel.actors.Provenance;
import org.sightline.intel.claims.ClaimAssessor;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTypes;
import org.sightline.store.StixStore;
import org.sightline.store.names.NameKey;

/**
 * Reads what a campaign, report or grouping in the store shows as an {@link Intrusion}: for a
 * campaign, what it uses and targets, the indicators that indicate it, its first and last seen, and
 * the actors it is attributed to; for a report or grouping, the same gathered from the objects it
 * refers to, dated by its publication.
 */
public final class IntrusionLoader {
    private static final Set<String> INTRUSION_TYPES = Set.of("campaign", "report", "grouping");

    private final StixStore store;

    public IntrusionLoader(StixStore store) {
        this.store = store;
    }

    /** The intrusion by STIX id, or by the name of a campaign, report or grouping (any case, spacing or hyphenation). */
    public Intrusion load(String idOrName) {
        StixObject object = find(idOrName);
        Gathered gathered = new Gathered();
        if (object.type().equals("campaign")) {
            gather(object.id(), gathered);
            gathered.from = date(object.text("first_seen"));
            gathered.to = date(object.text("last_seen"));
        } else {
            List<String> refs = object.strings("object_refs");
            for (StixObject referred : store.currentObjects(refs)) {
                referred(referred, gathered);
            }
            LocalDate published = date(object.text("published"));
            gathered.from = published;
            gathered.to = published;
        }
        return new Intrusion(object.id(), object.name(), List.copyOf(gathered.techniques), List.copyOf(gathered.software),
                List.copyOf(gathered.sectors), List.copyOf(gathered.countries), gathered.from, gathered.to,
                List.copyOf(gathered.indicators), gathered.claims);
    }

    private StixObject find(String idOrName) {
        String trimmed = idOrName.trim();
        if (trimmed.contains("--")) {
            StixObject object = store.current(trimmed).filter(o -> !o.revoked())
                    .orElseThrow(() -> new NotFoundException("no object " + trimmed + " in the knowledge store"));
            if (!INTRUSION_TYPES.contains(object.type())) {
                throw new InvalidInputException(trimmed + " is a " + object.type() + "; attribute takes a campaign, report or grouping");
            }
            return object;
        }
        List<StixStore.NameMatch> named = store.findByNameKey(NameKey.of(trimmed), INTRUSION_TYPES);
        if (named.isEmpty()) {
            throw new NotFoundException("no campaign, report or grouping is named '" + trimmed + "'");
        }
        List<String> ids = named.stream().map(StixStore.NameMatch::objectId).distinct().sorted().toList();
        if (ids.size() > 1) {
            throw new InvalidInputException("'" + trimmed + "' names " + ids.size() + " objects; give one of their ids: "
                    + String.join(", ", ids));
        }
        return store.current(ids.get(0)).orElseThrow();
    }

    /** What a campaign shows through its relationships. */
    private void gather(String campaignId, Gathered gathered) {
        List<StixStore.Edge> uses = store.edgesFrom(campaignId, "uses");
        List<StixStore.Edge> targets = store.edgesFrom(campaignId, "targets");
        List<String> ids = new ArrayList<>();
        uses.forEach(edge -> ids.add(edge.targetId()));
        targets.forEach(edge -> ids.add(edge.targetId()));
        for (StixObject target : store.currentObjects(ids)) {
            referred(target, gathered);
        }
        List<String> indicators = store.edgesTo(campaignId, "indicates").stream().map(StixStore.Edge::sourceId).toList();
        for (StixObject indicator : store.currentObjects(indicators)) {
            referred(indicator, gathered);
        }
        for (StixStore.Edge edge : store.edgesFrom(campaignId, "attributed-to")) {
            claim(edge, gathered);
        }
    }

    private void referred(StixObject object, Gathered gathered) {
        switch (object.type()) {
            case "attack-pattern" -> object.externalId("mitre-attack").ifPresent(gathered.techniques::add);
            case "malware", "tool" -> object.externalId("mitre-attack").ifPresent(gathered.software::add);
            case "identity" -> {
                List<String> sectors = object.strings("sectors");
                gathered.sectors.addAll(sectors);
                if (sectors.isEmpty() && "class".equals(object.text("identity_class")) && object.name() != null) {
                    gathered.sectors.add(object.name());
                }
            }
            case "location" -> {
                if (object.text("country") != null) {
                    gathered.countries.add(object.text("country"));
                }
            }
            case "indicator" -> {
                if (object.text("pattern") != null) {
                    gathered.indicators.addAll(IndicatorValues.of(object.text("pattern")));
                }
            }
            case "relationship" -> {
                if ("attributed-to".equals(object.text("relationship_type"))) {
                    claim(new StixStore.Edge(object.id(), object.text("source_ref"), "attributed-to", object.text("target_ref")), gathered);
                }
            }
            default -> {
            }
        }
    }

    /**
     * A source's statement that an actor did it: as sure as the claim's assessment when Sightline
     * holds evidence on it, else as the relationship's own STIX confidence, else "likely" (0.6),
     * what an unqualified published attribution is usually worth.
     */
    private void claim(StixStore.Edge edge, Gathered gathered) {
        if (!StixTypes.ACTOR_TYPES.contains(StixTypes.typeOf(edge.targetId()))) {
            return;
        }
        StixObject relationship = store.current(edge.relationshipId()).orElse(null);
        if (relationship == null) {
            return;
        }
        double probability = relationship.json().has("confidence") ? relationship.json().path("confidence").asInt() / 100.0 : 0.6;
        try {
            var assessment = gathered.assessor().assess(relationship.id(), java.time.Instant.now());
            if (!assessment.contributions().isEmpty()) {
                probability = assessment.probability();
            }
        } catch (NotFoundException | InvalidInputException notAClaim) {
            // a plain relationship: its own confidence stands
        }
        gathered.claims.add(new Intrusion.SourceClaim(edge.targetId(), probability, Provenance.of(store, relationship)));
    }

    private static LocalDate date(String timestamp) {
        return timestamp == null || timestamp.length() < 10 ? null : LocalDate.parse(timestamp.substring(0, 10));
    }

    private final class Gathered {
        final Set<String> techniques = new LinkedHashSet<>();
        final Set<String> software = new LinkedHashSet<>();
        final Set<String> sectors = new LinkedHashSet<>();
        final Set<String> countries = new LinkedHashSet<>();
        final Set<String> indicators = new LinkedHashSet<>();
        final List<Intrusion.SourceClaim> claims = new ArrayList<>();
        LocalDate from;
        LocalDate to;
        private ClaimAssessor assessor;

        /** One assessor for every claim of the intrusion: it reads the claim book once. */
        ClaimAssessor assessor() {
            if (assessor == null) {
                assessor = new ClaimAssessor(store);
            }
            return assessor;
        }
    }
}
