package org.sightline.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.stix.StixTypes;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

class DemoDataTest {
    @Test
    void theDemoLoadsValidAndReloadsAsANoOp() {
        try (TestStore test = Backend.H2.open()) {
            BundleImporter importer = new BundleImporter(test.knowledge().intake());
            ImportReport first = DemoData.load(importer);
            assertThat(first.rejections()).isEmpty();
            assertThat(first.imported()).isGreaterThan(20);
            assertThat(test.store().findByNameKey("stonepanda", StixTypes.ACTOR_TYPES)).isNotEmpty();
            assertThat(test.store().findByNameKey("gothicpanda", StixTypes.ACTOR_TYPES)).isNotEmpty();
            assertThat(test.knowledge().search("Huaying Haitai", Set.of("identity"), 5)).isNotEmpty();

            ImportReport second = DemoData.load(importer);
            assertThat(second.imported()).isZero();
            assertThat(second.unchanged()).isEqualTo(first.imported() + first.unchanged()); // the extension definitions come twice
        }
    }
}
