package org.sightline.intel.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.intel.attribution.Credibility;
import org.sightline.intel.attribution.Evidence;
import org.sightline.intel.attribution.Reliability;
import org.sightline.stix.StixId;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.Versions;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;
import org.sightline.store.clearance.InheritedMarking;
import org.sightline.store.intake.Intake;

/**
 * Claims, their evidence and the opinions others hold on them, kept in the store as STIX: a claim
 * is a relationship with Sightline's claim extension, an evidence item a note with the evidence
 * extension whose {@code object_refs} are the claims it bears on, and an opinion a STIX opinion on
 * the claim. Reading goes through the store's indexes (edges, embedded references), never a scan of
 * every note. Everything written is validated first and written in one transaction.
 */
public final class ClaimBook {
    /**
     * The relationship types attribution work needs; {@code attributed-to}, {@code located-at} and
     * {@code targets} are STIX's own ("APT10 targets Harbor Managed IT", weighed by its confidence in exposure).
     */
    public static final List<String> CLAIM_TYPES = List.of("attributed-to", "affiliated-with", "employed-by",
            "located-at", "contracts-for", "alias-of", "targets");

    private final StixStore store;
    private final Tlp marking;

    public ClaimBook(StixStore store) {
        this(store, Tlp.CLEAR);
    }

    /**
     * A book whose new claims and evidence are marked at least {@code marking}; each is marked, too,
     * at least as strictly as everything it refers to (its claim's ends, its source).
     */
    public ClaimBook(StixStore store, Tlp marking) {
        this.store = store;
        this.marking = marking;
    }

    /** What an analyst records about a new evidence item. */
    public record NewEvidence(String title, List<String> claims, Evidence.Stance stance, String kind, String sourceId,
                              Reliability reliability, Credibility credibility, String origin, String observed,
                              String published, String collected, String excerpt, String url, String artifactSha256,
                              String recordedBy) {
    }

    // ---- reading

    public Claim claim(String id) {
        return store.current(id).filter(o -> !o.revoked()).filter(ClaimBook::isClaim).map(this::toClaim)
                .orElseThrow(() -> new NotFoundException("no claim " + id + " in the knowledge store"));
    }

    /**
     * Claims with either end among the ids given (every claim when null), in the status given (any
     * when null), by type and then by id.
     */
    public List<Claim> claims(Collection<String> about, ClaimStatus status) {
        List<StixObject> relationships = new ArrayList<>();
        if (about == null) {
            store.forEachCurrent(new StixStore.ObjectQuery(Set.of("relationship"), Set.of(), false), relationship -> {
                if (isClaim(relationship)) {
                    relationships.add(relationship);
                }
            });
        } else {
            Set<String> ids = new LinkedHashSet<>();
            for (String end : about) {
                store.edgesFrom(end, null).forEach(edge -> ids.add(edge.relationshipId()));
                store.edgesTo(end, null).forEach(edge -> ids.add(edge.relationshipId()));
            }
            store.currentObjects(ids).stream().filter(ClaimBook::isClaim).forEach(relationships::add);
        }
        return relationships.stream().map(this::toClaim)
                .filter(claim -> status == null || claim.status() == status)
                .sorted(Comparator.comparing(Claim::type).thenComparing(Claim::id))
                .toList();
    }

    /** The evidence item (or opinion) with this id, when this book's reader may read it. */
    public java.util.Optional<EvidenceItem> findEvidence(String id) {
        if (!parsed.containsKey(id)) {
            items(List.of(id));
        }
        return parsed.getOrDefault(id, java.util.Optional.empty());
    }

    /** One evidence item (or an opinion, as one) by its id. */
    public EvidenceItem evidence(String id) {
        StixObject object = store.current(id).filter(o -> !o.revoked())
                .orElseThrow(() -> new NotFoundException("no evidence item " + id + " in the knowledge store"));
        if (isEvidence(object)) {
            return toEvidence(object);
        }
        if ("opinion".equals(object.type())) {
            return opinionAsEvidence(object).orElseThrow(() -> new InvalidInputException(id + " is a neutral opinion: no evidence"));
        }
        throw new InvalidInputException(id + " is a " + object.type() + ", not an evidence item");
    }

    /** Every evidence item bearing on the claim, and every opinion on it as an evidence item. */
    public List<EvidenceItem> evidenceFor(String claimId) {
        return items(store.referencing(claimId, "object_refs"));
    }

    /** Every evidence item the source provided, and its opinions. */
    public List<EvidenceItem> evidenceFrom(String sourceId) {
        List<String> ids = new ArrayList<>(store.referencing(sourceId, "ext.source_ref"));
        store.referencing(sourceId, "created_by_ref").stream().filter(id -> id.startsWith("opinion--")).forEach(ids::add);
        return items(ids);
    }

    /**
     * The evidence items (and opinions, as items) among the ids, oldest first. Each object is read
     * and parsed once for the life of this book: an assessment meets the same items again through
     * their sources' track records, and a history through every date.
     */
    private List<EvidenceItem> items(List<String> ids) {
        List<String> unread = ids.stream().filter(id -> !parsed.containsKey(id)).toList();
        for (StixObject object : store.currentObjects(unread)) {
            if (isEvidence(object)) {
                parsed.put(object.id(), java.util.Optional.of(toEvidence(object)));
            } else if ("opinion".equals(object.type())) {
                parsed.put(object.id(), opinionAsEvidence(object));
            }
        }
        unread.forEach(id -> parsed.putIfAbsent(id, java.util.Optional.empty()));
        List<EvidenceItem> items = new ArrayList<>();
        Map<String, Instant> knownFrom = new HashMap<>();
        for (String id : new LinkedHashSet<>(ids)) {
            parsed.get(id).ifPresent(item -> {
                items.add(item);
                knownFrom.put(item.id(), item.knownFrom()); // parsed once, not at every comparison
            });
        }
        items.sort(Comparator.comparing((EvidenceItem item) -> knownFrom.get(item.id())).thenComparing(EvidenceItem::id));
        return items;
    }

    /** Every evidence item, oldest first (for `evidence list`). */
    public List<EvidenceItem> allEvidence() {
        List<EvidenceItem> items = new ArrayList<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("note"), Set.of(), false), note -> {
            if (isEvidence(note)) {
                items.add(toEvidence(note));
            }
        });
        items.sort(Comparator.comparing(EvidenceItem::knownFrom).thenComparing(EvidenceItem::id));
        return items;
    }

    /** The reliability an analyst graded the source at, before any track record; null when not graded. */
    public Reliability gradedReliability(String sourceId) {
        return store.current(sourceId)
                .map(source -> SightlineExtensions.of(source.json(), SightlineExtensions.SOURCE).path("reliability").asText(""))
                .filter(grade -> !grade.isEmpty())
                .map(Reliability::valueOf)
                .orElse(null);
    }

    // ---- writing

    public Claim addClaim(String sourceId, String type, String targetId, double prior, String createdBy) {
        if (!CLAIM_TYPES.contains(type)) {
            throw new InvalidInputException("claim type '" + type + "' is not one of " + CLAIM_TYPES);
        }
        if (!(prior > 0 && prior < 1)) {
            throw new InvalidInputException("the prior must be a probability strictly between 0 and 1, got " + prior);
        }
        requireObject(sourceId, "the claim's source");
        requireObject(targetId, "the claim's target");
        if (sourceId.equals(targetId)) {
            throw new InvalidInputException("a claim links two different objects; both ends are " + sourceId);
        }
        String now = StixTimestamp.format(Instant.now());
        ObjectNode relationship = StixJson.newObject("relationship", StixId.random("relationship"), now);
        if (createdBy != null) {
            relationship.put("created_by_ref", requireObject(createdBy, "created_by_ref").id());
        }
        relationship.put("relationship_type", type);
        relationship.put("source_ref", sourceId);
        relationship.put("target_ref", targetId);
        ObjectNode extension = SightlineExtensions.put(relationship, SightlineExtensions.CLAIM);
        extension.put("status", ClaimStatus.OPEN.label());
        extension.put("prior", prior);
        write(List.of(relationship));
        return toClaim(new StixObject(relationship));
    }

    public EvidenceItem addEvidence(NewEvidence evidence) {
        if (evidence.claims().isEmpty()) {
            throw new InvalidInputException("an evidence item bears on at least one claim");
        }
        for (String claimId : evidence.claims()) {
            claim(claimId);
        }
        requireObject(evidence.sourceId(), "the evidence's source");
        if (evidence.origin() == null || evidence.origin().isBlank()) {
            throw new InvalidInputException("an evidence item needs its origin: what it derives from, so that "
                    + "ten articles repeating one blog post count as one");
        }
        if (evidence.published() == null && evidence.collected() == null && evidence.observed() == null) {
            throw new InvalidInputException("an evidence item needs a date (published, collected or observed): "
                    + "assessments as of a date must know when it became knowable");
        }
        String now = StixTimestamp.format(Instant.now());
        ObjectNode note = StixJson.newObject("note", StixId.random("note"), now);
        note.put("abstract", evidence.title() != null ? evidence.title() : evidence.kind() + " from " + name(evidence.sourceId()));
        note.put("content", evidence.excerpt() != null ? evidence.excerpt() : "(no excerpt recorded)");
        if (evidence.recordedBy() != null) {
            note.putArray("authors").add(evidence.recordedBy());
        }
        ArrayNode refs = note.putArray("object_refs");
        evidence.claims().forEach(refs::add);
        if (evidence.url() != null || evidence.artifactSha256() != null) {
            ObjectNode reference = note.putArray("external_references").addObject();
            reference.put("source_name", name(evidence.sourceId()));
            if (evidence.url() != null) {
                reference.put("url", evidence.url());
            }
            if (evidence.artifactSha256() != null) {
                reference.putObject("hashes").put("SHA-256", evidence.artifactSha256());
            }
        }
        ObjectNode extension = SightlineExtensions.put(note, SightlineExtensions.EVIDENCE);
        extension.put("stance", evidence.stance() == Evidence.Stance.SUPPORTS ? "supports" : "refutes");
        extension.put("kind", evidence.kind());
        extension.put("source_ref", evidence.sourceId());
        extension.put("reliability", evidence.reliability().name());
        extension.put("credibility", evidence.credibility().ordinal() + 1);
        extension.put("origin", evidence.origin());
        putDate(extension, "observed", evidence.observed());
        putDate(extension, "published", evidence.published());
        putDate(extension, "collected", evidence.collected());
        if (evidence.artifactSha256() != null) {
            extension.put("artifact_sha256", evidence.artifactSha256());
        }
        write(List.of(note));
        return toEvidence(new StixObject(note));
    }

    /** Settles a claim as of a date, by a source, optionally citing the evidence that settles it. */
    public Claim resolve(String claimId, ClaimStatus status, String bySourceId, Instant on, List<String> evidenceIds) {
        if (status == ClaimStatus.OPEN) {
            throw new InvalidInputException("resolve a claim as confirmed or refuted");
        }
        StixObject current = store.current(claimId).filter(ClaimBook::isClaim)
                .orElseThrow(() -> new NotFoundException("no claim " + claimId + " in the knowledge store"));
        requireObject(bySourceId, "the resolving source");
        for (String evidenceId : evidenceIds) {
            StixObject item = requireObject(evidenceId, "resolution evidence");
            if (!isEvidence(item)) {
                throw new InvalidInputException(evidenceId + " is not an evidence item");
            }
        }
        ObjectNode next = Versions.next(current, version -> {
            ObjectNode extension = (ObjectNode) version.path("extensions").path(SightlineExtensions.CLAIM);
            extension.put("status", status.label());
            extension.put("resolved_by_ref", bySourceId);
            extension.put("resolved_on", StixTimestamp.format(on));
            ArrayNode cited = extension.putArray("resolution_evidence_refs");
            evidenceIds.forEach(cited::add);
            if (evidenceIds.isEmpty()) {
                extension.remove("resolution_evidence_refs");
            }
        });
        write(List.of(next));
        return toClaim(new StixObject(next));
    }

    // ---- conversions

    static boolean isClaim(StixObject object) {
        return "relationship".equals(object.type()) && !SightlineExtensions.of(object.json(), SightlineExtensions.CLAIM).isMissingNode();
    }

    static boolean isEvidence(StixObject object) {
        return "note".equals(object.type()) && !SightlineExtensions.of(object.json(), SightlineExtensions.EVIDENCE).isMissingNode();
    }

    private Claim toClaim(StixObject relationship) {
        JsonNode extension = SightlineExtensions.of(relationship.json(), SightlineExtensions.CLAIM);
        String source = relationship.text("source_ref");
        String target = relationship.text("target_ref");
        String resolvedOn = extension.path("resolved_on").asText(null);
        ClaimStatus resolution = resolvedOn == null ? ClaimStatus.OPEN : ClaimStatus.parse(extension.path("status").asText("open"));
        List<String> cited = new ArrayList<>();
        extension.path("resolution_evidence_refs").forEach(ref -> cited.add(ref.asText()));
        return new Claim(relationship.id(), relationship.text("relationship_type"), new Claim.End(source, name(source)),
                new Claim.End(target, name(target)), resolution, extension.path("resolved_by_ref").asText(null), resolvedOn,
                cited, extension.path("prior").asDouble(0.5));
    }

    private EvidenceItem toEvidence(StixObject note) {
        JsonNode extension = SightlineExtensions.of(note.json(), SightlineExtensions.EVIDENCE);
        String source = extension.path("source_ref").asText();
        List<String> claims = note.strings("object_refs");
        String url = null;
        for (JsonNode reference : note.json().path("external_references")) {
            url = url != null ? url : reference.path("url").asText(null);
        }
        return new EvidenceItem(note.id(), note.text("abstract"), claims,
                "refutes".equals(extension.path("stance").asText()) ? Evidence.Stance.REFUTES : Evidence.Stance.SUPPORTS,
                extension.path("kind").asText("other"), new Claim.End(source, name(source)),
                Reliability.valueOf(extension.path("reliability").asText("F")),
                Credibility.of(extension.path("credibility").asInt(6)), extension.path("origin").asText(note.id()),
                extension.path("observed").asText(null), extension.path("published").asText(null),
                extension.path("collected").asText(null), note.text("content"), url,
                extension.path("artifact_sha256").asText(null));
    }

    /**
     * Another organisation's STIX opinion on a claim counts as corroboration (or its opposite): its
     * own origin, graded with the organisation's reliability and a credibility that follows how
     * firmly it is held. A neutral opinion carries no weight.
     */
    private java.util.Optional<EvidenceItem> opinionAsEvidence(StixObject opinion) {
        String value = opinion.text("opinion");
        Evidence.Stance stance;
        Credibility credibility;
        switch (value == null ? "" : value) {
            case "strongly-agree" -> { stance = Evidence.Stance.SUPPORTS; credibility = Credibility.of(2); }
            case "agree" -> { stance = Evidence.Stance.SUPPORTS; credibility = Credibility.of(3); }
            case "disagree" -> { stance = Evidence.Stance.REFUTES; credibility = Credibility.of(3); }
            case "strongly-disagree" -> { stance = Evidence.Stance.REFUTES; credibility = Credibility.of(2); }
            default -> {
                return java.util.Optional.empty();
            }
        }
        String holder = opinion.text("created_by_ref");
        String holderName = holder == null ? "an unnamed organisation" : name(holder);
        Reliability reliability = holder == null ? null : gradedReliability(holder);
        return java.util.Optional.of(new EvidenceItem(opinion.id(), "Opinion of " + holderName + ": " + value,
                opinion.strings("object_refs"), stance, "opinion", new Claim.End(holder, holderName),
                reliability == null ? Reliability.F : reliability, credibility, "opinion of " + holderName,
                null, opinion.created(), null, opinion.text("explanation"), null, null));
    }

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, java.util.Optional<EvidenceItem>> parsed = new HashMap<>();

    private String name(String id) {
        if (id == null) {
            return null;
        }
        return names.computeIfAbsent(id, key -> store.current(key).map(StixObject::name).orElse(key));
    }

    private StixObject requireObject(String id, String what) {
        if (id == null || !StixId.isValid(id)) {
            throw new InvalidInputException(what + ": '" + id + "' is not a STIX id");
        }
        return store.current(id).filter(o -> !o.revoked())
                .orElseThrow(() -> new NotFoundException(what + ": no object " + id + " in the knowledge store"));
    }

    /** A date as a STIX timestamp: '2024-02-01' from a script becomes 2024-02-01T00:00:00.000Z, nonsense an error. */
    private static void putDate(ObjectNode extension, String property, String date) {
        if (date != null) {
            extension.put(property, StixTimestamp.isValid(date) ? date
                    : StixTimestamp.format(StixTimestamp.parseUserDate(date, property)));
        }
    }

    private void write(List<ObjectNode> objects) {
        objects.forEach(object -> InheritedMarking.applyWithin(store, object, marking));
        Intake.of(store).writeAll(objects, "the claim", null);
        names.clear();
        parsed.clear();
    }
}
