package org.sightline.intel.actors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTypes;
import org.sightline.store.StixStore;
import org.sightline.store.StixStore.NameMatch;
import org.sightline.store.names.NameKey;

/**
 * Resolves any name, alias or ATT&CK id of an intrusion set, threat actor or campaign to the
 * object, whatever its case, spacing, hyphenation or punctuation, and builds its card. When a name
 * is not known exactly, the nearest names are offered as candidates, never silently chosen.
 */
public final class ActorDirectory {
    private static final int MAX_CANDIDATES = 5;
    private static final double MIN_CANDIDATE_SCORE = 0.6;
    private static final int SUMMARY_LENGTH = 300;
    private static final double TYPO_SCORE = 0.93;
    private static final double TYPO_MARGIN = 0.05;
    private static final Pattern MISP_ATTACK_LABEL = Pattern.compile("^(.+?)\\s+-\\s+(G\\d{4})$");

    private final StixStore store;
    private ActorClusters clusters;
    private long clustersAt = -1;

    public ActorDirectory(StixStore store) {
        this.store = store;
    }

    public ActorResolution resolve(String query) {
        String key = NameKey.of(query);
        if (key.isEmpty()) {
            throw new InvalidInputException("actor: the name '" + query + "' has no letters or digits to look up");
        }
        ActorClusters clusters = clusters();
        List<NameMatch> exact = exactMatches(query, key);
        List<Candidate> candidates;
        if (exact.isEmpty()) {
            List<Candidate> nearest = onePerActor(nearest(key), clusters);
            if (!clearTypo(nearest)) {
                return new ActorResolution(query, null, List.of(), false, List.of(), nearest);
            }
            // "Stone Pnada": one actor's name is so close, and so much closer than any other actor's, that it is a typo of it.
            String typoOf = nearest.get(0).matchedName();
            exact = exactMatches(typoOf, NameKey.of(typoOf));
            candidates = nearest;
        } else {
            candidates = exact.stream().map(this::candidate).toList();
        }
        List<NameHolder> holders = holders(exact, clusters);
        NameHolder first = holders.get(0);
        ActorCard card = store.current(first.id()).map(actor -> card(actor, clusters.members(actor.id()))).orElse(null);
        return new ActorResolution(query, card, first.sources(), holders.size() > 1, holders.subList(1, holders.size()), candidates);
    }

    /**
     * The actors holding an exactly matched name, one per cluster of linked objects, best first: a
     * canonical name before an alias (menuPass's "APT10" alias yields to an actor named APT10), then
     * an actor ATT&CK lists (its behaviour is known) before one only a galaxy or a report names.
     */
    private List<NameHolder> holders(List<NameMatch> exact, ActorClusters clusters) {
        Map<String, List<NameMatch>> byCluster = new LinkedHashMap<>();
        for (NameMatch match : exact) {
            byCluster.computeIfAbsent(clusters.root(match.objectId()), k -> new ArrayList<>()).add(match);
        }
        record Ranked(NameHolder holder, NameMatch best) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (List<NameMatch> matches : byCluster.values()) {
            NameMatch best = matches.get(0);
            String canonical = canonical(clusters.members(best.objectId()), best.objectId());
            StixObject shown = store.current(canonical).orElse(null);
            List<String> sources = new ArrayList<>();
            for (StixObject holder : store.currentObjects(matches.stream().map(NameMatch::objectId).toList())) {
                addOnce(sources, Provenance.of(store, holder));
            }
            sources.sort(null);
            ranked.add(new Ranked(new NameHolder(canonical, shown == null ? best.name() : shown.name(),
                    shown == null ? null : shown.externalId("mitre-attack").orElse(null), List.copyOf(sources)), best));
        }
        ranked.sort(Comparator.comparing((Ranked r) -> r.best().deprecated())
                .thenComparing(r -> !r.best().primary())
                .thenComparing(r -> r.holder().externalId() == null)
                .thenComparing(r -> typeOrder(r.best().objectType()))
                .thenComparing(r -> r.holder().id()));
        return ranked.stream().map(Ranked::holder).toList();
    }

    private Candidate candidate(NameMatch match) {
        String canonical = match.primary() ? match.name() : canonicalName(match.objectId());
        return new Candidate(match.objectId(), canonical, match.name(), match.primary() ? 1.0 : 0.95);
    }

    /** Objects carrying exactly this name key or external id, one entry per object, best first (see {@link #rank}). */
    private List<NameMatch> exactMatches(String query, String key) {
        List<NameMatch> matches = new ArrayList<>(store.findByNameKey(key, StixTypes.ACTOR_TYPES));
        Matcher label = MISP_ATTACK_LABEL.matcher(query.trim());
        String externalId = query.trim();
        if (matches.isEmpty() && label.matches()) {
            // MISP's mitre-intrusion-set tags read "APT28 - G0007": the id names the group
            externalId = label.group(2);
        }
        Set<String> externalIds = new HashSet<>();
        for (StixStore.ExternalId external : store.findByExternalId(externalId)) {
            if (StixTypes.ACTOR_TYPES.contains(StixTypes.typeOf(external.objectId()))) {
                externalIds.add(external.objectId());
            }
        }
        if (!externalIds.isEmpty()) {
            for (StixObject object : store.currentObjects(externalIds)) {
                matches.add(new NameMatch(object.id(), object.type(), object.name(), true,
                        object.json().path("x_mitre_deprecated").asBoolean(false)));
            }
        }
        if (matches.isEmpty() && label.matches()) {
            // the group ATT&CK revoked in favour of another ("APT34 - G0057") is still known by its name
            return exactMatches(label.group(1), NameKey.of(label.group(1)));
        }
        Map<String, NameMatch> best = new LinkedHashMap<>();
        matches.stream().sorted(ActorDirectory::rank).forEach(match -> best.putIfAbsent(match.objectId(), match));
        return List.copyOf(best.values());
    }

    /**
     * Active objects before deprecated ones; a canonical name before an alias; intrusion sets before
     * threat actors before campaigns; then by id, so the answer never depends on insertion order.
     */
    private static int rank(NameMatch a, NameMatch b) {
        return Comparator.comparing(NameMatch::deprecated)
                .thenComparing(m -> !m.primary())
                .thenComparing(m -> typeOrder(m.objectType()))
                .thenComparing(NameMatch::objectId)
                .compare(a, b);
    }

    private static int typeOrder(String type) {
        return List.of("intrusion-set", "threat-actor", "campaign").indexOf(type);
    }

    /** The clusters of linked objects, built again only when the store has changed since. */
    private synchronized ActorClusters clusters() {
        long sequence = store.lastSequence();
        if (clusters == null || sequence != clustersAt) {
            clusters = new ActorClusters(store);
            clustersAt = sequence;
        }
        return clusters;
    }

    /** The member to show for a cluster: the ATT&CK object when there is one (its techniques are known), else the one named. */
    private String canonical(List<String> members, String named) {
        if (members.size() == 1) {
            return named;
        }
        return store.currentObjects(members).stream()
                .filter(o -> o.externalId("mitre-attack").isPresent())
                .map(StixObject::id).sorted().findFirst().orElse(named);
    }

    private String canonicalName(String id) {
        return store.current(id).map(StixObject::name).orElse(id);
    }

    /**
     * The best-scored candidate of each actor: three linked objects that all carry "Stone Panda" are
     * one actor, so they neither crowd out other candidates nor make a typo of it look ambiguous.
     */
    private List<Candidate> onePerActor(List<Candidate> candidates, ActorClusters clusters) {
        Map<String, Candidate> byCluster = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            String root = clusters.root(candidate.id());
            if (!byCluster.containsKey(root)) {
                String canonical = canonical(clusters.members(candidate.id()), candidate.id());
                byCluster.put(root, canonical.equals(candidate.id()) ? candidate
                        : new Candidate(canonical, canonicalName(canonical), candidate.matchedName(), candidate.score()));
            }
        }
        return byCluster.values().stream().limit(MAX_CANDIDATES).toList();
    }

    /** The best fuzzy candidate is a near-certain typo: very close, and clearly ahead of the next one. */
    private static boolean clearTypo(List<Candidate> nearest) {
        if (nearest.isEmpty() || nearest.get(0).score() < TYPO_SCORE) {
            return false;
        }
        return nearest.size() == 1 || nearest.get(1).score() <= nearest.get(0).score() - TYPO_MARGIN;
    }

    private List<Candidate> nearest(String key) {
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (NameMatch name : store.allNames(StixTypes.ACTOR_TYPES)) {
            if (name.deprecated()) {
                continue;
            }
            double score = org.sightline.store.names.JaroWinkler.similarity(key, NameKey.of(name.name()));
            Candidate existing = best.get(name.objectId());
            if (score >= MIN_CANDIDATE_SCORE && (existing == null || existing.score() < score)) {
                best.put(name.objectId(), new Candidate(name.objectId(), null, name.name(), score));
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id))
                .limit(MAX_CANDIDATES * 10)
                .map(c -> new Candidate(c.id(), canonicalName(c.id()), c.matchedName(), round(c.score())))
                .toList();
    }

    /**
     * Those of the actor's names that other actors (not linked to it as the same actor) carry too,
     * each with those other actors' names: the names to read with care on its card.
     */
    public Map<String, List<String>> conflictingNames(String actorId, List<String> names) {
        ActorClusters clusters = clusters();
        String root = clusters.root(actorId);
        Map<String, List<String>> conflicting = new LinkedHashMap<>();
        for (String name : names) {
            List<String> others = store.findByNameKey(NameKey.of(name), StixTypes.ACTOR_TYPES).stream()
                    .filter(match -> !match.deprecated() && !clusters.root(match.objectId()).equals(root))
                    .map(match -> canonicalName(match.objectId())).distinct().sorted().toList();
            if (!others.isEmpty()) {
                conflicting.put(name, others);
            }
        }
        return conflicting;
    }

    /** Every name claimed by more than one actor, with the claimants and their sources, by name. */
    public List<Conflict> conflicts() {
        ActorClusters clusters = clusters();
        Map<String, List<NameMatch>> byKey = new java.util.TreeMap<>();
        for (NameMatch name : store.allNames(StixTypes.ACTOR_TYPES)) {
            if (!name.deprecated()) {
                byKey.computeIfAbsent(NameKey.of(name.name()), k -> new ArrayList<>()).add(name);
            }
        }
        List<Conflict> conflicts = new ArrayList<>();
        byKey.forEach((key, names) -> {
            Map<String, NameMatch> byCluster = new LinkedHashMap<>();
            names.stream().sorted(ActorDirectory::rank).forEach(n -> byCluster.putIfAbsent(clusters.root(n.objectId()), n));
            if (byCluster.size() > 1) {
                List<Conflict.Claimant> claimants = new ArrayList<>();
                for (NameMatch claimant : byCluster.values()) {
                    StixObject object = store.current(claimant.objectId()).orElse(null);
                    if (object != null) {
                        claimants.add(new Conflict.Claimant(object.id(), object.name(), object.externalId("mitre-attack").orElse(null),
                                Provenance.of(store, object)));
                    }
                }
                conflicts.add(new Conflict(names.get(0).name(), claimants));
            }
        });
        return conflicts;
    }

    /** The same-actor links not followed because they would join two entries of one source, by relationship id. */
    public List<RefusedLink> refusedLinks() {
        List<RefusedLink> refused = new ArrayList<>();
        for (StixStore.Edge edge : clusters().refused()) {
            String reason = store.current(edge.relationshipId()).map(StixObject::description).orElse(null);
            refused.add(new RefusedLink(edge.relationshipId(), canonicalName(edge.sourceId()) + " (" + edge.sourceId() + ")",
                    canonicalName(edge.targetId()) + " (" + edge.targetId() + ")", reason));
        }
        return refused;
    }

    /** The current, unrevoked actor object with this id; an unknown id is a not-found error. */
    public StixObject actor(String actorId) {
        StixObject actor = store.current(actorId).filter(o -> !o.revoked())
                .orElseThrow(() -> new NotFoundException("no actor " + actorId + " in the knowledge store"));
        if (!StixTypes.ACTOR_TYPES.contains(actor.type())) {
            throw new NotFoundException(actorId + " is a " + actor.type() + ", not an intrusion set, threat actor or campaign");
        }
        return actor;
    }

    /** The card of an actor object, with the names of every object linked to it. */
    public ActorCard card(StixObject actor) {
        return card(actor, clusters().members(actor.id()));
    }

    private ActorCard card(StixObject actor, List<String> cluster) {
        Map<String, ActorCard.Alias> aliases = new LinkedHashMap<>();
        List<StixObject> members = new ArrayList<>(List.of(actor));
        store.currentObjects(cluster).stream().filter(o -> !o.id().equals(actor.id()))
                .sorted(Comparator.comparing(StixObject::id)).forEach(members::add);
        for (StixObject member : members) {
            String source = Provenance.of(store, member);
            List<String> names = new ArrayList<>();
            names.add(member.name());
            names.addAll(member.strings("aliases"));
            names.addAll(member.strings("x_mitre_aliases"));
            for (String name : names) {
                if (name == null) {
                    continue;
                }
                ActorCard.Alias alias = aliases.computeIfAbsent(NameKey.of(name), k -> new ActorCard.Alias(name, new ArrayList<>()));
                addOnce(alias.sources(), source);
                String coiner = member.json().path("x_misp_name_origin").path(name).asText(null);
                if (coiner != null) {
                    addOnce(alias.sources(), "coined by " + coiner + " (per " + source + ")");
                }
            }
        }
        Set<String> techniques = new HashSet<>();
        Set<String> software = new HashSet<>();
        for (StixStore.Edge edge : store.edgesFrom(actor.id(), "uses")) {
            String targetType = StixTypes.typeOf(edge.targetId());
            if ("attack-pattern".equals(targetType)) {
                techniques.add(edge.targetId());
            } else if ("malware".equals(targetType) || "tool".equals(targetType)) {
                software.add(edge.targetId());
            }
        }
        return new ActorCard(actor.id(), actor.type(), actor.name(), actor.externalId("mitre-attack").orElse(null),
                List.copyOf(aliases.values()), summary(actor.description()), active(techniques), active(software),
                members.stream().skip(1).map(StixObject::id).toList());
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Counts the targets that are current, not revoked and not deprecated. */
    private int active(Set<String> ids) {
        return ids.isEmpty() ? 0 : store.activeIds(ids).size();
    }

    /** The first paragraph, without ATT&CK's inline citations, cut at a sentence near 300 characters. */
    static String summary(String description) {
        if (description == null) {
            return null;
        }
        String text = description.split("\\n\\s*\\n", 2)[0]
                .replaceAll("\\(Citation:[^)]*\\)", "")
                .replaceAll("\\[([^\\]]+)]\\([^)]*\\)", "$1")
                .replaceAll("\\s+", " ")
                .replace(" .", ".")
                .trim();
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        int end = text.lastIndexOf(". ", SUMMARY_LENGTH);
        return end > 80 ? text.substring(0, end + 1) : text.substring(0, SUMMARY_LENGTH) + "…";
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
