package org.sightline.intel.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** TTP-similarity attribution on ATT&CK Enterprise. */
class SimilarityModelTest {
    private static TestStore test;
    private static AttackCatalog catalog;

    @BeforeAll
    static void loadAttack() {
        test = Backend.H2.open();
        new BundleImporter(test.knowledge().intake())
                .importPaths(List.of(SharedData.enterpriseAttack()), ImportOptions.strict(), ImportProgress.NONE);
        catalog = AttackCatalog.load(test.store());
    }

    @AfterAll
    static void close() {
        if (test != null) {
            test.close();
        }
    }

    @Test
    void theCatalogueKnowsGroupsTheirToolsAndSubTechniques() {
        assertThat(catalog.groups()).hasSizeGreaterThan(150);
        assertThat(catalog.parentOf()).containsEntry("T1566.001", "T1566");
        assertThat(catalog.groups()).filteredOn(g -> "G0045".equals(g.externalId())).singleElement()
                .satisfies(g -> assertThat(g.software()).contains("S0002"));
    }

    @Test
    void menuPassBehaviourPointsToMenuPassWithReasons() {
        SimilarityService.Answer answer = new SimilarityService(test.store())
                .similar(List.of("T1021.001", "T1566.001", "T1059.001", "T9999"), List.of("S0153", "S0002"), 5);
        SimilarityModel.Ranked first = answer.ranking().get(0);
        assertThat(first.externalId()).isEqualTo("G0045");
        assertThat(first.shared()).contains("S0153", "S0002");
        assertThat(first.distinctive()).contains("S0153");
        assertThat(answer.unknown()).containsExactly("T9999");
        assertThat(answer.ranking()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(first.score()).isBetween(0.5, 1.0); // a probability among the known groups
    }

    @Test
    void nothingKnownIsBadInput() {
        assertThatThrownBy(() -> new SimilarityService(test.store()).similar(List.of("T0000"), List.of(), 5))
                .isInstanceOf(InvalidInputException.class);
    }

    /** A quality floor on the fixed protocol: above the plain TF-IDF cosine (top-1 0.66, top-5 0.87). */
    @Test
    void theProtocolScoresAboveThePlainTfIdfBaseline() {
        AttributionBenchmark.Result result = AttributionBenchmark.run(catalog, SimilarityModel.Parameters.defaults(), 20181220L, 5);
        assertThat(result.queries()).isGreaterThan(500);
        assertThat(result.top1()).isGreaterThan(0.70);
        assertThat(result.top5()).isGreaterThan(0.87);
        // The top score reads as a probability: on average within 8 points of how often the top group is right.
        assertThat(result.calibrationError()).isLessThan(0.08);
    }
}
