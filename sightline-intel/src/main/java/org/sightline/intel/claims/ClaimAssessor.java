package org.sightline.intel.claims;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sightline.intel.attribution.Assessment;
import org.sightline.intel.attribution.ConfidenceModel;
import org.sightline.intel.attribution.Evidence;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;

/**
 * How sure anyone could be of a claim as of a date, and how that changed over time: the claim's
 * evidence and the opinions on it, weighed by the confidence model (docs/attribution.md) with each
 * source graded as its track record stood on that date.
 */
public final class ClaimAssessor {
    private final ClaimBook book;
    private final SourceRecords records;

    public ClaimAssessor(StixStore store) {
        this.book = new ClaimBook(store);
        this.records = new SourceRecords(store, book);
    }

    /** One point of the confidence-over-time curve, and what changed on that date. */
    public record HistoryPoint(String asOf, double probability, int confidence, String wep, List<String> changes) {
    }

    public Assessment assess(String claimId, Instant asOf) {
        Claim claim = book.claim(claimId);
        return assess(claim, book.evidenceFor(claimId), asOf);
    }

    private Assessment assess(Claim claim, List<EvidenceItem> items, Instant asOf) {
        Map<String, EvidenceItem> byId = new HashMap<>();
        List<Evidence> evidence = new ArrayList<>();
        for (EvidenceItem item : items) {
            byId.put(item.id(), item);
            evidence.add(item.weighed());
        }
        ConfidenceModel model = new ConfidenceModel(new ConfidenceModel.Parameters(claim.prior(),
                ConfidenceModel.Parameters.defaults().maxWeight(), ConfidenceModel.Parameters.defaults().repeatShare(),
                ConfidenceModel.Parameters.defaults().repeatCap()));
        return model.assess(claim.id(), evidence, asOf, weighed -> records.reliabilityOf(byId.get(weighed.id()), asOf, claim.id()));
    }

    /**
     * The confidence at every date on which something that bears on it became knowable: an evidence
     * item or opinion, or the settling of another claim that changes a source's record.
     */
    public List<HistoryPoint> history(String claimId) {
        return history(claimId, Instant.MAX);
    }

    /** How the assessment changed, up to the date: nothing learnt after it, no point after it. */
    public List<HistoryPoint> history(String claimId, Instant asOf) {
        Claim claim = book.claim(claimId);
        List<EvidenceItem> items = book.evidenceFor(claimId);
        TreeMap<Instant, List<String>> changes = new TreeMap<>();
        // Other claims settled that the same sources' evidence bore on, with the sources whose record they moved.
        Map<String, java.util.Set<String>> recordsMoved = new java.util.TreeMap<>();
        for (EvidenceItem item : items) {
            changes.computeIfAbsent(item.knownFrom(), k -> new ArrayList<>())
                    .add((item.stance() == Evidence.Stance.SUPPORTS ? "+ " : "- ") + item.title());
            if (item.source().id() == null) {
                continue;
            }
            for (EvidenceItem other : book.evidenceFrom(item.source().id())) {
                other.claims().stream().filter(id -> !id.equals(claimId)).forEach(id ->
                        recordsMoved.computeIfAbsent(id, k -> new java.util.TreeSet<>()).add(item.source().name()));
            }
        }
        recordsMoved.forEach((otherClaim, sources) -> {
            Claim settled = book.claim(otherClaim);
            if (settled.resolvedOn() != null) {
                changes.computeIfAbsent(StixTimestamp.parse(settled.resolvedOn()), k -> new ArrayList<>())
                        .add(settled.source().name() + " " + settled.type() + " " + settled.target().name() + " "
                                + settled.resolution().label() + " (track record of " + String.join(", ", sources) + ")");
            }
        });
        List<HistoryPoint> points = new ArrayList<>();
        changes.headMap(asOf, true).forEach((date, what) -> {
            Assessment assessment = assess(claim, items, date);
            points.add(new HistoryPoint(assessment.asOf(), assessment.probability(), assessment.confidence(), assessment.wep(),
                    List.copyOf(what)));
        });
        return points;
    }
}
