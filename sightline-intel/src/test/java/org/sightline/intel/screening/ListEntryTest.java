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
        ObjectNode entry = identity.putObject(ListEntry.PROPERTY);
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
}
