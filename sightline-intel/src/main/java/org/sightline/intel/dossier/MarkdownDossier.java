package org.sightline.intel.dossier;

import java.util.List;
import java.util.function.Function;
import org.sightline.intel.ach.AchAnalysis;
import org.sightline.intel.actors.ActorCard;
import org.sightline.intel.claims.ClaimAssessor;
import org.sightline.intel.claims.TrackRecord;

/** A dossier as Markdown, for pasting into a report or reading in a repository. */
public final class MarkdownDossier {
    private MarkdownDossier() {
    }

    /** @param nameOf the name of an object by id (the resolving source of a claim) */
    public static String render(Dossier dossier, Function<String, String> nameOf) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(DossierText.marking(dossier)).append("**\n\n");
        md.append("# ").append(DossierText.title(dossier)).append("\n\n").append(DossierText.preamble(dossier)).append("\n\n");
        var actor = dossier.actor();
        md.append("## The actor\n\n");
        if (actor.summary() != null) {
            md.append(actor.summary()).append("\n\n");
        }
        md.append("- Suspected state sponsor: ").append(DossierText.sourced(actor.stateSponsors())).append("\n");
        md.append("- Country: ").append(DossierText.sourced(actor.countries())).append("\n");
        md.append("- Targeted sectors: ").append(DossierText.sourced(actor.targetSectors())).append("\n");
        md.append("- Victim countries: ").append(DossierText.sourced(actor.victimCountries())).append("\n");
        int techniques = actor.techniquesByTactic().values().stream().mapToInt(List::size).sum();
        md.append("- Techniques: ").append(techniques).append(" across ").append(actor.techniquesByTactic().size())
                .append(" tactics; software: ").append(actor.software().size()).append("\n\n");
        md.append("### Names and who uses them\n\n| name | sources |\n|---|---|\n");
        for (ActorCard.Alias alias : actor.aliases()) {
            md.append("| ").append(cell(alias.name())).append(" | ").append(cell(String.join("; ", alias.sources()))).append(" |\n");
        }
        md.append("\n## Claims\n\n");
        if (dossier.claims().isEmpty()) {
            md.append("No claims about this actor are recorded.\n\n");
        }
        for (Dossier.ClaimSection section : dossier.claims()) {
            md.append("### ").append(DossierText.claimHeading(section.claim())).append("\n\n");
            md.append(DossierText.status(dossier, section.claim(), nameOf.apply(section.claim().resolvedBy()))).append("\n\n");
            md.append("**").append(DossierText.confidence(dossier, section)).append("**\n\n");
            section.assessment().contributions().forEach(c -> md.append("- ").append(DossierText.contribution(dossier, c)).append("\n"));
            md.append("\nConfidence over time:\n\n| date | probability | words | what changed |\n|---|---|---|---|\n");
            for (ClaimAssessor.HistoryPoint point : section.history()) {
                md.append("| ").append(DossierText.day(point.asOf())).append(" | ").append(Math.round(point.probability() * 100))
                        .append(" % | ").append(point.wep()).append(" | ").append(cell(String.join("; ", point.changes()))).append(" |\n");
            }
            md.append("\nEvidence:\n\n").append(row(DossierText.EVIDENCE_HEADER)).append(row(DossierText.EVIDENCE_HEADER.stream().map(h -> "---").toList()));
            section.evidence().forEach(cited -> md.append(row(DossierText.evidenceRow(cited))));
            md.append("\n");
        }
        md.append("## Sources and their track records\n\n| source | graded | reliability as of ").append(DossierText.day(dossier.asOf()))
                .append(" | confirmed | refuted | open |\n|---|---|---|---|---|---|\n");
        for (TrackRecord record : dossier.sources()) {
            md.append("| ").append(cell(record.name())).append(" | ").append(record.graded() == null ? "not graded" : record.graded())
                    .append(" | ").append(record.reliability()).append(" (").append(record.reliability().wording()).append(") | ")
                    .append(record.confirmed()).append(" | ").append(record.refuted()).append(" | ").append(record.open()).append(" |\n");
        }
        for (AchAnalysis.Result analysis : dossier.analyses()) {
            md.append("\n## Competing hypotheses: ").append(analysis.question()).append("\n\n| hypothesis | weighted inconsistency | inconsistent items |\n|---|---|---|\n");
            analysis.ranking().forEach(h -> md.append("| ").append(h.key()).append(" ").append(cell(h.label())).append(" | ")
                    .append(h.inconsistency()).append(" | ").append(h.inconsistentItems()).append(" |\n"));
            List<String> keys = analysis.ranking().stream().map(AchAnalysis.Ranked::key).sorted().toList();
            md.append("\n| evidence | weight | diagnosticity | ").append(String.join(" | ", keys)).append(" |\n|---|---|---|")
                    .append("---|".repeat(keys.size())).append("\n");
            for (AchAnalysis.Row row : analysis.evidence()) {
                md.append("| ").append(dossier.label(row.evidence())).append(" ").append(cell(row.title())).append(" | ").append(row.weight())
                        .append(" | ").append(row.diagnosticity()).append(" | ");
                keys.forEach(k -> md.append(row.ratings().get(k)).append(" | "));
                md.append("\n");
            }
        }
        return md.toString();
    }

    private static String row(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        cells.forEach(c -> row.append(" ").append(cell(c)).append(" |"));
        return row.append("\n").toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
