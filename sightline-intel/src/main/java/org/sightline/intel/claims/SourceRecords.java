package org.sightline.intel.claims;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sightline.error.NotFoundException;
import org.sightline.intel.attribution.Reliability;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;

/**
 * Sources' track records: which of the claims a source's evidence bore on were confirmed or refuted
 * by the date asked about, and the reliability that earns it. The confidence model grades a source's
 * evidence with the reliability its record earned as of the assessment date, so that a confirmation
 * counts from the day it was made, never before.
 */
public final class SourceRecords {
    private final StixStore store;
    private final ClaimBook book;
    private final Map<String, Claim> claims = new HashMap<>();
    /** What each source provided, read once: records as of many dates (a history) filter the same list. */
    private final Map<String, List<EvidenceItem>> bySource = new HashMap<>();
    /** Each record computed once: an assessment asks for its source's record once per item it provided. */
    private final Map<RecordKey, TrackRecord> records = new HashMap<>();

    private record RecordKey(String sourceId, Instant asOf, String excludedClaim) {
    }

    public SourceRecords(StixStore store, ClaimBook book) {
        this.store = store;
        this.book = book;
    }

    public TrackRecord of(String sourceId, Instant asOf) {
        return of(sourceId, asOf, null);
    }

    /**
     * The record as of the date, leaving out one claim: the claim being assessed must not vouch for
     * the evidence about itself.
     */
    public TrackRecord of(String sourceId, Instant asOf, String excludedClaim) {
        return records.computeIfAbsent(new RecordKey(sourceId, asOf, excludedClaim), key -> compute(sourceId, asOf, excludedClaim));
    }

    private TrackRecord compute(String sourceId, Instant asOf, String excludedClaim) {
        StixObject source = store.current(sourceId)
                .orElseThrow(() -> new NotFoundException("no source " + sourceId + " in the knowledge store"));
        TreeSet<String> confirmed = new TreeSet<>();
        TreeSet<String> refuted = new TreeSet<>();
        TreeSet<String> open = new TreeSet<>();
        for (EvidenceItem item : bySource.computeIfAbsent(sourceId, book::evidenceFrom)) {
            if (item.knownFrom().isAfter(asOf)) {
                continue;
            }
            for (String claimId : item.claims()) {
                if (claimId.equals(excludedClaim)) {
                    continue;
                }
                Claim claim = claim(claimId);
                if (claim == null) {
                    continue;
                }
                switch (claim.statusAsOf(asOf)) {
                    case CONFIRMED -> confirmed.add(claimId);
                    case REFUTED -> refuted.add(claimId);
                    default -> open.add(claimId);
                }
            }
        }
        Reliability graded = book.gradedReliability(sourceId);
        Reliability earned = TrackRecord.earned(graded == null ? Reliability.F : graded, confirmed.size(), refuted.size());
        return new TrackRecord(sourceId, source.name(), StixTimestamp.format(asOf), graded, earned, confirmed.size(),
                refuted.size(), open.size(), new ArrayList<>(confirmed), new ArrayList<>(refuted), new ArrayList<>(open));
    }

    /** The reliability to weigh one evidence item with: its own grade, moved by its source's record. */
    public Reliability reliabilityOf(EvidenceItem item, Instant asOf, String assessedClaim) {
        if (item.source().id() == null) {
            return item.reliability();
        }
        TrackRecord record = of(item.source().id(), asOf, assessedClaim);
        return TrackRecord.earned(item.reliability(), record.confirmed(), record.refuted());
    }

    private Claim claim(String id) {
        return claims.computeIfAbsent(id, key -> {
            try {
                return book.claim(key);
            } catch (NotFoundException e) {
                return null;
            }
        });
    }
}
