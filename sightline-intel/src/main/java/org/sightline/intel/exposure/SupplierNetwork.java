package org.sightline.intel.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixObject;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.vocabulary.SupplyVocabulary.AccessLevel;
import org.sightline.stix.vocabulary.SupplyVocabulary.Criticality;
import org.sightline.stix.vocabulary.SupplyVocabulary.ServiceType;
import org.sightline.store.StixStore;

/**
 * An organisation's supply chain as the store declares it: every supplier that reaches it through
 * "supplies" relationships, however many tiers up, with its sectors, countries and services, and
 * the best route from it to the organisation. A route's reach multiplies the access weight and
 * criticality of each hop, and 0.8 for each hop beyond the first (one more intrusion to make): an
 * intruder at an MSP with admin access reaches nearly everything; at a caterer with no access,
 * almost nothing.
 */
public final class SupplierNetwork {
    /** Tiers followed at most; deeper chains add little and a cycle must end. */
    private static final int MAX_TIERS = 6;
    /** Each hop beyond the first is one more intrusion to make before reaching the organisation. */
    public static final double FURTHER_HOP = 0.8;

    public record Supplier(String id, String name, Set<String> sectors, Set<String> countries, Set<String> services) {
    }

    /** One supplies relationship: who supplies whom, what, with what access, how critically. */
    public record Hop(String supplier, String customer, ServiceType service, AccessLevel access, Criticality criticality) {
        public double weight() {
            return access.weight() * criticality.weight();
        }
    }

    /** The best way from a supplier to the organisation: the hops in order, and how much of the organisation it reaches. */
    public record Route(List<Hop> hops, double reach) {
        public List<String> via() {
            List<String> via = new ArrayList<>();
            hops.forEach(hop -> via.add(hop.supplier()));
            return via;
        }
    }

    private final String organisation;
    private final String organisationName;
    private final Map<String, Supplier> suppliers;
    private final Map<String, Route> routes;

    private SupplierNetwork(String organisation, String organisationName, Map<String, Supplier> suppliers, Map<String, Route> routes) {
        this.organisation = organisation;
        this.organisationName = organisationName;
        this.suppliers = suppliers;
        this.routes = routes;
    }

    public String organisation() {
        return organisation;
    }

    public String organisationName() {
        return organisationName;
    }

    public Map<String, Supplier> suppliers() {
        return suppliers;
    }

    public Route route(String supplier) {
        return routes.get(supplier);
    }

    public String name(String id) {
        return id.equals(organisation) ? organisationName : suppliers.containsKey(id) ? suppliers.get(id).name() : id;
    }

    /** Every supplies relationship in the store, as hops. */
    static List<Hop> hops(StixStore store) {
        List<Hop> hops = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        store.edgesOfType("supplies").forEach(edge -> ids.add(edge.relationshipId()));
        for (StixObject relationship : store.currentObjects(ids)) {
            JsonNode extension = SightlineExtensions.of(relationship.json(), SightlineExtensions.SUPPLIES);
            hops.add(new Hop(relationship.text("source_ref"), relationship.text("target_ref"),
                    ServiceType.parse(extension.path("service_type").asText()).orElse(ServiceType.OTHER),
                    AccessLevel.parse(extension.path("access_level").asText()).orElse(AccessLevel.NONE),
                    Criticality.parse(extension.path("criticality").asText()).orElse(Criticality.MEDIUM)));
        }
        return hops;
    }

    /** Organisations that are supplied but supply nobody: the ones exposure is asked about. */
    public static List<String> organisations(StixStore store) {
        Set<String> customers = new LinkedHashSet<>();
        Set<String> supplying = new HashSet<>();
        for (Hop hop : hops(store)) {
            customers.add(hop.customer());
            supplying.add(hop.supplier());
        }
        customers.removeAll(supplying);
        return List.copyOf(customers);
    }

    public static SupplierNetwork load(StixStore store, String organisation) {
        List<Hop> hops = hops(store);
        Map<String, List<Hop>> into = new HashMap<>();
        hops.forEach(hop -> into.computeIfAbsent(hop.customer(), k -> new ArrayList<>()).add(hop));
        if (!into.containsKey(organisation)) {
            throw new InvalidInputException("no suppliers are declared for " + organisation + ": import a supplier list (sightline import FILE.csv, or the import page)");
        }
        Map<String, Route> routes = new HashMap<>();
        routes.put(organisation, new Route(List.of(), 1.0));
        Deque<String> queue = new ArrayDeque<>(List.of(organisation));
        while (!queue.isEmpty()) {
            String customer = queue.poll();
            Route onward = routes.get(customer);
            if (onward.hops().size() >= MAX_TIERS) {
                continue;
            }
            for (Hop hop : into.getOrDefault(customer, List.of())) {
                double reach = onward.reach() * hop.weight() * (onward.hops().isEmpty() ? 1.0 : FURTHER_HOP);
                Route known = routes.get(hop.supplier());
                if (known == null || reach > known.reach()) {
                    List<Hop> path = new ArrayList<>(List.of(hop));
                    path.addAll(onward.hops());
                    routes.put(hop.supplier(), new Route(path, reach));
                    queue.add(hop.supplier());
                }
            }
        }
        routes.remove(organisation);
        Map<String, Set<String>> services = new HashMap<>();
        hops.forEach(hop -> services.computeIfAbsent(hop.supplier(), k -> new HashSet<>()).add(hop.service().label()));
        Map<String, Set<String>> countries = countries(store, routes.keySet());
        Map<String, Supplier> suppliers = new HashMap<>();
        String organisationName = organisation;
        Set<String> wanted = new HashSet<>(routes.keySet());
        wanted.add(organisation);
        for (StixObject identity : store.currentObjects(wanted)) {
            if (identity.id().equals(organisation)) {
                organisationName = identity.name();
                continue;
            }
            suppliers.put(identity.id(), new Supplier(identity.id(), identity.name(), Set.copyOf(identity.strings("sectors")),
                    countries.getOrDefault(identity.id(), Set.of()), services.getOrDefault(identity.id(), Set.of())));
        }
        routes.keySet().retainAll(suppliers.keySet());
        return new SupplierNetwork(organisation, organisationName, suppliers, routes);
    }

    /** Each supplier's countries, from located-at relationships to country locations, read in two queries. */
    private static Map<String, Set<String>> countries(StixStore store, Set<String> suppliers) {
        Map<String, List<String>> placed = new HashMap<>();
        for (StixStore.Edge edge : store.edgesOfType("located-at")) {
            if (suppliers.contains(edge.sourceId())) {
                placed.computeIfAbsent(edge.sourceId(), k -> new ArrayList<>()).add(edge.targetId());
            }
        }
        Set<String> locations = new HashSet<>();
        placed.values().forEach(locations::addAll);
        Map<String, String> codeOf = new HashMap<>();
        for (StixObject location : store.currentObjects(locations)) {
            if (location.text("country") != null) {
                codeOf.put(location.id(), location.text("country").toUpperCase(java.util.Locale.ROOT));
            }
        }
        Map<String, Set<String>> countries = new HashMap<>();
        placed.forEach((supplier, places) -> places.stream().map(codeOf::get).filter(java.util.Objects::nonNull)
                .forEach(code -> countries.computeIfAbsent(supplier, k -> new HashSet<>()).add(code)));
        return countries;
    }
}
