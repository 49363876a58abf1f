package org.sightline.intel.ach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.intel.claims.ClaimBook;
import org.sightline.intel.claims.EvidenceItem;
import org.sightline.stix.StixId;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.Versions;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;
import org.sightline.store.intake.Intake;

/**
 * Analyses of competing hypotheses kept as STIX: a grouping (context "unspecified") whose
 * {@code object_refs} are what it is about, the claims its hypotheses stand for and the evidence it
 * rates, with Sightline's ACH extension holding the question, hypotheses and ratings. Each rating
 * writes a new version, so the version history shows how the analysis developed.
 */
public final class AchBook {
    private final StixStore store;
    private final ClaimBook claims;
    private final org.sightline.stix.markings.Tlp marking;

    public AchBook(StixStore store) {
        this(store, org.sightline.stix.markings.Tlp.CLEAR);
    }

    /** An ACH book whose groupings are marked at least {@code marking}, and at least as strictly as their hypotheses and evidence. */
    public AchBook(StixStore store, org.sightline.stix.markings.Tlp marking) {
        this.store = store;
        this.claims = new ClaimBook(store);
        this.marking = marking;
    }

    /** A hypothesis as an analyst states it: its wording, and the claim it stands for if there is one. */
    public record NewHypothesis(String label, String claim) {
    }

    public AchMatrix create(String aboutId, String question, List<NewHypothesis> hypotheses) {
        if (question == null || question.isBlank()) {
            throw new InvalidInputException("an analysis of competing hypotheses needs its question");
        }
        if (hypotheses.size() < 2) {
            throw new InvalidInputException("competing hypotheses means at least two; got " + hypotheses.size());
        }
        store.current(aboutId).orElseThrow(() -> new NotFoundException("no object " + aboutId + " in the knowledge store for the analysis to be about"));
        String now = StixTimestamp.format(Instant.now());
        ObjectNode grouping = StixJson.newObject("grouping", StixId.random("grouping"), now);
        grouping.put("name", "ACH: " + question);
        grouping.put("context", "unspecified");
        Set<String> refs = new LinkedHashSet<>(List.of(aboutId));
        ObjectNode extension = SightlineExtensions.put(grouping, SightlineExtensions.ACH);
        extension.put("question", question);
        ArrayNode list = extension.putArray("hypotheses");
        int n = 1;
        for (NewHypothesis hypothesis : hypotheses) {
            ObjectNode entry = list.addObject();
            entry.put("key", "H" + n++);
            entry.put("label", hypothesis.label());
            if (hypothesis.claim() != null) {
                claims.claim(hypothesis.claim());
                entry.put("claim_ref", hypothesis.claim());
                refs.add(hypothesis.claim());
            }
        }
        extension.putArray("ratings");
        ArrayNode objectRefs = grouping.putArray("object_refs");
        refs.forEach(objectRefs::add);
        write(grouping);
        return seen(toMatrix(new StixObject(grouping)));
    }

    /** Rates an evidence item against a hypothesis (by key, H1, or by its exact wording); a new rating replaces the old. */
    public AchMatrix rate(String achId, String evidenceId, String hypothesis, Consistency consistency) {
        StixObject current = grouping(achId);
        claims.evidence(evidenceId);
        AchMatrix matrix = toMatrix(current);
        String key = matrix.hypotheses().stream()
                .filter(h -> h.key().equalsIgnoreCase(hypothesis) || h.label().equalsIgnoreCase(hypothesis))
                .map(AchMatrix.Hypothesis::key).findFirst()
                .orElseThrow(() -> new InvalidInputException("no hypothesis '" + hypothesis + "' in " + achId + "; it has "
                        + matrix.hypotheses().stream().map(h -> h.key() + " (" + h.label() + ")").toList()));
        ObjectNode next = Versions.next(current, version -> {
            ObjectNode extension = (ObjectNode) version.path("extensions").path(SightlineExtensions.ACH);
            ArrayNode ratings = (ArrayNode) extension.path("ratings");
            for (int i = ratings.size() - 1; i >= 0; i--) {
                if (ratings.get(i).path("evidence_ref").asText().equals(evidenceId) && ratings.get(i).path("hypothesis").asText().equals(key)) {
                    ratings.remove(i);
                }
            }
            ratings.addObject().put("evidence_ref", evidenceId).put("hypothesis", key).put("rating", consistency.code());
            ArrayNode refs = (ArrayNode) version.path("object_refs");
            boolean listed = false;
            for (JsonNode ref : refs) {
                listed |= ref.asText().equals(evidenceId);
            }
            if (!listed) {
                refs.add(evidenceId);
            }
        });
        write(next);
        return seen(toMatrix(new StixObject(next)));
    }

    public AchMatrix matrix(String achId) {
        return seen(toMatrix(grouping(achId)));
    }

    /**
     * The matrix as this book's reader may see it: ratings of evidence it may not read, and the
     * claims of hypotheses it may not read, are left out rather than named.
     */
    private AchMatrix seen(AchMatrix matrix) {
        java.util.Map<String, Boolean> readable = new java.util.HashMap<>();
        List<AchMatrix.Rating> ratings = matrix.ratings().stream()
                .filter(rating -> readable.computeIfAbsent(rating.evidence(), id -> claims.findEvidence(id).isPresent()))
                .toList();
        List<AchMatrix.Hypothesis> hypotheses = matrix.hypotheses().stream()
                .map(h -> h.claim() == null || store.current(h.claim()).isPresent() ? h : new AchMatrix.Hypothesis(h.key(), h.label(), null))
                .toList();
        return new AchMatrix(matrix.id(), matrix.question(), hypotheses, ratings);
    }

    /** Every analysis, by question. */
    public List<AchMatrix> all() {
        List<AchMatrix> all = new ArrayList<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("grouping"), Set.of(), false), grouping -> {
            if (!SightlineExtensions.of(grouping.json(), SightlineExtensions.ACH).isMissingNode()) {
                all.add(seen(toMatrix(grouping)));
            }
        });
        all.sort(Comparator.comparing(AchMatrix::question).thenComparing(AchMatrix::id));
        return all;
    }

    /**
     * The analysis with only the evidence knowable as of the date, each item weighted by its Admiralty
     * grade, its source's reliability moved by the track record it had then.
     */
    public AchAnalysis.Result analyse(String achId, Instant asOf) {
        AchMatrix matrix = matrix(achId);
        java.util.Map<String, EvidenceItem> items = new java.util.HashMap<>();
        for (AchMatrix.Rating rating : matrix.ratings()) {
            items.computeIfAbsent(rating.evidence(), claims::evidence);
        }
        // Graded as the assessment grades them: each source as its track record stood on the date.
        org.sightline.intel.claims.SourceRecords records = new org.sightline.intel.claims.SourceRecords(store, claims);
        return AchAnalysis.of(matrix, id -> {
            EvidenceItem item = items.get(id);
            return item == null || item.knownFrom().isAfter(asOf) ? null
                    : records.reliabilityOf(item, asOf, null).weight() * item.credibility().weight();
        }, id -> items.get(id).title());
    }

    private StixObject grouping(String achId) {
        return store.current(achId).filter(o -> !o.revoked())
                .filter(o -> !SightlineExtensions.of(o.json(), SightlineExtensions.ACH).isMissingNode())
                .orElseThrow(() -> new NotFoundException("no analysis of competing hypotheses " + achId + " in the knowledge store"));
    }

    private static AchMatrix toMatrix(StixObject grouping) {
        JsonNode extension = SightlineExtensions.of(grouping.json(), SightlineExtensions.ACH);
        List<AchMatrix.Hypothesis> hypotheses = new ArrayList<>();
        extension.path("hypotheses").forEach(h -> hypotheses.add(new AchMatrix.Hypothesis(h.path("key").asText(),
                h.path("label").asText(), h.path("claim_ref").asText(null))));
        List<AchMatrix.Rating> ratings = new ArrayList<>();
        extension.path("ratings").forEach(r -> ratings.add(new AchMatrix.Rating(r.path("evidence_ref").asText(),
                r.path("hypothesis").asText(), Consistency.parse(r.path("rating").asText("N")))));
        return new AchMatrix(grouping.id(), extension.path("question").asText(), hypotheses, ratings);
    }

    private void write(ObjectNode grouping) {
        org.sightline.store.clearance.InheritedMarking.applyWithin(store, grouping, marking);
        Intake.of(store).writeAll(List.of(grouping), "the analysis", null);
    }
}
