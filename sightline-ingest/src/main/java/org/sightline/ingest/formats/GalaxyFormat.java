package org.sightline.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.bundle.FileOutcome;
import org.sightline.ingest.misp.GalaxyClusters;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.json.StixReader;

/** A MISP galaxy cluster file: its clusters become intrusion sets (or threat actors), one document. */
public final class GalaxyFormat implements InputFormat {
    @Override
    public String name() {
        return "MISP galaxy";
    }

    @Override
    public boolean recognises(Peek peek) {
        return !peek.folder() && GalaxyClusters.looksLikeGalaxy(peek.head());
    }

    @Override
    public FileOutcome read(Path file, Documents into) {
        List<ObjectNode> objects;
        try (InputStream in = StixReader.open(file)) {
            JsonNode document = StixJson.mapper().readTree(in);
            if (GalaxyClusters.isGalaxyDefinition(document)) {
                return new FileOutcome(file.toString(), false, "a MISP galaxy definition without clusters: nothing to import",
                        0, 0, 0, List.of());
            }
            objects = GalaxyClusters.toStix(document, file.toString());
        } catch (InvalidInputException e) {
            return into.refused(file.toString(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return into.objects(objects, file.toString());
    }
}
