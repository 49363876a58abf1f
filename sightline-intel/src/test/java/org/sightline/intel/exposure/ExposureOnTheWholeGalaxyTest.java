package org.sightline.intel.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.demo.DemoData;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/**
 * The ranking a new user gets after loading the demo, ATT&CK Enterprise and the three MISP galaxy
 * files: hundreds of actors, most with broad CFR lists of sectors and victim countries. The MSP
 * case must still lead, on evidence more specific than a country, and broad facts must weigh little.
 */
class ExposureOnTheWholeGalaxyTest {
    private static final String MENUPASS = "intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f";
    private static TestStore test;
    private static String organisation;

    @BeforeAll
    static void load() {
        List<java.nio.file.Path> files = List.of(SharedData.enterpriseAttack(),
                SharedData.require("misp-galaxy/clusters_threat-actor.json"),
                SharedData.require("misp-galaxy/clusters_mitre-intrusion-set.json"),
                SharedData.require("misp-galaxy/clusters_microsoft-activity-group.json"));
        test = Backend.H2.open();
        BundleImporter importer = new BundleImporter(test.knowledge().intake());
        importer.importPaths(files, ImportOptions.strict(), ImportProgress.NONE);
        DemoData.load(importer);
        new org.sightline.intel.actors.ActorLinker(test.store()).linkAll(); // as `sightline demo --with` does
        organisation = ExposureModel.organisation(test.store(), null);
    }

    @AfterAll
    static void close() {
        if (test != null) {
            test.close();
        }
    }

    /** The two dates: the day it was measured on, and before any of ATT&CK's Trusted Relationship entries but APT28's and menuPass's. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03T00:00:00Z", "2019-01-01T00:00:00Z"})
    void theMspCaseLeadsOnSpecificEvidence(String date) {
        Exposure exposure = new ExposureModel(test.store()).rank(organisation, 20, Instant.parse(date));
        assertThat(exposure.actors()).hasSize(20);
        Exposure.RankedActor first = exposure.actors().get(0);
        assertThat(first.id()).isEqualTo(MENUPASS); // the demo's APT10, linked to ATT&CK's menuPass, shown under ATT&CK's name
        assertThat(first.name()).isEqualTo("menuPass");
        assertThat(first.score()).isGreaterThan(exposure.actors().get(1).score());
        assertThat(first.paths().get(0).names().get(0)).isEqualTo("Harbor Managed IT");
        assertThat(exposure.whyFirst()).startsWith(first.name() + " is first").contains("managed-it-services", "Harbor Managed IT");

        for (Exposure.RankedActor actor : exposure.actors().subList(0, 10)) {
            assertThat(actor.paths()).as("%s rests on more than a country", actor.name())
                    .anySatisfy(path -> assertThat(path.evidence()).anySatisfy(e -> assertThat(e.dimension()).isNotEqualTo("country")));
        }
        for (Exposure.RankedActor actor : exposure.actors()) {
            for (Exposure.Path path : actor.paths()) {
                assertThat(path.reasons()).as("%s through %s states each fact once", actor.name(), path.names()).doesNotHaveDuplicates();
                path.evidence().forEach(e -> assertThat(e.sources()).doesNotHaveDuplicates());
            }
        }
    }

    /** A victim country hundreds of actors list weighs less than using a technique that goes through the supplier's service. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03T00:00:00Z", "2019-01-01T00:00:00Z"})
    void broadFactsWeighLessThanServiceTypes(String date) {
        Exposure exposure = new ExposureModel(test.store()).rank(organisation, 20, Instant.parse(date));
        List<Exposure.Evidence> evidence = exposure.actors().stream().flatMap(a -> a.paths().stream()).flatMap(p -> p.evidence().stream()).toList();
        double heaviestCountry = evidence.stream().filter(e -> e.dimension().equals("country")).mapToDouble(Exposure.Evidence::weight).max().orElseThrow();
        double lightestService = evidence.stream().filter(e -> e.dimension().equals("service")).mapToDouble(Exposure.Evidence::weight).min().orElseThrow();
        assertThat(heaviestCountry).isLessThan(lightestService);
        assertThat(evidence).filteredOn(e -> e.dimension().equals("country")).allSatisfy(e -> assertThat(e.actorsHolding()).isGreaterThan(10));
    }
}
