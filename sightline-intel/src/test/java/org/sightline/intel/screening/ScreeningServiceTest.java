package org.sightline.intel.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.stix.StixObject;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** The whole knowledge base screened: identities, and the threat actors claims name, by each of their names. */
class ScreeningServiceTest {
    private static final String COMMON = ",\"spec_version\":\"2.1\",\"created\":\"2024-05-07T00:00:00.000Z\",\"modified\":\"2024-05-07T00:00:00.000Z\"";

    @Test
    void aThreatActorIsScreenedByItsAliasesAsThePersonItIs() {
        try (TestStore test = Backend.H2.open()) {
            new BundleImporter(test.knowledge().intake()).importPaths(
                    List.of(SharedData.require("sanctions/ofac-sdn-csv-sample")), ImportOptions.strict(), ImportProgress.NONE);
            test.store().write(writer -> {
                // LockBit's administrator, designated by OFAC in May 2024 as KHOROSHEV, Dmitry Yuryevich
                writer.put(StixObject.parse("{\"type\":\"threat-actor\",\"id\":\"threat-actor--0b3c9a52-6f0e-4c1a-9d4e-2a7f1c3b5d01\"" + COMMON
                        + ",\"name\":\"LockBit administrator\",\"aliases\":[\"Dmitry Khoroshev\"],\"resource_level\":\"individual\"}"));
                writer.put(StixObject.parse("{\"type\":\"threat-actor\",\"id\":\"threat-actor--0b3c9a52-6f0e-4c1a-9d4e-2a7f1c3b5d02\"" + COMMON
                        + ",\"name\":\"Wizard Spider\",\"aliases\":[\"Grim Spider\"],\"resource_level\":\"organization\"}"));
                writer.put(StixObject.parse("{\"type\":\"identity\",\"id\":\"identity--0b3c9a52-6f0e-4c1a-9d4e-2a7f1c3b5d03\"" + COMMON
                        + ",\"name\":\"Daniel Moreno\",\"identity_class\":\"individual\"}"));
                return null;
            });
            ScreeningService.KnowledgeResult result = new ScreeningService(test.store()).screenAll(0.8);

            assertThat(result.screened()).isEqualTo(3);
            assertThat(result.flagged()).extracting(ScreeningService.Flagged::name).containsExactlyInAnyOrder("LockBit administrator", "Daniel Moreno");
            ScreeningService.Flagged lockbit = result.flagged().stream().filter(f -> f.name().equals("LockBit administrator")).findFirst().orElseThrow();
            assertThat(lockbit.kind()).isEqualTo("individual");
            assertThat(lockbit.matches().get(0).name()).isEqualTo("Dmitry Yuryevich KHOROSHEV");
            assertThat(lockbit.matches().get(0).reasons().get(0)).contains("KHOROSHEV").contains("not in it");
        }
    }
}
