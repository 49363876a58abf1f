package org.sightline.intel.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The properties docs/attribution.md promises of the confidence model. */
class ConfidenceModelPropertyTest {
    private static final Instant AS_OF = Instant.parse("2018-12-21T00:00:00Z");
    private static final Function<Evidence, Reliability> AS_GRADED = e -> null;
    private final ConfidenceModel model = new ConfidenceModel(ConfidenceModel.Parameters.defaults());

    private double probability(List<Evidence> evidence) {
        return model.assess("relationship--claim", evidence, AS_OF, AS_GRADED).probability();
    }

    @Provide
    Arbitrary<Evidence> evidence() {
        return Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.of(Evidence.Stance.class),
                        Arbitraries.of(Reliability.class), Arbitraries.of(Credibility.class),
                        Arbitraries.of("blog", "vendor", "court", "press", "satellite"),
                        Arbitraries.longs().between(1_400_000_000L, 1_545_000_000L))
                .as((n, stance, reliability, credibility, origin, seconds) -> new Evidence("evidence-" + n, stance, "imagery",
                        origin, reliability, credibility, origin, Instant.ofEpochSecond(seconds)));
    }

    @Provide
    Arbitrary<List<Evidence>> evidenceLists() {
        return evidence().list().ofMaxSize(8);
    }

    @Property(tries = 300)
    void itIsDeterministic(@ForAll("evidenceLists") List<Evidence> evidence) {
        assertThat(model.assess("c", evidence, AS_OF, AS_GRADED)).isEqualTo(model.assess("c", evidence, AS_OF, AS_GRADED));
    }

    @Property(tries = 500)
    void supportingEvidenceNeverLowersItAndRefutingNeverRaisesIt(@ForAll("evidenceLists") List<Evidence> evidence,
                                                                  @ForAll("evidence") Evidence extra) {
        List<Evidence> more = new ArrayList<>(evidence);
        more.add(extra);
        if (extra.stance() == Evidence.Stance.SUPPORTS) {
            assertThat(probability(more)).isGreaterThanOrEqualTo(probability(evidence));
        } else {
            assertThat(probability(more)).isLessThanOrEqualTo(probability(evidence));
        }
    }

    @Property(tries = 300)
    void repeatingAnOriginAddsAlmostNothing(@ForAll("evidence") Evidence item) {
        Evidence copy = new Evidence(item.id() + "-repeat", item.stance(), item.kind(), "another outlet", item.reliability(),
                item.credibility(), item.origin(), item.knownFrom());
        double once = model.assess("c", List.of(item), AS_OF, AS_GRADED).contributions().get(0).effect();
        double twice = model.assess("c", List.of(item, copy), AS_OF, AS_GRADED).contributions().get(0).effect();
        assertThat(Math.abs(twice) - Math.abs(once)).isLessThanOrEqualTo(Math.abs(once) * 0.1 + 0.002); // effects are rounded to 0.001
    }

    @Property(tries = 300)
    void evidenceFromAfterTheDateIsIgnored(@ForAll("evidenceLists") List<Evidence> evidence) {
        List<Evidence> known = evidence.stream().filter(e -> !e.knownFrom().isAfter(AS_OF)).toList();
        assertThat(probability(evidence)).isEqualTo(probability(known));
    }

    @Test
    void betterGradedEvidenceWeighsMore() {
        Evidence a1 = new Evidence("e1", Evidence.Stance.SUPPORTS, "indictment", "DoJ", Reliability.A, Credibility.ONE, "doj", AS_OF);
        Evidence c3 = new Evidence("e2", Evidence.Stance.SUPPORTS, "blog", "blog", Reliability.C, Credibility.THREE, "blog", AS_OF);
        assertThat(probability(List.of(a1))).isGreaterThan(probability(List.of(c3))).isGreaterThan(0.5);
    }

    @Test
    void aClaimWithNoEvidenceStaysAtItsPrior() {
        Assessment assessment = model.assess("c", List.of(), AS_OF, AS_GRADED);
        assertThat(assessment.probability()).isEqualTo(0.5);
        assertThat(assessment.wep()).isEqualTo("roughly even chance");
        assertThat(assessment.contributions()).isEmpty();
    }

    @Test
    void theReasonSaysWhatTheOriginDid() {
        Evidence photo = new Evidence("e1", Evidence.Stance.SUPPORTS, "imagery", "Intrusion Truth", Reliability.B, Credibility.TWO,
                "intrusiontruth.wordpress.com", AS_OF);
        Assessment assessment = model.assess("c", List.of(photo), AS_OF, AS_GRADED);
        assertThat(assessment.contributions().get(0).reason()).contains("strongest B2 (usually reliable", "raises the odds");
        assertThat(assessment.wep()).isEqualTo("likely"); // one B2 item from the even prior: odds x3.6, 78%
    }

    @Test
    void aSourceWeighedOtherwiseThanGradedSaysBothEachLabelled() {
        Evidence photo = new Evidence("e1", Evidence.Stance.SUPPORTS, "imagery", "Intrusion Truth", Reliability.F, Credibility.THREE,
                "intrusiontruth.wordpress.com", AS_OF);
        Assessment assessment = model.assess("c", List.of(photo), AS_OF, item -> Reliability.B); // its record had earned B
        assertThat(assessment.contributions().get(0).reason()).contains("strongest F3 as graded, B3 as weighed (usually reliable source");
        assertThat(new AdmiraltyGrade(Reliability.F, Credibility.THREE, Reliability.B).label()).isEqualTo("F3 as graded, B3 as weighed");
        assertThat(new AdmiraltyGrade(Reliability.B, Credibility.TWO, null).label()).isEqualTo("B2");
    }

    @Test
    void estimativeWordsFollowIcd203() {
        assertThat(EstimativeWords.of(0.03)).isEqualTo("almost no chance");
        assertThat(EstimativeWords.of(0.5)).isEqualTo("roughly even chance");
        assertThat(EstimativeWords.of(0.7)).isEqualTo("likely");
        assertThat(EstimativeWords.of(0.9)).isEqualTo("very likely");
        assertThat(EstimativeWords.of(0.97)).isEqualTo("almost certain");
    }
}
