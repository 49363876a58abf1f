package org.sightline.ingest.sanctions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sightline.stix.StixId;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.json.StixJson;

/**
 * One publication of a sanctions or indictment list: its name ("OFAC SDN"), the key its entries'
 * ids derive from (so a newer publication updates the same objects), its date, who publishes it,
 * and its entries. Each entry becomes a STIX identity carrying Sightline's list-entry extension, marked with a
 * statement naming the list and its date.
 */
public record SanctionsList(String name, String key, String date, String publisher, List<Listing> listings) {
    /** Where screening finds a list entry's details (intel's ListEntry reads the same property). */

    public SanctionsList {
        listings = List.copyOf(listings);
    }

    /** The statement marking that says which list, as of when, every entry written from this publication carries. */
    public ObjectNode marking() {
        ObjectNode marking = StixJson.newObject();
        marking.put("type", "marking-definition");
        marking.put("spec_version", "2.1");
        marking.put("id", StixId.deterministic("marking-definition", key + ":" + date));
        marking.put("created", date);
        marking.put("definition_type", "statement");
        marking.putObject("definition").put("statement", name + " list as of " + date.substring(0, 10) + " (" + publisher + ")");
        return marking;
    }

    /** What every entry needs stored before it: the list-entry extension's definition and the publication's marking. */
    public List<ObjectNode> header() {
        List<ObjectNode> header = new java.util.ArrayList<>(SightlineExtensions.definitions());
        header.add(marking());
        return header;
    }

    /** The publication as STIX: its header, then every entry. */
    public List<ObjectNode> objects() {
        List<ObjectNode> objects = new java.util.ArrayList<>(header());
        listings.forEach(listing -> objects.add(toStix(listing)));
        return objects;
    }

    public String idOf(Listing listing) {
        return StixId.deterministic("identity", key + ":" + listing.entry());
    }

    /** The entry as a STIX identity of this publication (created and modified: the list's date). */
    public ObjectNode toStix(Listing listing) {
        ObjectNode identity = StixJson.newObject("identity", idOf(listing), date);
        identity.put("name", listing.name());
        identity.put("identity_class", listing.individual() ? "individual" : "organization");
        if (listing.remarks() != null) {
            identity.put("description", listing.remarks());
        }
        identity.putArray("object_marking_refs").add(marking().get("id").asText());
        ObjectNode reference = identity.putArray("external_references").addObject().put("source_name", name).put("external_id", listing.entry());
        if (listing.url() != null) {
            reference.put("url", listing.url());
        }
        ObjectNode entry = SightlineExtensions.put(identity, SightlineExtensions.LIST_ENTRY);
        entry.put("list", name);
        entry.put("list_date", date.substring(0, 10));
        entry.put("entry", listing.entry());
        entry.put("kind", listing.individual() ? "individual" : "organization");
        if (listing.entryType() != null) {
            entry.put("entry_type", listing.entryType());
        }
        List<String> aliases = new java.util.ArrayList<>();
        if (listing.listedForm() != null && !listing.listedForm().equals(listing.name())) {
            aliases.add(listing.listedForm());
        }
        listing.aliases().stream().filter(alias -> !alias.equals(listing.name()) && !alias.equals(listing.listedForm()))
                .distinct().forEach(aliases::add);
        putList(entry, "aliases", aliases);
        putList(entry, "programs", listing.programs());
        putList(entry, "birth_dates", listing.birthDates());
        putList(entry, "identifiers", listing.identifiers());
        putList(entry, "countries", listing.countries());
        return identity;
    }

    /** A STIX list is never empty (the validator holds extensions to that too): a list the entry lacks is left out. */
    private static void putList(ObjectNode entry, String property, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode list = entry.putArray(property);
            values.forEach(list::add);
        }
    }
}
