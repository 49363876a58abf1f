package org.sightline.intel.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.demo.DemoData;
import org.sightline.stix.StixObject;
import org.sightline.stix.validation.StixValidator;
import org.sightline.stix.validation.ValidationIssue;
import org.sightline.store.intake.Intake;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** The APT10 dossier of the demo case, in its three forms. */
class DossierTest {
    private static TestStore test;
    private static Dossier december;
    private static Function<String, String> names;

    @BeforeAll
    static void build() {
        test = Backend.H2.open();
        DemoData.load(new BundleImporter(test.knowledge().intake()));
        december = new DossierBuilder(test.store()).build("Stone Panda", Instant.parse("2018-12-21T00:00:00Z"));
        names = id -> test.store().current(id).map(StixObject::name).orElse(id);
    }

    @AfterAll
    static void close() {
        if (test != null) {
            test.close();
        }
    }

    private static List<Dossier.Cited> cited(Dossier dossier) {
        List<Dossier.Cited> all = new ArrayList<>();
        dossier.claims().forEach(section -> all.addAll(section.evidence()));
        return all;
    }

    @Test
    void theMarkdownCitesEveryEvidenceItemInAFinding() {
        String md = MarkdownDossier.render(december, names);
        assertThat(md).startsWith("**TLP:CLEAR: the most restrictive marking").contains("# Dossier: APT10").contains("attributed-to MSS Tianjin State Security Bureau",
                "almost certain", "Intrusion Truth", "Who directs APT10's intrusions?", "BRONZE RIVERSIDE");
        assertThat(cited(december)).hasSize(6);
        for (Dossier.Cited cited : cited(december)) {
            // In a finding's citation list, and as the row of the evidence table.
            assertThat(md).containsPattern("\\[[E0-9, ]*\\b" + cited.label() + "\\b[E0-9, ]*\\]");
            assertThat(md).contains("| " + cited.label() + " | ");
        }
    }

    @Test
    void theHtmlDrawsTheCurveAndEscapesText() {
        String html = HtmlDossier.render(december, names);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "Confidence over time", "<tr id=\"E1\">")
                .doesNotContain("<script");
        cited(december).forEach(cited -> assertThat(html).contains("id=\"" + cited.label() + "\""));
        assertThat(HtmlDossier.esc("<b>\"x\" & 'y'</b>")).isEqualTo("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
    }

    @Test
    void theStixFormIsAValidReportBundleHoldingEveryCitedObject() {
        ObjectNode bundle = StixDossier.render(december, test.store(), MarkdownDossier.render(december, names));
        StixValidator validator = new StixValidator(new org.sightline.pattern.validate.PatternValidator());
        List<String> ids = new ArrayList<>();
        JsonNode report = null;
        for (JsonNode object : bundle.path("objects")) {
            List<ValidationIssue> errors = validator.validate((ObjectNode) object).stream().filter(ValidationIssue::isError).toList();
            assertThat(errors).as(object.path("id").asText()).isEmpty();
            ids.add(object.path("id").asText());
            if (object.path("type").asText().equals("report")) {
                report = object;
            }
        }
        assertThat(report).isNotNull();
        List<String> refs = new ArrayList<>();
        report.path("object_refs").forEach(ref -> refs.add(ref.asText()));
        assertThat(ids).containsAll(refs);
        cited(december).forEach(cited -> assertThat(refs).contains(cited.item().id()));
        assertThat(report.path("object_marking_refs").size()).isGreaterThan(0);
    }

    @Test
    void aDossierAsOfAugust2018KnowsNothingOfTheIndictment() {
        Dossier august = new DossierBuilder(test.store()).build("APT10", Instant.parse("2018-08-31T00:00:00Z"));
        String md = MarkdownDossier.render(august, names);
        assertThat(md).doesNotContain("Zhu Hua").contains("Status: open as of 2018-08-31", "likely");
        // each item's grade as the claim page and the reasons write it: the analyst's, and the record's then
        assertThat(md).contains("| F3 as graded, C3 as weighed |", "strongest F2 as graded, C2 as weighed").doesNotContain("(graded F)");
        assertThat(cited(august)).extracting(c -> c.item().kind()).doesNotContain("indictment");
    }

    @Test
    void oneAmberItemMakesTheWholeDossierAmber() {
        try (TestStore amber = Backend.H2.open()) {
            DemoData.load(new BundleImporter(amber.knowledge().intake()));
            Dossier before = new DossierBuilder(amber.store()).build("APT10", Instant.parse("2018-12-21T00:00:00Z"));
            String first = before.claims().get(0).evidence().get(0).item().id();
            ObjectNode note = amber.store().current(first).orElseThrow().json().deepCopy();
            note.put("modified", "2026-11-28T00:00:00.000Z");
            note.putArray("object_marking_refs").add(org.sightline.stix.markings.Tlp.AMBER.markingId());
            Intake.of(amber.store()).writeAll(List.of(note), "the note", null);
            Dossier after = new DossierBuilder(amber.store()).build("APT10", Instant.parse("2018-12-21T00:00:00Z"));
            assertThat(before.tlp()).isEqualTo("TLP:CLEAR");
            assertThat(after.tlp()).isEqualTo("TLP:AMBER");
            assertThat(HtmlDossier.render(after, names)).contains("TLP:AMBER: the most restrictive marking");
        }
    }
}
