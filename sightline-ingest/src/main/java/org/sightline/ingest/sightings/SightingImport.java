package org.sightline.ingest.sightings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sightline.error.InvalidInputException;
import org.sightline.store.intake.Intake;

/** Sightings a run found, stored through the store's intake: validated and written in one transaction, or not at all. */
public final class SightingImport {
    private SightingImport() {
    }

    /** Returns how many objects were stored (the sightings with their observed-data and observables). */
    public static long store(Intake intake, List<ObjectNode> objects) {
        if (objects.isEmpty()) {
            return 0;
        }
        try {
            return intake.writeAll(objects, "sightings", null).written().added();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("the sightings were not stored: " + e.getMessage(), e.details());
        }
    }
}
