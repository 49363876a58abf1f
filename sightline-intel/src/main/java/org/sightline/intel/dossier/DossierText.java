package org.sightline.intel.dossier;

import java.util.ArrayList;
import java.util.List;
import org.sightline.intel.actors.ActorProfile;
import org.sightline.intel.attribution.Assessment;
import org.sightline.intel.claims.Claim;
import org.sightline.intel.claims.ClaimStatus;
import org.sightline.stix.StixTimestamp;

/**
 * The sentences and table rows of a dossier, written once for both the Markdown and the HTML form.
 * Each sentence that states a finding ends with the evidence it rests on.
 */
final class DossierText {
    private DossierText() {
    }

    static String day(String timestamp) {
        return timestamp == null ? "" : timestamp.substring(0, Math.min(10, timestamp.length()));
    }

    static String title(Dossier dossier) {
        return "Dossier: " + dossier.actor().name() + (dossier.actor().externalId() == null ? "" : " [" + dossier.actor().externalId() + "]");
    }

    /** The sharing banner: the strictest TLP of anything in the dossier. */
    static String marking(Dossier dossier) {
        return dossier.tlp() == null ? "No TLP marking on anything in this dossier: decide how far to share it before you do."
                : dossier.tlp() + ": the most restrictive marking of anything in this dossier; share it no wider.";
    }

    static String preamble(Dossier dossier) {
        return "What could be known as of " + day(dossier.asOf()) + ", written by Sightline on " + day(dossier.generated())
                + ". Findings cite the evidence they rest on as [E1]; each claim lists its evidence with its Admiralty grade "
                + "(source reliability A-F as weighed on that date, item credibility 1-6) and its origin.";
    }

    static String claimHeading(Claim claim) {
        return claim.source().name() + " " + claim.type() + " " + claim.target().name();
    }

    /** "Confirmed on 2018-12-20 by US Department of Justice [E8]." or "Open." as of the dossier's date. */
    static String status(Dossier dossier, Claim claim, String resolverName) {
        ClaimStatus status = claim.statusAsOf(StixTimestamp.parse(dossier.asOf()));
        if (status == ClaimStatus.OPEN) {
            return "Status: open as of " + day(dossier.asOf()) + ".";
        }
        return "Status: " + status.label() + " on " + day(claim.resolvedOn()) + " by " + resolverName
                + (claim.resolutionEvidence().isEmpty() ? "" : " " + dossier.cite(claim.resolutionEvidence())) + ".";
    }

    static String confidence(Dossier dossier, Dossier.ClaimSection section) {
        Assessment assessment = section.assessment();
        List<String> cited = new ArrayList<>();
        assessment.contributions().forEach(c -> cited.addAll(c.items()));
        String because = cited.isEmpty() ? " No evidence was knowable by then; the claim stands at its prior of "
                + Math.round(section.claim().prior() * 100) + " %." : " " + dossier.cite(cited);
        return "As of " + day(assessment.asOf()) + " this is " + assessment.wep() + ": probability "
                + Math.round(assessment.probability() * 100) + " %, STIX confidence " + assessment.confidence() + "." + because;
    }

    static String contribution(Dossier dossier, Assessment.Contribution contribution) {
        return String.format("%+.2f  %s %s", contribution.effect(), contribution.reason(), dossier.cite(contribution.items()));
    }

    /** Cells of an evidence row: label, date, stance, kind, source, grade, origin, title, link and hash. */
    static List<String> evidenceRow(Dossier.Cited cited) {
        var item = cited.item();
        String link = item.url() == null ? "" : item.url();
        String hash = item.artifactSha256() == null ? "" : "SHA-256 " + item.artifactSha256();
        return List.of(cited.label(), day(StixTimestamp.format(item.knownFrom())),
                item.stance().name().toLowerCase(java.util.Locale.ROOT), item.kind(), String.valueOf(item.source().name()),
                cited.grade().label(),
                item.origin(), String.valueOf(item.title()), (link + " " + hash).trim());
    }

    static final List<String> EVIDENCE_HEADER = List.of("", "known from", "stance", "kind", "source", "grade", "origin",
            "item", "link / archived artifact");

    static String sourced(List<ActorProfile.Sourced> values) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(v.value() + " (" + String.join("; ", v.sources()) + ")"));
        return parts.isEmpty() ? "none recorded" : String.join(", ", parts);
    }
}
