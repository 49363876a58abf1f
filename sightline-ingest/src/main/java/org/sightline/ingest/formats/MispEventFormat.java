package org.sightline.ingest.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.bundle.FileOutcome;
import org.sightline.ingest.misp.events.MispDocument;
import org.sightline.ingest.misp.events.MispEventConverter;

/**
 * A MISP event file (one event, a list, or an API answer): converted to STIX and imported as one
 * document, so a file either goes in whole or changes nothing. What has no STIX form is named in
 * the outcome's message.
 */
public final class MispEventFormat implements InputFormat {
    @Override
    public String name() {
        return "MISP events";
    }

    @Override
    public boolean recognises(Peek peek) {
        return !peek.folder() && MispDocument.looksLikeMisp(peek.head());
    }

    @Override
    public FileOutcome read(Path file, Documents into) {
        List<ObjectNode> objects = new ArrayList<>();
        Map<String, Integer> unmapped = new TreeMap<>();
        int skipped = 0;
        try {
            MispEventConverter converter = new MispEventConverter(into.store());
            for (MispDocument.Part part : MispDocument.read(file)) {
                MispEventConverter.Converted converted = part.isEvent() ? converter.event(part.content()) : converter.loose(part.content());
                objects.addAll(converted.objects());
                converted.unmapped().forEach((type, count) -> unmapped.merge(type, count, Integer::sum));
                skipped += converted.skippedSightings();
            }
        } catch (InvalidInputException e) {
            return into.refused(file.toString(), e.getMessage());
        }
        FileOutcome outcome = into.objects(objects, file.toString());
        List<String> notes = new ArrayList<>();
        if (!unmapped.isEmpty()) {
            notes.add("MISP items without a STIX form, not imported: " + unmapped);
        }
        if (skipped > 0) {
            notes.add(skipped + " MISP sightings of type false-positive or expiration are not STIX sightings, not imported");
        }
        if (outcome.rejected() || notes.isEmpty()) {
            return outcome;
        }
        return new FileOutcome(outcome.source(), false, String.join("; ", notes), outcome.imported(), outcome.unchanged(),
                outcome.invalid(), outcome.rejections());
    }
}
