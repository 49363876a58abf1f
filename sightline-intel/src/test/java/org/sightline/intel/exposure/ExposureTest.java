package org.sightline.intel.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.demo.DemoData;
import org.sightline.store.names.NameKey;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** Who can reach the demo's Northwind Engineering through its suppliers. */
class ExposureTest {
    private static final java.time.Instant NOW = java.time.Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2019-01-01T00:00:00Z");

    @Test
    void apt10RanksFirstThroughTheMspAndTheCatererCarriesTheLeastRisk() {
        try (TestStore test = Backend.H2.open()) {
            DemoData.load(new BundleImporter(test.knowledge().intake()));
            String northwind = test.store().findByNameKey(NameKey.of(DemoData.ORGANISATION), java.util.Set.of("identity")).get(0).objectId();
            Exposure exposure = new ExposureModel(test.store()).rank(ExposureModel.organisation(test.store(), null), 10, AS_OF);
            assertThat(exposure.organisation()).isEqualTo(northwind);
            Exposure.RankedActor first = exposure.actors().get(0);
            assertThat(first.name()).isEqualTo("APT10");
            assertThat(first.paths().get(0).names().get(0)).isEqualTo("Harbor Managed IT");
            assertThat(first.paths().get(0).reasons()).anySatisfy(r -> assertThat(r).contains("managed-it-services", "Cloud Hopper"))
                    .anySatisfy(r -> assertThat(r).contains("privileged-admin access"));
            assertThat(exposure.actors()).extracting(Exposure.RankedActor::name).contains("APT3");
            // the MSP's own host reaches Northwind through the MSP: a tier-2 path
            assertThat(first.paths()).anySatisfy(p -> assertThat(p.names()).containsExactly("Cloudline Hosting", "Harbor Managed IT"));
            List<Exposure.RankedSupplier> suppliers = exposure.suppliers();
            assertThat(suppliers.get(0).name()).isEqualTo("Harbor Managed IT");
            assertThat(suppliers.get(suppliers.size() - 1).name()).isEqualTo("Greenleaf Catering");
            assertThat(suppliers.get(0).topActors()).startsWith("APT10");
        }
    }

    @Test
    void anAnalystsTargetingClaimCountsAsFarAsItIsBelieved() {
        try (TestStore test = Backend.H2.open()) {
            DemoData.load(new BundleImporter(test.knowledge().intake()));
            String organisation = ExposureModel.organisation(test.store(), null);
            Instant now = Instant.now(); // the claim is recorded today: as of 2019 it did not exist
            Exposure before = new ExposureModel(test.store()).rank(organisation, 10, now);
            String greenleaf = supplier(before, "Greenleaf Catering").id();
            String apt3 = test.store().findByNameKey("apt3", java.util.Set.of("intrusion-set")).get(0).objectId();
            new org.sightline.intel.claims.ClaimBook(test.store()).addClaim(apt3, "targets", greenleaf, 0.5, null);
            Exposure after = new ExposureModel(test.store()).rank(organisation, 10, Instant.now());
            assertThat(supplier(new ExposureModel(test.store()).rank(organisation, 10, AS_OF), "Greenleaf Catering").topActors())
                    .doesNotContain("APT3");
            assertThat(supplier(after, "Greenleaf Catering").score()).isGreaterThan(supplier(before, "Greenleaf Catering").score());
            assertThat(supplier(after, "Greenleaf Catering").topActors()).contains("APT3");
            // an open claim at its prior of 0.5 counts half: a targeting fact of 0.8 x 0.5 on a path with almost no access
            assertThat(supplier(after, "Greenleaf Catering").score()).isLessThan(0.05);
        }
    }

    private static Exposure.RankedSupplier supplier(Exposure exposure, String name) {
        return exposure.suppliers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Property(tries = 200)
    void moreTargetingNeverLowersAPath(@ForAll @Size(max = 6) List<@DoubleRange(min = 0, max = 1) Double> weights,
                                       @ForAll @DoubleRange(min = 0, max = 1) double extra) {
        List<TargetingFacts.Fact> facts = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            facts.add(new TargetingFacts.Fact(TargetingFacts.Dimension.SECTOR, "sector-" + i, weights.get(i), 1, "", "", TargetingFacts.Kind.GALAXY, null));
        }
        TargetingFacts.Actor actor = new TargetingFacts.Actor("intrusion-set--a", "A", List.of(), facts);
        TargetingFacts.Actor other = new TargetingFacts.Actor("intrusion-set--b", "B", List.of(), List.of(
                new TargetingFacts.Fact(TargetingFacts.Dimension.COUNTRY, "GB", 0.2, 1, "", "", TargetingFacts.Kind.GALAXY, null)));
        double before = ExposureModel.targeting(WeighedFact.of(actor, facts, Specificity.among(List.of(actor, other)), NOW));
        List<TargetingFacts.Fact> more = new ArrayList<>(facts);
        more.add(new TargetingFacts.Fact(TargetingFacts.Dimension.COUNTRY, "GB", extra, 1, "", "", TargetingFacts.Kind.GALAXY, null));
        TargetingFacts.Actor widened = new TargetingFacts.Actor("intrusion-set--a", "A", List.of(), more);
        Specificity after = Specificity.among(List.of(widened, other));
        assertThat(ExposureModel.targeting(WeighedFact.of(widened, more, after, NOW))).isGreaterThanOrEqualTo(before).isBetween(0.0, 1.0);
    }

    @Property(tries = 200)
    void morePathsOrHigherPathsNeverLowerAnActor(@ForAll @Size(max = 6) List<@DoubleRange(min = 0, max = 1) Double> paths,
                                                 @ForAll @DoubleRange(min = 0, max = 1) double extra) {
        double[] before = paths.stream().mapToDouble(Double::doubleValue).toArray();
        double[] after = java.util.Arrays.copyOf(before, before.length + 1);
        after[before.length] = extra;
        assertThat(ExposureModel.noisyOr(after)).isGreaterThanOrEqualTo(ExposureModel.noisyOr(before));
    }

    @Test
    void theSameFactFromTwoSourcesCountsOnce() {
        var sector = new TargetingFacts.Fact(TargetingFacts.Dimension.SECTOR, "technology", 0.4, 1, "", "one report", TargetingFacts.Kind.RELATIONSHIP, null);
        var again = new TargetingFacts.Fact(TargetingFacts.Dimension.SECTOR, "technology", 0.4, 1, "", "another report", TargetingFacts.Kind.GALAXY, null);
        TargetingFacts.Actor actor = new TargetingFacts.Actor("intrusion-set--a", "A", List.of(), List.of(sector, again));
        Specificity alone = Specificity.among(List.of(actor));
        List<WeighedFact> both = WeighedFact.of(actor, List.of(sector, again), alone, NOW);
        assertThat(both).singleElement().satisfies(fact -> assertThat(fact.said()).hasSize(2));
        assertThat(ExposureModel.targeting(both)).isEqualTo(ExposureModel.targeting(WeighedFact.of(actor, List.of(sector), alone, NOW)));
    }

    @Test
    void moreAccessNeverLowersTheReach() {
        var levels = org.sightline.stix.vocabulary.SupplyVocabulary.AccessLevel.values();
        for (int i = 1; i < levels.length; i++) {
            assertThat(levels[i - 1].weight()).isGreaterThan(levels[i].weight());
        }
    }
}
