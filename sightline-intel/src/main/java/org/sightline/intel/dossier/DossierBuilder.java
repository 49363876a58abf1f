package org.sightline.intel.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.NotFoundException;
import org.sightline.intel.ach.AchAnalysis;
import org.sightline.intel.ach.AchBook;
import org.sightline.intel.actors.ActorCard;
import org.sightline.intel.actors.ActorDirectory;
import org.sightline.intel.actors.ActorProfiles;
import org.sightline.intel.actors.ActorResolution;
import org.sightline.intel.attribution.Assessment;
import org.sightline.intel.claims.Claim;
import org.sightline.intel.claims.ClaimAssessor;
import org.sightline.intel.claims.ClaimBook;
import org.sightline.intel.claims.EvidenceItem;
import org.sightline.intel.claims.SourceRecords;
import org.sightline.intel.claims.TrackRecord;
import org.sightline.stix.StixId;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;

/** Gathers a {@link Dossier} on an actor from the store, as it could have been written on a date. */
public final class DossierBuilder {
    private final StixStore store;

    public DossierBuilder(StixStore store) {
        this.store = store;
    }

    /** @param actorName any name of the actor, or its STIX id */
    public Dossier build(String actorName, Instant asOf) {
        ActorDirectory directory = new ActorDirectory(store);
        ActorCard card;
        if (StixId.isValid(actorName)) {
            card = directory.card(directory.actor(actorName));
        } else {
            ActorResolution resolution = directory.resolve(actorName);
            if (!resolution.found()) {
                throw new NotFoundException("no actor is named '" + actorName + "'"
                        + (resolution.candidates().isEmpty() ? "" : "; did you mean " + resolution.candidates().get(0).name() + "?"));
            }
            card = resolution.match();
        }
        List<String> actorIds = new ArrayList<>(List.of(card.id()));
        actorIds.addAll(card.linkedObjects());

        ClaimBook book = new ClaimBook(store);
        ClaimAssessor assessor = new ClaimAssessor(store);
        SourceRecords records = new SourceRecords(store, book);
        List<Dossier.ClaimSection> sections = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Set<String> sources = new LinkedHashSet<>();
        for (Claim claim : book.claims(actorIds, null)) {
            Assessment assessment = assessor.assess(claim.id(), asOf);
            List<ClaimAssessor.HistoryPoint> history = assessor.history(claim.id(), asOf);
            List<Dossier.Cited> cited = new ArrayList<>();
            for (EvidenceItem item : book.evidenceFor(claim.id())) {
                if (item.knownFrom().isAfter(asOf)) {
                    continue;
                }
                String label = labels.computeIfAbsent(item.id(), id -> "E" + (labels.size() + 1));
                cited.add(new Dossier.Cited(label, item, records.reliabilityOf(item, asOf, claim.id())));
                if (item.source().id() != null) {
                    sources.add(item.source().id());
                }
            }
            sections.add(new Dossier.ClaimSection(claim, assessment, history, cited));
        }
        List<TrackRecord> trackRecords = new ArrayList<>();
        sources.forEach(source -> trackRecords.add(records.of(source, asOf)));
        List<AchAnalysis.Result> analyses = analyses(actorIds, asOf);
        Set<String> drawnOn = new LinkedHashSet<>(actorIds);
        sections.forEach(section -> {
            drawnOn.add(section.claim().id());
            section.evidence().forEach(cited -> drawnOn.add(cited.item().id()));
        });
        analyses.forEach(analysis -> drawnOn.add(analysis.id()));
        return new Dossier(StixTimestamp.format(asOf), StixTimestamp.format(Instant.now()),
                new ActorProfiles(store).profile(card.id()), actorIds, sections, trackRecords, analyses, strictestTlp(drawnOn));
    }

    /** The most restrictive TLP level marking any of the objects: a dossier is shared no wider than its parts. */
    private String strictestTlp(Set<String> ids) {
        Tlp strictest = null;
        for (StixObject object : store.currentObjects(ids)) {
            for (String marking : object.strings("object_marking_refs")) {
                Tlp level = Tlp.ofMarkingId(marking).orElse(null);
                if (level != null && (strictest == null || level.ordinal() > strictest.ordinal())) {
                    strictest = level;
                }
            }
        }
        return strictest == null ? null : strictest.label();
    }

    /** The analyses of competing hypotheses about any of the actor's objects. */
    private List<AchAnalysis.Result> analyses(List<String> actorIds, Instant asOf) {
        Set<String> groupings = new LinkedHashSet<>();
        for (String id : actorIds) {
            groupings.addAll(store.referencing(id, "object_refs"));
        }
        AchBook book = new AchBook(store);
        List<AchAnalysis.Result> results = new ArrayList<>();
        for (StixObject object : store.currentObjects(groupings)) {
            if ("grouping".equals(object.type()) && !SightlineExtensions.of(object.json(), SightlineExtensions.ACH).isMissingNode()) {
                results.add(book.analyse(object.id(), asOf));
            }
        }
        return results;
    }
}
