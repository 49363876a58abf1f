package org.sightline.intel.intrusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/**
 * The campaign protocol of docs/attribution.md on ATT&CK Enterprise 18.1: every campaign attributed
 * to one group, attributed without any campaign in the profiles. The figures are what `bench
 * attribution` reports; the floors here keep them from sliding back unnoticed.
 */
class CampaignBenchmarkTest {
    @Test
    void campaignsNeverSeenInAnyProfileAreAttributedFromTheirOwnBehaviourAndDates() {
        try (TestStore test = Backend.H2.open()) {
            new BundleImporter(test.knowledge().intake())
                    .importPaths(List.of(SharedData.enterpriseAttack()), ImportOptions.strict(), ImportProgress.NONE);
            CampaignBenchmark.Comparison result = CampaignBenchmark.run(test.store());
            CampaignBenchmark.Result all = result.attribution();
            assertThat(all.campaigns()).isEqualTo(result.behaviourOnly().campaigns()).isGreaterThanOrEqualTo(20);
            assertThat(all.outcomes()).extracting(CampaignBenchmark.Outcome::campaign).contains("SolarWinds Compromise", "APT41 DUST");
            assertThat(all.top1()).isGreaterThanOrEqualTo(0.60);
            assertThat(all.mrr()).isGreaterThanOrEqualTo(result.behaviourOnly().mrr());
            assertThat(all.calibrationError()).isLessThan(result.behaviourOnly().calibrationError());
        }
    }
}
