package org.sightline.intel.intrusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.demo.DemoData;
import org.sightline.intel.actors.ActorLinker;
import org.sightline.stix.StixObject;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** "Who did it?" on ATT&CK's menuPass and APT3 with the Stone Panda case: every factor with its reason, and none that knows nothing moving anyone. */
class AttributionServiceTest {
    private static final String MENUPASS = "intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f";
    private static final String QUIET = "intrusion-set--7a2b3c4d-5e6f-4a70-8b9c-0d1e2f3a4b01";
    private static TestStore test;
    private static AttributionService service;

    @BeforeAll
    static void load() {
        test = Backend.H2.open();
        BundleImporter importer = new BundleImporter(test.knowledge().intake());
        importer.importPaths(List.of(SharedData.menuPassSubset(), SharedData.require("misp-galaxy/clusters_threat-actor.json")),
                ImportOptions.strict(), ImportProgress.NONE);
        DemoData.load(importer);
        test.store().write(writer -> {
            writer.put(StixObject.parse("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a01\","
                    + "\"created\":\"2017-04-01T00:00:00.000Z\",\"modified\":\"2017-04-01T00:00:00.000Z\",\"pattern_type\":\"stix\","
                    + "\"pattern\":\"[domain-name:value = 'update.cloud-hopper.example']\",\"valid_from\":\"2017-04-01T00:00:00Z\"}"));
            writer.put(StixObject.parse("{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"relationship--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a02\","
                    + "\"created\":\"2017-04-01T00:00:00.000Z\",\"modified\":\"2017-04-01T00:00:00.000Z\",\"relationship_type\":\"indicates\","
                    + "\"source_ref\":\"indicator--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a01\",\"target_ref\":\"" + MENUPASS + "\"}"));
            return null;
        });
        // a group ATT&CK-style data knows the behaviour of, and nothing of its targeting
        String phishing = test.store().findByExternalId("T1566.001").get(0).objectId();
        test.store().write(writer -> {
            writer.put(StixObject.parse("{\"type\":\"intrusion-set\",\"spec_version\":\"2.1\",\"id\":\"" + QUIET + "\","
                    + "\"created\":\"2020-01-01T00:00:00.000Z\",\"modified\":\"2020-01-01T00:00:00.000Z\",\"name\":\"Quiet Group\","
                    + "\"external_references\":[{\"source_name\":\"mitre-attack\",\"external_id\":\"G9999\"}]}"));
            writer.put(StixObject.parse("{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"relationship--7a2b3c4d-5e6f-4a70-8b9c-0d1e2f3a4b02\","
                    + "\"created\":\"2020-01-01T00:00:00.000Z\",\"modified\":\"2020-01-01T00:00:00.000Z\",\"relationship_type\":\"uses\","
                    + "\"source_ref\":\"" + QUIET + "\",\"target_ref\":\"" + phishing + "\"}"));
            return null;
        });
        new ActorLinker(test.store()).linkAll();
        service = new AttributionService(test.store());
    }

    @AfterAll
    static void close() {
        if (test != null) {
            test.close();
        }
    }

    private static Intrusion described(List<String> sectors, List<String> countries, List<String> indicators) {
        return new Intrusion(null, "an MSP intrusion", List.of("T1021.001", "T1566.001", "T1059.001"), List.of("S0153", "S0002"),
                sectors, countries, LocalDate.parse("2016-05-01"), LocalDate.parse("2017-03-31"), indicators, List.of());
    }

    @Test
    void everythingTheIntrusionShowsIsWeighedWithAReasonInWords() {
        Attribution attribution = service.attribute(described(List.of("government"), List.of("JP"),
                List.of("[domain-name:value = 'UPDATE.cloud-hopper.example.']", "203.0.113.9")), 5);
        assertThat(attribution.factorsGiven()).containsExactly("behaviour", "time", "targeting", "infrastructure");
        Attribution.Candidate top = attribution.candidates().get(0);
        assertThat(top.id()).isEqualTo(MENUPASS);
        assertThat(top.factorsUsed()).contains("behaviour", "time", "targeting", "infrastructure");
        Map<String, Factor> factors = top.factors().stream().collect(Collectors.toMap(Factor::name, Function.identity()));
        assertThat(factors.get("behaviour").reason()).contains("uses 5 of the 5", "S0153 RedLeaves");
        assertThat(factors.get("time").reason()).contains("2016–2017");
        assertThat(factors.get("targeting").reason()).contains("government", "JP", "MISP galaxy threat-actor");
        assertThat(factors.get("infrastructure").reason()).contains("shares 1 of the 2 indicators", "UPDATE.cloud-hopper.example");
        assertThat(factors.get("infrastructure").weight()).isPositive();
        assertThat(top.probability()).isGreaterThan(attribution.candidates().get(1).probability());
        assertThat(top.words()).isNotBlank();
        assertThat(attribution.candidates()).extracting(Attribution.Candidate::probability).allMatch(p -> p >= 0 && p <= 1);
    }

    @Test
    void aFactorThatKnowsNothingOfACandidateMovesItNot() {
        Attribution plain = service.attribute(described(List.of(), List.of(), List.of()), 200);
        Attribution targeted = service.attribute(described(List.of("government", "technology"), List.of("JP", "US"), List.of()), 200);
        Map<String, Attribution.Candidate> before = plain.candidates().stream()
                .collect(Collectors.toMap(Attribution.Candidate::id, Function.identity()));
        int unknownTargeting = 0;
        for (Attribution.Candidate after : targeted.candidates()) {
            Factor targeting = after.factors().stream().filter(f -> f.name().equals("targeting")).findFirst().orElseThrow();
            if (!targeting.used()) {
                unknownTargeting++;
                assertThat(targeting.weight()).isZero();
                assertThat(logit(after)).as(after.name()).isEqualTo(logit(before.get(after.id())));
                assertThat(after.factorsUsed()).doesNotContain("targeting");
            }
        }
        assertThat(unknownTargeting).isPositive(); // Quiet Group: behaviour known, targeting not
    }

    private static double logit(Attribution.Candidate candidate) {
        return candidate.factors().stream().mapToDouble(Factor::weight).sum();
    }

    @Test
    void aStoredCampaignIsAttributedFromItsRelationshipsAndWhatSourcesClaim() {
        Attribution attribution = service.attribute("Operation Cloud Hopper", 3);
        assertThat(attribution.factorsGiven()).contains("claims");
        Attribution.Candidate top = attribution.candidates().get(0);
        assertThat(top.externalId()).isEqualTo("G0045"); // the demo's APT10 is linked to ATT&CK's menuPass
        assertThat(top.factorsUsed()).contains("claims");
        assertThat(top.factors()).filteredOn(f -> f.name().equals("claims")).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("attributed to it by"));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> service.attribute(new Intrusion(null, "x", List.of(), List.of(), List.of(), List.of(),
                LocalDate.parse("2016-01-01"), null, List.of(), List.of()), 5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing to attribute from");
        assertThatThrownBy(() -> service.attribute(new Intrusion(null, "x", List.of("T1566.001"), List.of(), List.of(), List.of(),
                LocalDate.parse("2017-01-01"), LocalDate.parse("2016-01-01"), List.of(), List.of()), 5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ends (2016-01-01) before it starts");
        assertThatThrownBy(() -> service.attribute("Operation Nowhere", 5))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no campaign, report or grouping is named 'Operation Nowhere'");
        assertThatThrownBy(() -> service.attribute(MENUPASS, 5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a intrusion-set");
    }

    @Test
    void indicatorValuesMeetHoweverTheyAreWritten() {
        assertThat(IndicatorValues.of("[domain-name:value = 'a.example'] OR [ipv4-addr:value = '203.0.113.7']"))
                .containsExactly("a.example", "203.0.113.7");
        assertThat(IndicatorValues.of("[file:hashes.'SHA-256' = 'ABCD']")).containsExactly("ABCD");
        assertThat(IndicatorValues.of("evil.example")).containsExactly("evil.example");
        assertThat(IndicatorValues.normalise("Evil.Example.")).isEqualTo("evil.example");
    }
}
