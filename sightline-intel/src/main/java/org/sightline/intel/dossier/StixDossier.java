package org.sightline.intel.dossier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.sightline.stix.StixId;
import org.sightline.stix.StixObject;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;

/**
 * A dossier as a STIX 2.1 bundle: a report whose object_refs are the actor, its claims and their
 * ends, the evidence and opinions, the sources and the analyses of competing hypotheses, with all
 * of those objects, Sightline's extension definitions and the marking definitions they use. The
 * report carries every marking its contents carry, so that it is shared no wider than its most
 * restricted part; its description is the Markdown dossier.
 */
public final class StixDossier {
    private StixDossier() {
    }

    public static ObjectNode render(Dossier dossier, StixStore store, String markdown) {
        Set<String> ids = new LinkedHashSet<>(dossier.actorIds());
        for (Dossier.ClaimSection section : dossier.claims()) {
            ids.add(section.claim().id());
            ids.add(section.claim().source().id());
            ids.add(section.claim().target().id());
            if (section.claim().resolvedBy() != null) {
                ids.add(section.claim().resolvedBy());
            }
            section.evidence().forEach(cited -> ids.add(cited.item().id()));
        }
        dossier.sources().forEach(record -> ids.add(record.id()));
        dossier.analyses().forEach(analysis -> ids.add(analysis.id()));
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        Set<String> markings = new LinkedHashSet<>();
        for (StixObject object : store.currentObjects(ids)) {
            objects.put(object.id(), object.json());
            markings.addAll(object.strings("object_marking_refs"));
        }
        for (StixObject marking : store.currentObjects(markings)) {
            objects.putIfAbsent(marking.id(), marking.json());
        }
        SightlineExtensions.definitions().forEach(definition -> objects.putIfAbsent(definition.get("id").asText(), definition));

        ObjectNode report = StixJson.newObject("report",
                StixId.deterministic("report", "sightline-dossier|" + dossier.actor().id() + "|" + dossier.asOf()), dossier.generated());
        report.put("created_by_ref", SightlineExtensions.SIGHTLINE);
        report.put("name", DossierText.title(dossier) + " as of " + DossierText.day(dossier.asOf()));
        report.put("description", markdown);
        report.put("published", dossier.generated());
        report.putArray("report_types").add("threat-actor").add("threat-report");
        ArrayNode refs = report.putArray("object_refs");
        objects.keySet().stream().filter(id -> !id.startsWith("marking-definition--") && !id.startsWith("extension-definition--"))
                .forEach(refs::add);
        if (!markings.isEmpty()) {
            ArrayNode marked = report.putArray("object_marking_refs");
            markings.forEach(marked::add);
        }
        ObjectNode bundle = StixJson.newObject();
        bundle.put("type", "bundle");
        bundle.put("id", StixId.random("bundle"));
        ArrayNode list = bundle.putArray("objects");
        list.add(report);
        objects.values().forEach(list::add);
        return bundle;
    }
}
