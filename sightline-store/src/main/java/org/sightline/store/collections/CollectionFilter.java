package org.sightline.store.collections;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixId;
import org.sightline.stix.StixObject;
import org.sightline.stix.markings.Tlp;

/**
 * What a collection shows of the store: objects of some types, marked at most some TLP level, made
 * by some identities. Written as {@code type=indicator,malware}, {@code tlp=amber},
 * {@code created-by=identity--…}, several joined by {@code ;}; empty means everything.
 */
public record CollectionFilter(Set<String> types, Tlp maxTlp, Set<String> createdBy) {
    public CollectionFilter {
        types = Set.copyOf(types);
        createdBy = Set.copyOf(createdBy);
    }

    public static CollectionFilter everything() {
        return new CollectionFilter(Set.of(), Tlp.RED, Set.of());
    }

    /** Parses filter terms; each names what is wrong with it. */
    public static CollectionFilter parse(List<String> terms) {
        Set<String> types = new LinkedHashSet<>();
        Set<String> createdBy = new LinkedHashSet<>();
        Tlp maxTlp = Tlp.RED;
        for (String joined : terms) {
            for (String term : joined.split(";")) {
                if (term.isBlank()) {
                    continue;
                }
                int equals = term.indexOf('=');
                if (equals < 0) {
                    throw new InvalidInputException("collection filter '" + term + "' is not KEY=VALUE; keys are type, tlp, created-by");
                }
                String key = term.substring(0, equals).trim().toLowerCase(Locale.ROOT);
                List<String> values = new ArrayList<>();
                for (String value : term.substring(equals + 1).split(",")) {
                    if (!value.isBlank()) {
                        values.add(value.trim());
                    }
                }
                switch (key) {
                    case "type" -> values.forEach(type -> {
                        if (!type.matches("[a-z0-9][a-z0-9-]*[a-z0-9]")) {
                            throw new InvalidInputException("collection filter type '" + type + "' is not a STIX type name");
                        }
                        types.add(type);
                    });
                    case "tlp" -> {
                        if (values.size() != 1) {
                            throw new InvalidInputException("collection filter tlp takes one level, the most restrictive shown");
                        }
                        maxTlp = Tlp.parse(values.get(0));
                    }
                    case "created-by" -> values.forEach(id -> {
                        if (!StixId.isValid(id) || !id.startsWith("identity--")) {
                            throw new InvalidInputException("collection filter created-by '" + id + "' is not an identity id");
                        }
                        createdBy.add(id);
                    });
                    default -> throw new InvalidInputException("collection filter key '" + key
                            + "' is not one of type, tlp, created-by");
                }
            }
        }
        return new CollectionFilter(types, maxTlp, createdBy);
    }

    /** True when the object belongs in a collection with this filter. */
    public boolean admits(StixObject object) {
        return (types.isEmpty() || types.contains(object.type()))
                && maxTlp.allows(Tlp.highestOn(object.json()))
                && (createdBy.isEmpty() || createdBy.contains(object.text("created_by_ref")));
    }

    /** The filter written back as its terms ("" for everything). */
    @Override
    public String toString() {
        List<String> terms = new ArrayList<>();
        if (!types.isEmpty()) {
            terms.add("type=" + String.join(",", types.stream().sorted().toList()));
        }
        if (maxTlp != Tlp.RED) {
            terms.add("tlp=" + maxTlp.tlp2Value());
        }
        if (!createdBy.isEmpty()) {
            terms.add("created-by=" + String.join(",", createdBy.stream().sorted().toList()));
        }
        return String.join(";", terms);
    }
}
