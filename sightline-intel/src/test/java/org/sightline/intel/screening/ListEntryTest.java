package org.sightline.intel.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.store.testing.Backend;
import org.sightline.store.testing.TestStore;

/** Which identities screening reads as list entries. */
class ListEntryTest {

    private static StixObject entry(String id, String name, boolean removed) {
        ObjectNode identity = StixJson.newObject("identity", id, "2019-02-01T00:00:00.000Z");
        identity.put("name", name);
        identity.put("identity_class", "individual");
        ObjectNode entry = org.sightline.stix.extensions.SightlineExtensions.put(identity, org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY);
        entry.put("list", "OFAC SDN");
        entry.put("kind", "individual");
        entry.putArray("aliases").add("ZHANG, Shilong");
        if (removed) {
            entry.put("removed_on", "2019-02-01");
        }
        return new StixObject(identity);
    }

    @Test
    void anEntryNoLongerListedIsNotScreenedAgainst() {
        try (TestStore test = Backend.H2.open()) {
            test.store().write(writer -> {
                writer.put(entry("identity--0b6a5a24-16f3-4bb7-9f52-6b8a0e6cfa01", "Shilong ZHANG", false));
                writer.put(entry("identity--0b6a5a24-16f3-4bb7-9f52-6b8a0e6cfa02", "Hua ZHU", true));
                writer.flush();
                return null;
            });
            assertThat(ListEntry.allIn(test.store())).extracting(ListEntry::name).containsExactly("Shilong ZHANG");
            assertThat(ListEntry.allIn(test.store()).get(0).names()).containsExactly("Shilong ZHANG", "ZHANG, Shilong");
            assertThat(Screening.of(test.store()).screen(new Screening.Query("Zhu Hua"), 0.8)).isEmpty();
        }
    }

    @Test
    void anEntryIsTheListEntryExtensionAndAStoreWrittenBeforeItWasOneIsStillRead() {
        StixObject extended = entry("identity--0b6a5a24-16f3-4bb7-9f52-6b8a0e6cfa03", "Shilong ZHANG", false);
        assertThat(extended.json().path("extensions").path(org.sightline.stix.extensions.SightlineExtensions.LIST_ENTRY)
                .path("extension_type").asText()).isEqualTo("property-extension");
        ObjectNode earlier = StixJson.newObject("identity", "identity--0b6a5a24-16f3-4bb7-9f52-6b8a0e6cfa04", "2019-02-01T00:00:00.000Z");
        earlier.put("name", "Hua ZHU").put("identity_class", "individual");
        earlier.putObject("x_sightline_list_entry").put("list", "OFAC SDN").put("kind", "individual").putArray("aliases").add("ZHU, Hua");
        assertThat(ListEntry.isListEntry(new StixObject(earlier))).isTrue();
        assertThat(ListEntry.of(new StixObject(earlier)).names()).containsExactly("Hua ZHU", "ZHU, Hua");
    }
}
