package org.sightline.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sightline.error.InvalidInputException;
import org.sightline.pattern.validate.PatternValidator;
import org.sightline.stix.StixObject;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.validation.StixValidator;

/**
 * Writes objects that carry Sightline's extensions: every object is validated first, and the
 * extension definitions go into the same transaction, so the store never holds an extended object
 * without its definition nor half of a change.
 */
public final class ValidatedWriter {
    private ValidatedWriter() {
    }

    public static void write(StixStore store, List<ObjectNode> objects) {
        StixValidator validator = new StixValidator(new PatternValidator());
        for (ObjectNode object : objects) {
            List<String> errors = validator.intakeErrors(object, null);
            if (!errors.isEmpty()) {
                throw new InvalidInputException("not stored: " + String.join("; ", errors));
            }
        }
        store.write(writer -> {
            for (ObjectNode definition : SightlineExtensions.definitions()) {
                writer.put(new StixObject(definition));
            }
            objects.forEach(object -> writer.put(new StixObject(object)));
            writer.flush();
            return null;
        });
    }
}
