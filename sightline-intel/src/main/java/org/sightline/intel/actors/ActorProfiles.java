package org.sightline.intel.actors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;

/** Builds the full card of an actor from every object linked to it (see {@link ActorProfile}). */
public final class ActorProfiles {
    private static final int MAX_REFERENCES = 50;
    private final StixStore store;
    private final ActorDirectory directory;

    public ActorProfiles(StixStore store) {
        this.store = store;
        this.directory = new ActorDirectory(store);
    }

    public ActorProfile profile(String actorId) {
        StixObject actor = directory.actor(actorId);
        ActorCard card = directory.card(actor);
        List<StixObject> members = new ArrayList<>(List.of(actor));
        members.addAll(store.currentObjects(card.linkedObjects()));

        Map<String, ActorProfile.Sourced> countries = new LinkedHashMap<>();
        Map<String, ActorProfile.Sourced> sponsors = new LinkedHashMap<>();
        Map<String, ActorProfile.Sourced> sectors = new LinkedHashMap<>();
        Map<String, ActorProfile.Sourced> victims = new LinkedHashMap<>();
        Map<String, List<ActorProfile.Named>> byTactic = new TreeMap<>();
        Map<String, ActorProfile.Named> software = new LinkedHashMap<>();
        Map<String, ActorProfile.Named> campaigns = new LinkedHashMap<>();
        Map<String, ActorProfile.Named> associated = new LinkedHashMap<>();
        Set<String> references = new LinkedHashSet<>();
        List<String> seen = new ArrayList<>();
        for (StixObject member : members) {
            String source = Provenance.of(store, member);
            sourced(countries, member.json().path("x_misp_country"), source);
            sourced(sponsors, member.json().path("x_misp_cfr_suspected_state_sponsor"), source);
            sourced(sectors, member.json().path("x_misp_cfr_target_category"), source);
            sourced(victims, member.json().path("x_misp_cfr_suspected_victims"), source);
            addSeen(seen, member.text("first_seen"));
            addSeen(seen, member.text("last_seen"));
            for (JsonNode ref : member.json().path("external_references")) {
                if (ref.hasNonNull("url") && references.size() < MAX_REFERENCES) {
                    references.add(ref.get("url").asText());
                }
            }
            uses(member, byTactic, software);
            for (StixStore.Edge edge : store.edgesTo(member.id(), "attributed-to")) {
                store.current(edge.sourceId()).filter(o -> "campaign".equals(o.type())).ifPresent(campaign -> {
                    campaigns.putIfAbsent(campaign.id(), named(campaign, range(campaign)));
                    addSeen(seen, campaign.text("first_seen"));
                    addSeen(seen, campaign.text("last_seen"));
                });
            }
            related(member, associated);
        }
        // Only activity is "seen": when ATT&CK or a galaxy wrote its record (a galaxy's timestamps even stand for
        // its release number, 2000-01-01 plus N seconds) says nothing of when the actor acted, so none is shown.
        seen.sort(Comparator.comparing(StixTimestamp::sortKey));
        return new ActorProfile(actor.id(), actor.name(), card.externalId(), card.aliases(), List.copyOf(countries.values()),
                List.copyOf(sponsors.values()), List.copyOf(sectors.values()), List.copyOf(victims.values()), byTactic,
                List.copyOf(software.values()), List.copyOf(campaigns.values()), List.copyOf(associated.values()),
                seen.isEmpty() ? null : seen.get(0), seen.isEmpty() ? null : seen.get(seen.size() - 1),
                List.copyOf(references), card.summary());
    }

    /** Techniques grouped by ATT&CK tactic (kill-chain phase), and software. */
    private void uses(StixObject member, Map<String, List<ActorProfile.Named>> byTactic, Map<String, ActorProfile.Named> software) {
        List<String> targets = store.edgesFrom(member.id(), "uses").stream().map(StixStore.Edge::targetId).toList();
        Set<String> active = store.activeIds(targets);
        for (StixObject target : store.currentObjects(active)) {
            if ("attack-pattern".equals(target.type())) {
                List<String> tactics = new ArrayList<>();
                target.json().path("kill_chain_phases").forEach(phase -> tactics.add(phase.path("phase_name").asText()));
                if (tactics.isEmpty()) {
                    tactics.add("unspecified");
                }
                for (String tactic : tactics) {
                    List<ActorProfile.Named> list = byTactic.computeIfAbsent(tactic, t -> new ArrayList<>());
                    if (list.stream().noneMatch(n -> n.id().equals(target.id()))) {
                        list.add(named(target, null));
                    }
                }
            } else if ("malware".equals(target.type()) || "tool".equals(target.type())) {
                software.putIfAbsent(target.id(), named(target, target.type()));
            }
        }
        byTactic.values().forEach(list -> list.sort(Comparator.comparing(n -> n.externalId() == null ? n.name() : n.externalId())));
    }

    /** People and organisations tied to the actor by any relationship, with the relationship's type. */
    private void related(StixObject member, Map<String, ActorProfile.Named> associated) {
        List<StixStore.Edge> edges = new ArrayList<>(store.edgesFrom(member.id(), null));
        edges.addAll(store.edgesTo(member.id(), null));
        for (StixStore.Edge edge : edges) {
            String other = edge.sourceId().equals(member.id()) ? edge.targetId() : edge.sourceId();
            String type = org.sightline.stix.StixTypes.typeOf(other);
            if ("identity".equals(type) || "threat-actor".equals(type)) {
                store.current(other).ifPresent(o -> associated.putIfAbsent(o.id(), named(o, edge.type())));
            }
        }
    }

    private static void sourced(Map<String, ActorProfile.Sourced> into, JsonNode values, String source) {
        Iterable<JsonNode> items = values.isArray() ? values : (values.isMissingNode() || values.isNull() ? List.of() : List.of(values));
        for (JsonNode value : items) {
            String text = value.asText();
            ActorProfile.Sourced entry = into.computeIfAbsent(text.toLowerCase(java.util.Locale.ROOT),
                    k -> new ActorProfile.Sourced(text, new ArrayList<>()));
            if (!entry.sources().contains(source)) {
                entry.sources().add(source);
            }
        }
    }

    private static void addSeen(List<String> seen, String timestamp) {
        if (StixTimestamp.isValid(timestamp)) {
            seen.add(timestamp);
        }
    }

    private static String range(StixObject campaign) {
        String first = campaign.text("first_seen");
        String last = campaign.text("last_seen");
        return first == null && last == null ? null : (first == null ? "?" : first) + " .. " + (last == null ? "?" : last);
    }

    private static ActorProfile.Named named(StixObject object, String detail) {
        return new ActorProfile.Named(object.id(), object.name(), object.externalId("mitre-attack").orElse(null), detail);
    }

}
