package org.sightline.ingest.misp.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.sightline.stix.StixId;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StixStore;

/**
 * One MISP event in STIX 2.1, the way MISP's own converter (misp-stix) writes it where it has a
 * mapping: the event is a grouping (a report once published) created by its organisation; each
 * attribute is observed data with its observables and, when flagged for detection (to_ids), an
 * indicator based on it; MISP objects likewise; sightings are sightings. Beyond misp-stix, galaxy
 * clusters link to the actor directory (each indicator indicates the tagged actor or malware) and
 * TLP tags or the distribution become TLP 2.0 markings on every object.
 */
public final class MispEventConverter {

    /** The STIX objects of one event and what had no STIX form. */
    public record Converted(List<ObjectNode> objects, Map<String, Integer> unmapped, int sightings, int skippedSightings) {
    }

    private final StixStore store;

    public MispEventConverter(StixStore store) {
        this.store = store;
    }

    /** An event ({"Event":{…}} or its content). */
    public Converted event(JsonNode wrapper) {
        JsonNode event = wrapper.has("Event") ? wrapper.get("Event") : wrapper;
        return new Conversion(event, true).run();
    }

    /** Attributes and objects without their event (MISP's attribute and object search results). */
    public Converted loose(JsonNode attributesAndObjects) {
        return new Conversion(attributesAndObjects, false).run();
    }

    /** The state of converting one event. */
    private final class Conversion {
        private final JsonNode event;
        private final boolean isEvent;
        private final Map<String, ObjectNode> out = new LinkedHashMap<>();
        private final Map<String, Integer> unmapped = new TreeMap<>();
        private final List<String> indicators = new ArrayList<>();
        private final Map<String, String> sdoOfMispUuid = new LinkedHashMap<>();
        private final Set<Tlp> levelsUsed = new LinkedHashSet<>();
        private final ArrayNode links = StixJson.mapper().createArrayNode();
        private final String creator;
        private final String eventTime;
        private final String eventDate;
        private final Tlp eventLevel;
        private final GalaxyLinks galaxies;
        private int sightings;
        private int skippedSightings;

        Conversion(JsonNode event, boolean isEvent) {
            this.event = event;
            this.isEvent = isEvent;
            this.eventTime = epoch(event.path("timestamp").asText(null)).orElse(StixTimestamp.format(Instant.now()));
            this.eventDate = date(event.path("date").asText(null)).orElse(eventTime);
            this.eventLevel = Markings.of(event).orElse(null);
            this.creator = organisation(event.has("Orgc") ? event.get("Orgc") : event.path("Org"));
            this.galaxies = new GalaxyLinks(store, eventTime);
        }

        Converted run() {
            for (JsonNode attribute : event.path("Attribute")) {
                if (!attribute.path("deleted").asBoolean(false)) {
                    attribute(attribute);
                }
            }
            for (JsonNode object : event.path("Object")) {
                JsonNode item = object.has("Object") ? object.get("Object") : object; // object search results wrap each
                if (!item.path("deleted").asBoolean(false)) {
                    mispObject(item);
                }
            }
            for (JsonNode object : event.path("Object")) {
                references(object.has("Object") ? object.get("Object") : object);
            }
            List<GalaxyLinks.Link> eventLinks = galaxies.of(event);
            List<String> related = linkTo(eventLinks, indicators);
            galaxies.created().forEach(this::emit);
            if (isEvent) {
                container(related, eventLinks);
            }
            for (Tlp level : levelsUsed) {
                ObjectNode definition = level.tlp2Definition().json();
                out.putIfAbsent(definition.get("id").asText(), definition);
            }
            return new Converted(new ArrayList<>(out.values()), unmapped, sightings, skippedSightings);
        }

        private void attribute(JsonNode attribute) {
            String type = attribute.path("type").asText("");
            String value = attribute.path("value").asText("");
            String uuid = attribute.path("uuid").asText("");
            if (value.isBlank() || uuid.isBlank()) {
                count("(attribute without value or uuid)");
                return;
            }
            String time = epoch(attribute.path("timestamp").asText(null)).orElse(eventTime);
            Tlp level = Markings.of(attribute).orElse(eventLevel);
            List<String> labels = new ArrayList<>(List.of("misp:type=\"" + type + "\"",
                    "misp:category=\"" + attribute.path("category").asText("") + "\""));
            labels.addAll(Markings.labels(attribute));
            switch (type) {
                case "link" -> {
                    links.addObject().put("source_name", "misp").put("url", value)
                            .put("description", attribute.path("comment").asText("link in the MISP event"));
                    return;
                }
                case "text", "comment", "other" -> {
                    ObjectNode note = sdo("note", "note--" + Observables.stixUuid(uuid), time, level);
                    note.put("abstract", "MISP " + type + (attribute.path("comment").asText("").isBlank() ? ""
                            : ": " + attribute.path("comment").asText()));
                    note.put("content", value);
                    note.putArray("object_refs").add(isEvent ? containerId() : creator);
                    emit(note);
                    return;
                }
                case "vulnerability" -> {
                    ObjectNode vulnerability = sdo("vulnerability", "vulnerability--" + Observables.stixUuid(uuid), time, level);
                    vulnerability.put("name", value);
                    if (value.toUpperCase(java.util.Locale.ROOT).startsWith("CVE-")) {
                        vulnerability.putArray("external_references").addObject().put("source_name", "cve").put("external_id", value);
                    }
                    emit(vulnerability);
                    sdoOfMispUuid.put(uuid, vulnerability.get("id").asText());
                    return;
                }
                default -> { }
            }
            Optional<Observables> observables = AttributeTypes.of(type, value, uuid);
            if (observables.isEmpty()) {
                count(type);
                return;
            }
            String indicator = observed(observables.get(), uuid, time, level, labels, attribute.path("to_ids").asBoolean(false),
                    attribute.path("comment").asText(""), attribute.path("category").asText(""),
                    attribute.path("first_seen").asText(null), attribute.path("last_seen").asText(null));
            List<String> own = indicator == null ? List.of() : List.of(indicator);
            linkTo(galaxies.of(attribute), own);
            sightings(attribute, indicator != null ? indicator : "observed-data--" + Observables.stixUuid(uuid), time);
        }

        private void mispObject(JsonNode object) {
            String template = object.path("name").asText("");
            String uuid = object.path("uuid").asText("");
            List<ObjectTemplates.Part> parts = ObjectTemplates.parts(object);
            Optional<Observables> observables = uuid.isBlank() ? Optional.empty() : ObjectTemplates.of(template, uuid, parts);
            if (observables.isEmpty()) {
                count("object " + template);
                return;
            }
            String time = epoch(object.path("timestamp").asText(null)).orElse(eventTime);
            Tlp level = Markings.of(object).orElse(eventLevel);
            boolean detect = false;
            for (JsonNode attribute : object.path("Attribute")) {
                detect |= attribute.path("to_ids").asBoolean(false);
            }
            List<String> labels = List.of("misp:name=\"" + template + "\"", "misp:meta-category=\"" + object.path("meta-category").asText("") + "\"");
            observed(observables.get(), uuid, time, level, labels, detect, object.path("comment").asText(""),
                    object.path("meta-category").asText(""), object.path("first_seen").asText(null), object.path("last_seen").asText(null));
        }

        /** Observed data for the observables, and an indicator based on it when MISP flags them for detection. */
        private String observed(Observables observables, String uuid, String time, Tlp level, List<String> labels, boolean detect,
                                String comment, String category, String firstSeen, String lastSeen) {
            String stixUuid = Observables.stixUuid(uuid);
            ObjectNode observed = sdo("observed-data", "observed-data--" + stixUuid, time, level);
            observed.put("first_observed", seen(firstSeen).orElse(time));
            observed.put("last_observed", seen(lastSeen).orElse(observed.get("first_observed").asText()));
            observed.put("number_observed", 1);
            ArrayNode refs = observed.putArray("object_refs");
            for (ObjectNode sco : observables.objects()) {
                refs.add(sco.get("id").asText());
                mark(sco, level);
                emit(sco);
            }
            labels(observed, labels);
            emit(observed);
            sdoOfMispUuid.put(uuid, observed.get("id").asText());
            String pattern = observables.pattern();
            if (!detect || pattern == null) {
                return null;
            }
            ObjectNode indicator = sdo("indicator", "indicator--" + stixUuid, time, level);
            if (!comment.isBlank()) {
                indicator.put("description", comment);
            }
            indicator.put("pattern", pattern);
            indicator.put("pattern_type", "stix");
            indicator.put("pattern_version", "2.1");
            indicator.put("valid_from", seen(firstSeen).orElse(time));
            if (!category.isBlank()) {
                indicator.putArray("kill_chain_phases").addObject().put("kill_chain_name", "misp-category").put("phase_name", category);
            }
            labels(indicator, labels);
            emit(indicator);
            indicators.add(indicator.get("id").asText());
            sdoOfMispUuid.put(uuid, indicator.get("id").asText());
            relationship(indicator.get("id").asText(), "based-on", observed.get("id").asText(), time, level);
            return indicator.get("id").asText();
        }

        /** MISP object references as relationships between what the two ends became. */
        private void references(JsonNode object) {
            for (JsonNode reference : object.path("ObjectReference")) {
                String source = sdoOfMispUuid.get(object.path("uuid").asText(""));
                String target = sdoOfMispUuid.get(reference.path("referenced_uuid").asText(""));
                String type = reference.path("relationship_type").asText("").toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
                if (source != null && target != null && !source.equals(target) && !type.isEmpty()) {
                    relationship(source, type, target, eventTime, eventLevel);
                }
            }
        }

        /** Each indicator indicates each actor, malware, tool or technique the clusters stand for; returns their ids. */
        private List<String> linkTo(List<GalaxyLinks.Link> links, List<String> fromIndicators) {
            List<String> related = new ArrayList<>();
            for (GalaxyLinks.Link link : links) {
                if (link.objectId() == null) {
                    continue;
                }
                related.add(link.objectId());
                for (String indicator : fromIndicators) {
                    relationship(indicator, "indicates", link.objectId(), eventTime, eventLevel);
                }
            }
            return related;
        }

        private void sightings(JsonNode attribute, String sightingOf, String time) {
            for (JsonNode sighting : attribute.path("Sighting")) {
                String type = sighting.path("type").asText("0");
                Optional<String> when = epoch(sighting.path("date_sighting").asText(null));
                if (!type.equals("0") || when.isEmpty()) {
                    skippedSightings++; // false positives and expirations are not sightings in STIX
                    continue;
                }
                String uuid = sighting.path("uuid").asText("");
                ObjectNode stix = sdo("sighting", uuid.isEmpty() ? StixId.deterministic("sighting", sightingOf + when.get())
                        : "sighting--" + Observables.stixUuid(uuid), when.get(), Markings.of(attribute).orElse(eventLevel));
                stix.put("sighting_of_ref", sightingOf);
                stix.put("first_seen", when.get());
                stix.put("last_seen", when.get());
                stix.put("count", 1);
                JsonNode organisation = sighting.path("Organisation");
                if (organisation.has("uuid")) {
                    stix.putArray("where_sighted_refs").add(organisation(organisation));
                }
                emit(stix);
                sightings++;
            }
        }

        private void container(List<String> related, List<GalaxyLinks.Link> eventLinks) {
            boolean published = event.path("published").asBoolean(false);
            String type = published ? "report" : "grouping";
            ObjectNode container = sdo(type, containerId(), eventTime, eventLevel);
            container.remove("created");
            container.put("created", eventDate.compareTo(eventTime) <= 0 ? eventDate : eventTime);
            container.put("name", event.path("info").asText("MISP event " + event.path("uuid").asText()));
            if (published) {
                container.put("published", epoch(event.path("publish_timestamp").asText(null)).orElse(eventTime));
                container.putArray("report_types").add("threat-report");
            } else {
                container.put("context", "suspicious-activity");
            }
            Set<String> refs = new LinkedHashSet<>();
            out.values().forEach(object -> {
                String kind = object.get("type").asText();
                if (!kind.equals("marking-definition") && !object.get("id").asText().equals(creator)) {
                    refs.add(object.get("id").asText());
                }
            });
            refs.addAll(related);
            refs.remove(containerId());
            ArrayNode objectRefs = container.putArray("object_refs");
            (refs.isEmpty() ? Set.of(creator) : refs).forEach(objectRefs::add);
            List<String> labels = new ArrayList<>(List.of("Threat-Report"));
            labels.addAll(Markings.labels(event));
            for (GalaxyLinks.Link link : eventLinks) {
                if (link.label() != null) {
                    labels.add(link.label());
                }
            }
            labels(container, labels);
            if (!links.isEmpty()) {
                container.set("external_references", links);
            }
            emit(container);
        }

        private String containerId() {
            return (event.path("published").asBoolean(false) ? "report--" : "grouping--")
                    + Observables.stixUuid(event.path("uuid").asText(StixId.uuid5("misp-event:" + event.path("info").asText()).toString()));
        }

        private ObjectNode sdo(String type, String id, String time, Tlp level) {
            String created = eventDate.compareTo(time) <= 0 && isEvent ? eventDate : time;
            ObjectNode object = StixJson.newObject(type, id, created);
            object.put("modified", time);
            object.put("created_by_ref", creator);
            mark(object, level);
            return object;
        }

        private void relationship(String source, String type, String target, String time, Tlp level) {
            ObjectNode relationship = sdo("relationship", StixId.deterministic("relationship", source + " " + type + " " + target), time, level);
            relationship.put("relationship_type", type);
            relationship.put("source_ref", source);
            relationship.put("target_ref", target);
            emit(relationship);
        }

        private void mark(ObjectNode object, Tlp level) {
            if (level != null) {
                object.putArray("object_marking_refs").add(level.markingId());
                levelsUsed.add(level);
            }
        }

        private String organisation(JsonNode org) {
            String uuid = org.path("uuid").asText("");
            String name = org.path("name").asText("");
            String id = uuid.isEmpty() ? StixId.deterministic("identity", "misp-organisation:" + (name.isEmpty() ? "unknown" : name))
                    : "identity--" + Observables.stixUuid(uuid);
            if (!out.containsKey(id)) {
                ObjectNode identity = StixJson.newObject("identity", id, "2000-01-01T00:00:00.000Z");
                identity.put("name", name.isEmpty() ? "unknown MISP organisation" : name);
                identity.put("identity_class", "organization");
                out.put(id, identity);
            }
            return id;
        }

        private void emit(ObjectNode object) {
            out.put(object.get("id").asText(), object);
        }

        private void count(String what) {
            unmapped.merge(what, 1, Integer::sum);
        }

        private void labels(ObjectNode object, List<String> labels) {
            if (!labels.isEmpty()) {
                ArrayNode array = object.putArray("labels");
                new LinkedHashSet<>(labels).forEach(array::add);
            }
        }
    }

    /** MISP's timestamps: seconds since 1970 as a string. */
    static Optional<String> epoch(String seconds) {
        if (seconds == null || !seconds.trim().matches("\\d{1,12}")) {
            return Optional.empty();
        }
        return Optional.of(StixTimestamp.format(Instant.ofEpochSecond(Long.parseLong(seconds.trim()))));
    }

    private static Optional<String> date(String date) {
        try {
            return date == null ? Optional.empty()
                    : Optional.of(StixTimestamp.ofDay(LocalDate.parse(date.trim())));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** first_seen / last_seen: an ISO timestamp with an offset (MISP 2.4.120+). */
    private static Optional<String> seen(String value) {
        if (value == null || value.isBlank() || value.equals("null")) {
            return Optional.empty();
        }
        try {
            return Optional.of(StixTimestamp.format(java.time.OffsetDateTime.parse(value.trim()).toInstant()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
