package org.sightline.intel.dossier;

import java.util.List;
import org.sightline.intel.ach.AchAnalysis;
import org.sightline.intel.actors.ActorProfile;
import org.sightline.intel.attribution.Assessment;
import org.sightline.intel.attribution.Reliability;
import org.sightline.intel.claims.Claim;
import org.sightline.intel.claims.ClaimAssessor;
import org.sightline.intel.claims.EvidenceItem;
import org.sightline.intel.claims.TrackRecord;

/**
 * Everything a dossier on an actor says, as of a date, before it is written out as HTML, Markdown
 * or STIX: the actor's card, the claims about it with their confidence, curve and cited evidence,
 * the track records of the sources, and the analyses of competing hypotheses. Every evidence item
 * has one citation label (E1, E2 …) used wherever it is cited. {@code tlp} is the most restrictive
 * TLP marking of anything the dossier draws on ("TLP:AMBER"), or null when nothing is marked.
 */
public record Dossier(String asOf, String generated, ActorProfile actor, List<String> actorIds, List<ClaimSection> claims,
                      List<TrackRecord> sources, List<AchAnalysis.Result> analyses, String tlp) {

    public record ClaimSection(Claim claim, Assessment assessment, List<ClaimAssessor.HistoryPoint> history,
                               List<Cited> evidence) {
    }

    /** An evidence item with its citation label and the grade it was weighed at on the dossier's date. */
    public record Cited(String label, EvidenceItem item, Reliability weighedAs) {
        public org.sightline.intel.attribution.AdmiraltyGrade grade() {
            return new org.sightline.intel.attribution.AdmiraltyGrade(item.reliability(), item.credibility(), weighedAs);
        }
    }

    /** The citation label of an evidence item, or its id when the dossier does not cite it. */
    public String label(String evidenceId) {
        for (ClaimSection section : claims) {
            for (Cited cited : section.evidence()) {
                if (cited.item().id().equals(evidenceId)) {
                    return cited.label();
                }
            }
        }
        return evidenceId;
    }

    /** The labels of the evidence items given, in citation order: "[E1, E3]". */
    public String cite(List<String> evidenceIds) {
        return "[" + String.join(", ", evidenceIds.stream().map(this::label).sorted(Dossier::byLabel).toList()) + "]";
    }

    private static int byLabel(String a, String b) {
        boolean la = a.matches("E\\d+");
        boolean lb = b.matches("E\\d+");
        if (la && lb) {
            return Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
        }
        return a.compareTo(b);
    }
}
