package org.sightline.ingest.suppliers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sightline.stix.StixId;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.Versions;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;
import org.sightline.store.intake.Intake;
import org.sightline.store.names.NameKey;

/**
 * Turns checked supplier rows into STIX and stores them in one transaction: each organisation an
 * identity (an existing identity of that name is reused), each country a location with a
 * located-at relationship, and each supply a "supplies" relationship from supplier to customer
 * with Sightline's supplies extension. Ids derive from names, so importing the same file again
 * updates rather than duplicates.
 */
public final class SupplierImport {
    private final Intake intake;
    private final StixStore store;

    public SupplierImport(Intake intake) {
        this.intake = intake;
        this.store = intake.store();
    }

    /** What an import stored. */
    public record Report(int suppliers, int supplies, int organisationsCreated, List<String> customers) {
    }

    public Report importRows(List<SupplierRow> rows) {
        String now = StixTimestamp.format(Instant.now());
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        Map<String, String> organisations = new LinkedHashMap<>();
        int created = 0;
        Map<String, SupplierRow> supplierFacts = new LinkedHashMap<>();
        rows.forEach(row -> supplierFacts.merge(NameKey.of(row.supplier()), row, (a, b) -> a.sectors().isEmpty() ? b : a));
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> {
            names.add(row.supplier());
            names.add(row.customer());
        });
        for (String name : names) {
            String existing = existing(name);
            if (existing != null) {
                organisations.put(NameKey.of(name), existing);
                continue;
            }
            SupplierRow facts = supplierFacts.get(NameKey.of(name));
            ObjectNode identity = StixJson.newObject("identity",
                    StixId.deterministic("identity", "sightline-organisation:" + NameKey.of(name)), now);
            identity.put("name", name);
            identity.put("identity_class", "organization");
            if (facts != null && !facts.sectors().isEmpty()) {
                ArrayNode sectors = identity.putArray("sectors");
                facts.sectors().forEach(sectors::add);
            }
            objects.put(identity.get("id").asText(), identity);
            organisations.put(NameKey.of(name), identity.get("id").asText());
            created++;
            if (facts != null) {
                for (String country : facts.countries()) {
                    String location = StixId.deterministic("location", "sightline-country:" + country);
                    if (!objects.containsKey(location) && store.current(location).isEmpty()) {
                        ObjectNode place = StixJson.newObject("location", location, now);
                        place.put("name", new Locale("", country).getDisplayCountry(Locale.ENGLISH));
                        place.put("country", country);
                        objects.put(location, place);
                    }
                    ObjectNode at = StixJson.newObject("relationship", StixId.deterministic("relationship",
                            "sightline-located-at:" + identity.get("id").asText() + "|" + country), now);
                    at.put("relationship_type", "located-at");
                    at.put("source_ref", identity.get("id").asText());
                    at.put("target_ref", location);
                    objects.put(at.get("id").asText(), at);
                }
            }
        }
        Set<String> customers = new LinkedHashSet<>();
        for (SupplierRow row : rows) {
            String supplier = organisations.get(NameKey.of(row.supplier()));
            String customer = organisations.get(NameKey.of(row.customer()));
            ObjectNode supplies = StixJson.newObject("relationship",
                    StixId.deterministic("relationship", "sightline-supplies:" + supplier + "|" + customer), now);
            supplies.put("relationship_type", "supplies");
            supplies.put("source_ref", supplier);
            supplies.put("target_ref", customer);
            supplies.put("description", row.supplier() + " supplies " + row.customer() + " (" + row.serviceType().label() + ")");
            ObjectNode extension = SightlineExtensions.put(supplies, SightlineExtensions.SUPPLIES);
            extension.put("service_type", row.serviceType().label());
            extension.put("access_level", row.accessLevel().label());
            extension.put("criticality", row.criticality().label());
            objects.put(supplies.get("id").asText(), supplies);
            customers.add(row.customer());
        }
        List<ObjectNode> changed = new ArrayList<>();
        for (ObjectNode object : objects.values()) {
            ObjectNode next = asNextVersion(object);
            if (next != null) {
                changed.add(next);
            }
        }
        if (!changed.isEmpty()) {
            intake.writeAll(changed, "the supplier list", null);
        }
        return new Report(supplierFacts.size(), rows.size(), created, List.copyOf(customers));
    }

    /**
     * The object to write: as it is when new; as a newer version of the stored one when it says
     * something different; null when the store already says exactly this (a re-import is a no-op).
     */
    private ObjectNode asNextVersion(ObjectNode object) {
        var current = store.current(object.get("id").asText()).orElse(null);
        if (current == null) {
            return object;
        }
        ObjectNode stored = current.json().deepCopy();
        ObjectNode proposed = object.deepCopy();
        for (ObjectNode node : List.of(stored, proposed)) {
            node.remove("created");
            node.remove("modified");
        }
        if (stored.equals(proposed)) {
            return null;
        }
        return Versions.replacing(current, object, null);
    }

    private String existing(String name) {
        return store.findByNameKey(NameKey.of(name), Set.of("identity")).stream()
                .filter(match -> !match.deprecated()).map(StixStore.NameMatch::objectId).findFirst().orElse(null);
    }
}
