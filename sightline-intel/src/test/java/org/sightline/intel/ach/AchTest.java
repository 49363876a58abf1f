package org.sightline.intel.ach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.demo.DemoData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

class AchTest {
    private static AchMatrix matrix(List<AchMatrix.Rating> ratings) {
        return new AchMatrix("grouping--x", "Who?", List.of(new AchMatrix.Hypothesis("H1", "state", null),
                new AchMatrix.Hypothesis("H2", "criminals", null)), ratings);
    }

    @Test
    void theHypothesisWithTheLeastWeightedInconsistencyRanksFirst() {
        AchAnalysis.Result result = AchAnalysis.of(matrix(List.of(
                new AchMatrix.Rating("e1", "H1", Consistency.CONSISTENT), new AchMatrix.Rating("e1", "H2", Consistency.VERY_INCONSISTENT),
                new AchMatrix.Rating("e2", "H1", Consistency.INCONSISTENT), new AchMatrix.Rating("e2", "H2", Consistency.CONSISTENT))),
                Map.of("e1", 1.0, "e2", 0.2)::get, id -> id);
        assertThat(result.ranking()).extracting(AchAnalysis.Ranked::key).containsExactly("H1", "H2");
        assertThat(result.ranking().get(0).inconsistency()).isEqualTo(0.2); // one weak item against it
        assertThat(result.ranking().get(1).inconsistency()).isEqualTo(2.0); // one strong item, very inconsistent
    }

    @Test
    void evidenceRatedAlikeForEveryHypothesisIsNotDiagnostic() {
        AchAnalysis.Result result = AchAnalysis.of(matrix(List.of(
                new AchMatrix.Rating("alike", "H1", Consistency.CONSISTENT), new AchMatrix.Rating("alike", "H2", Consistency.CONSISTENT),
                new AchMatrix.Rating("telling", "H1", Consistency.VERY_CONSISTENT),
                new AchMatrix.Rating("telling", "H2", Consistency.VERY_INCONSISTENT))),
                id -> 1.0, id -> id);
        assertThat(result.evidence()).extracting(AchAnalysis.Row::evidence).containsExactly("telling", "alike");
        assertThat(result.evidence().get(0).diagnosticity()).isEqualTo(1.0);
        assertThat(result.evidence().get(1).diagnosticity()).isZero();
        assertThat(result.ranking()).extracting(AchAnalysis.Ranked::inconsistency).containsExactly(0.0, 2.0);
    }

    @Test
    void theDemoAnalysisFavoursTheMssAndOnlyCountsWhatWasKnowable() {
        try (TestStore test = Backend.H2.open()) {
            DemoData.load(new BundleImporter(test.knowledge().intake()));
            AchBook book = new AchBook(test.store());
            AchMatrix demo = book.all().get(0);
            assertThat(demo.question()).isEqualTo("Who directs APT10's intrusions?");
            AchAnalysis.Result december = book.analyse(demo.id(), Instant.parse("2018-12-21T00:00:00Z"));
            assertThat(december.ranking().get(0).label()).contains("MSS Tianjin");
            assertThat(december.ranking().get(0).claim()).isNotNull();
            assertThat(december.evidence().get(0).title()).contains("indictment");
            AchAnalysis.Result august = book.analyse(demo.id(), Instant.parse("2018-08-31T00:00:00Z"));
            assertThat(august.evidence()).hasSize(december.evidence().size() - 1);

            AchMatrix rated = book.rate(demo.id(), december.evidence().get(0).evidence(), "H3", Consistency.NEUTRAL);
            assertThat(rated.ratings()).hasSize(demo.ratings().size()); // replaced, not added
            assertThatThrownBy(() -> book.rate(demo.id(), december.evidence().get(0).evidence(), "H9", Consistency.NEUTRAL))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("H1");
            assertThatThrownBy(() -> book.create(demo.hypotheses().get(0).claim(), "Who?",
                    List.of(new AchBook.NewHypothesis("only one", null)))).isInstanceOf(InvalidInputException.class);
        }
    }
}
