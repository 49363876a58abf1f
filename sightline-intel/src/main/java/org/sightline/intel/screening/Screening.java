package org.sightline.intel.screening;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixObject;
import org.sightline.store.StixStore;

/**
 * Screens a name against every list entry in the store: the best-matching name of each entry
 * (its main name or an alias), then adjusted for agreement or disagreement on country and birth
 * year, with every feature that moved the score named. In the manner of OpenSanctions' matcher.
 * Only entries sharing a word's first three letters with the query are scored: a name whose every
 * word is misspelt at its start is not found.
 */
public final class Screening {
    /** The property in which an imported list entry keeps what screening needs (see ingest's OfacSdn). */
    public static final String LIST_ENTRY = "x_sightline_list_entry";

    /** One match: the entry, its list, the score and the reasons. */
    public record Match(String id, String name, String matchedName, String list, String kind, double score, List<String> reasons) {
    }

    /** What is screened: a name and, when known, the kind, country and birth date that sharpen the score. */
    public record Query(String name, String kind, String country, String birthDate) {
    }

    private final List<Prepared> entries;
    /** Entries by the first three letters of each word of each of their names: only those are scored. */
    private final java.util.Map<String, java.util.Set<Integer>> blocks = new java.util.HashMap<>();
    private final NameMatcher matcher = new NameMatcher();

    private record Prepared(ListEntry entry, List<ScreeningName> names) {
    }

    public Screening(StixStore store) {
        List<Prepared> prepared = new ArrayList<>();
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("identity"), Set.of(), false), object -> {
            if (object.json().has(LIST_ENTRY)) {
                ListEntry entry = entry(object);
                List<ScreeningName> names = new ArrayList<>(List.of(ScreeningName.of(entry.name())));
                entry.aliases().forEach(alias -> names.add(ScreeningName.of(alias)));
                prepared.add(new Prepared(entry, names));
            }
        });
        this.entries = prepared;
        for (int i = 0; i < prepared.size(); i++) {
            for (ScreeningName name : prepared.get(i).names()) {
                for (String key : name.blockingKeys()) {
                    blocks.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(i);
                }
            }
        }
    }

    public int entries() {
        return entries.size();
    }

    public List<Match> screen(Query query, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new InvalidInputException("the threshold is a score between 0 and 1, not " + threshold);
        }
        ScreeningName name = ScreeningName.of(query.name());
        if (name.isEmpty()) {
            throw new InvalidInputException("'" + query.name() + "' has no letters or digits to screen");
        }
        List<Match> matches = new ArrayList<>();
        java.util.Set<Integer> candidates = new java.util.TreeSet<>();
        for (String key : name.blockingKeys()) {
            candidates.addAll(blocks.getOrDefault(key, java.util.Set.of()));
        }
        for (int index : candidates) {
            Prepared prepared = entries.get(index);
            ListEntry entry = prepared.entry();
            if (query.kind() != null && !query.kind().equalsIgnoreCase(entry.kind())) {
                continue;
            }
            NameMatcher.Similarity best = null;
            ScreeningName bestName = null;
            for (ScreeningName candidate : prepared.names()) {
                NameMatcher.Similarity similarity = matcher.compare(name, candidate);
                if (best == null || similarity.score() > best.score()) {
                    best = similarity;
                    bestName = candidate;
                }
            }
            if (best == null || best.score() < threshold - 0.15) {
                continue; // no adjustment can lift it over the threshold
            }
            List<String> reasons = new ArrayList<>();
            reasons.add("name '" + bestName.original() + "': " + String.join("; ", best.reasons()));
            double score = best.score() + adjust(query, entry, reasons);
            score = Math.max(0, Math.min(1, score));
            if (score >= threshold) {
                matches.add(new Match(entry.id(), entry.name(), bestName.original(), entry.list(), entry.kind(),
                        Math.round(score * 1000) / 1000.0, reasons));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::name));
        return matches;
    }

    /** Country and birth year: agreement adds a little, disagreement takes off more (a different person). */
    private static double adjust(Query query, ListEntry entry, List<String> reasons) {
        double change = 0;
        if (query.country() != null && !entry.countries().isEmpty()) {
            String country = query.country().trim().toUpperCase(Locale.ROOT);
            if (entry.countries().stream().anyMatch(c -> c.equalsIgnoreCase(country))) {
                change += 0.02;
                reasons.add("country " + country + " agrees");
            } else {
                change -= 0.1;
                reasons.add("country " + country + " differs from the entry's " + entry.countries());
            }
        }
        if (query.birthDate() != null && !entry.birthDates().isEmpty()) {
            String year = query.birthDate().trim().length() >= 4 ? query.birthDate().trim().substring(0, 4) : query.birthDate();
            if (entry.birthDates().stream().anyMatch(date -> date.contains(year))) {
                change += 0.05;
                reasons.add("birth year " + year + " agrees");
            } else {
                change -= 0.15;
                reasons.add("birth year " + year + " differs from the entry's " + entry.birthDates());
            }
        }
        return change;
    }

    private static ListEntry entry(StixObject object) {
        JsonNode data = object.json().get(LIST_ENTRY);
        return new ListEntry(object.id(), object.name(), strings(data.path("aliases")), data.path("kind").asText(
                object.text("identity_class")), strings(data.path("countries")), strings(data.path("birth_dates")),
                strings(data.path("identifiers")), strings(data.path("programs")), data.path("list").asText(""));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
