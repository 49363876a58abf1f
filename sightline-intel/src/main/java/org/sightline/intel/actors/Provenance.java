package org.sightline.intel.actors;

import org.sightline.stix.StixObject;
import org.sightline.store.StixStore;

/** Who an actor object's statements come from: ATT&CK, a MISP galaxy, or the identity that created it. */
public final class Provenance {
    private Provenance() {
    }

    public static String of(StixStore store, StixObject object) {
        if (object.externalId("mitre-attack").isPresent()) {
            return "MITRE ATT&CK";
        }
        if (object.has("x_misp_galaxy")) {
            return "MISP galaxy " + object.text("x_misp_galaxy");
        }
        String creator = object.text("created_by_ref");
        return creator == null ? "unattributed" : store.current(creator).map(StixObject::name).orElse(creator);
    }
}
