package org.sightline.intel.dossier;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.sightline.intel.ach.AchAnalysis;
import org.sightline.intel.actors.ActorCard;
import org.sightline.intel.claims.ClaimAssessor;
import org.sightline.intel.claims.TrackRecord;
import org.sightline.stix.StixTimestamp;

/**
 * A dossier as one self-contained HTML page (no scripts, no external files), for policy readers:
 * the same text as the Markdown form, with each claim's confidence over time drawn as an SVG chart.
 */
public final class HtmlDossier {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 180;
    private static final int MARGIN = 36;

    private HtmlDossier() {
    }

    public static String render(Dossier dossier, Function<String, String> nameOf) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc(DossierText.title(dossier))).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}")
                .append("table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;")
                .append("vertical-align:top;font-size:.9rem}th{background:#f3f3f3}.wep{font-weight:bold}")
                .append("svg{border:1px solid #ddd;background:#fcfcfc}</style></head><body>\n");
        html.append("<p class=\"tlp\"><strong>").append(esc(DossierText.marking(dossier))).append("</strong></p>\n");
        html.append("<h1>").append(esc(DossierText.title(dossier))).append("</h1>\n<p>").append(esc(DossierText.preamble(dossier))).append("</p>\n");
        var actor = dossier.actor();
        html.append("<h2>The actor</h2>\n");
        if (actor.summary() != null) {
            html.append("<p>").append(esc(actor.summary())).append("</p>\n");
        }
        html.append("<ul><li>Suspected state sponsor: ").append(esc(DossierText.sourced(actor.stateSponsors())))
                .append("</li><li>Country: ").append(esc(DossierText.sourced(actor.countries())))
                .append("</li><li>Targeted sectors: ").append(esc(DossierText.sourced(actor.targetSectors())))
                .append("</li><li>Victim countries: ").append(esc(DossierText.sourced(actor.victimCountries()))).append("</li></ul>\n");
        html.append("<h3>Names and who uses them</h3>\n<table><tr><th>name</th><th>sources</th></tr>\n");
        for (ActorCard.Alias alias : actor.aliases()) {
            html.append("<tr><td>").append(esc(alias.name())).append("</td><td>").append(esc(String.join("; ", alias.sources()))).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Claims</h2>\n");
        for (Dossier.ClaimSection section : dossier.claims()) {
            html.append("<h3>").append(esc(DossierText.claimHeading(section.claim()))).append("</h3>\n<p>")
                    .append(esc(DossierText.status(dossier, section.claim(), nameOf.apply(section.claim().resolvedBy()))))
                    .append("</p>\n<p class=\"wep\">").append(esc(DossierText.confidence(dossier, section))).append("</p>\n<ul>");
            section.assessment().contributions().forEach(c -> html.append("<li>").append(esc(DossierText.contribution(dossier, c))).append("</li>"));
            html.append("</ul>\n").append(chart(section.history(), section.claim().prior()));
            html.append("<table><tr>");
            DossierText.EVIDENCE_HEADER.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
            html.append("</tr>\n");
            for (Dossier.Cited cited : section.evidence()) {
                html.append("<tr id=\"").append(cited.label()).append("\">");
                List<String> cells = DossierText.evidenceRow(cited);
                for (int i = 0; i < cells.size(); i++) {
                    String cell = cells.get(i);
                    boolean link = i == cells.size() - 1 && cited.item().url() != null;
                    html.append("<td>").append(link ? "<a href=\"" + esc(cited.item().url()) + "\">" + esc(cell) + "</a>" : esc(cell)).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Sources and their track records</h2>\n<table><tr><th>source</th><th>graded</th><th>reliability as of ")
                .append(esc(DossierText.day(dossier.asOf()))).append("</th><th>confirmed</th><th>refuted</th><th>open</th></tr>\n");
        for (TrackRecord record : dossier.sources()) {
            html.append("<tr><td>").append(esc(record.name())).append("</td><td>").append(record.graded() == null ? "not graded" : record.graded())
                    .append("</td><td>").append(record.reliability()).append(" (").append(esc(record.reliability().wording())).append(")</td><td>")
                    .append(record.confirmed()).append("</td><td>").append(record.refuted()).append("</td><td>").append(record.open()).append("</td></tr>\n");
        }
        html.append("</table>\n");
        for (AchAnalysis.Result analysis : dossier.analyses()) {
            html.append("<h2>Competing hypotheses: ").append(esc(analysis.question())).append("</h2>\n<table><tr><th>hypothesis</th>")
                    .append("<th>weighted inconsistency</th><th>inconsistent items</th></tr>\n");
            analysis.ranking().forEach(h -> html.append("<tr><td>").append(h.key()).append(" ").append(esc(h.label())).append("</td><td>")
                    .append(h.inconsistency()).append("</td><td>").append(h.inconsistentItems()).append("</td></tr>\n"));
            html.append("</table>\n<table><tr><th>evidence</th><th>weight</th><th>diagnosticity</th>");
            List<String> keys = analysis.ranking().stream().map(AchAnalysis.Ranked::key).sorted().toList();
            keys.forEach(k -> html.append("<th>").append(k).append("</th>"));
            html.append("</tr>\n");
            for (AchAnalysis.Row row : analysis.evidence()) {
                html.append("<tr><td>").append(esc(dossier.label(row.evidence()) + " " + row.title())).append("</td><td>").append(row.weight())
                        .append("</td><td>").append(row.diagnosticity()).append("</td>");
                keys.forEach(k -> html.append("<td>").append(row.ratings().get(k)).append("</td>"));
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** The confidence curve: a step line from the prior through each dated change, probability 0 to 1 upwards. */
    static String chart(List<ClaimAssessor.HistoryPoint> history, double prior) {
        if (history.isEmpty()) {
            return "";
        }
        Instant first = StixTimestamp.parse(history.get(0).asOf());
        Instant last = StixTimestamp.parse(history.get(history.size() - 1).asOf());
        double span = Math.max(1, last.getEpochSecond() - first.getEpochSecond());
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\"><title>Confidence over time</title>");
        for (double level : new double[] {0, 0.5, 1}) {
            double y = y(level);
            svg.append(String.format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", MARGIN, y, WIDTH - MARGIN / 2, y))
                    .append(String.format("<text x=\"4\" y=\"%.1f\" font-size=\"10\">%d%%</text>", y + 3, Math.round(level * 100)));
        }
        StringBuilder path = new StringBuilder(String.format("M%d %.1f", MARGIN, y(prior)));
        for (ClaimAssessor.HistoryPoint point : history) {
            double x = MARGIN + (StixTimestamp.parse(point.asOf()).getEpochSecond() - first.getEpochSecond()) / span * (WIDTH - 1.5 * MARGIN);
            path.append(String.format(" H%.1f V%.1f", x, y(point.probability())));
            svg.append(String.format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f5fa8\"><title>%s: %d%% (%s)</title></circle>",
                    x, y(point.probability()), point.asOf().substring(0, 10), Math.round(point.probability() * 100), esc(point.wep())));
        }
        svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>");
        svg.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>", MARGIN, HEIGHT - 4, history.get(0).asOf().substring(0, 10)));
        svg.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>", WIDTH - MARGIN / 2, HEIGHT - 4,
                history.get(history.size() - 1).asOf().substring(0, 10)));
        return svg.append("</svg>\n").toString();
    }

    private static double y(double probability) {
        return HEIGHT - 20 - probability * (HEIGHT - 36);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
