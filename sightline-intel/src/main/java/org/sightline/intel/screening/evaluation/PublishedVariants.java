package org.sightline.intel.screening.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.sightline.intel.screening.ListEntry;
import org.sightline.intel.screening.ScreeningName;

/**
 * Spellings someone else wrote: a list's own other names for its entries (OFAC's alt.csv), screened
 * against the list with those names taken out. Only other names that share a word with the listed
 * name are kept: spelling, transliteration and word-order variants, not wholly different names
 * (a front company's new name is found by its a.k.a., not by resemblance).
 *
 * <p>Entries are split by the parity of their list number: one half to tune on and publish, the
 * other kept for an independent check, so that a figure cannot come from fitting the cases it is
 * read on. The namesakes are made from the same half: the given name of one listed person with the
 * family name of another, none of them listed.
 */
public final class PublishedVariants {

    /** One entry as its list publishes it: number, the name as listed ("FAMILY, Given"), and its other names. */
    public record Published(String id, long number, String listedForm, boolean individual, List<String> otherNames) {
        public Published {
            otherNames = List.copyOf(otherNames);
        }
    }

    /** Which entries: those with an even list number, or an odd one. */
    public enum Half {
        EVEN, ODD;

        boolean holds(long number) {
            return (number % 2 == 0) == (this == EVEN);
        }
    }

    private final List<ListEntry> withoutOtherNames;
    private final List<LabelledQuery> variants;
    private final List<LabelledQuery> namesakes;

    private PublishedVariants(List<ListEntry> withoutOtherNames, List<LabelledQuery> variants, List<LabelledQuery> namesakes) {
        this.withoutOtherNames = withoutOtherNames;
        this.variants = variants;
        this.namesakes = namesakes;
    }

    /**
     * The set for one half: {@code entries} as imported with their other names, {@code published} what
     * the list says of each, and up to {@code namesakes} invented namesakes drawn with {@code seed}.
     */
    public static PublishedVariants of(List<ListEntry> entries, List<Published> published, Half half, int namesakes, long seed) {
        Map<String, Set<String>> otherNames = new HashMap<>();
        published.forEach(p -> otherNames.put(p.id(), new HashSet<>(p.otherNames())));
        List<ListEntry> reduced = new ArrayList<>();
        Map<String, ListEntry> byId = new HashMap<>();
        for (ListEntry entry : entries) {
            Set<String> held = otherNames.getOrDefault(entry.id(), Set.of());
            ListEntry without = new ListEntry(entry.id(), entry.name(), entry.aliases().stream().filter(alias -> !held.contains(alias)).toList(),
                    entry.kind(), entry.countries(), entry.birthDates(), entry.identifiers(), entry.programs(), entry.list());
            reduced.add(without);
            byId.put(entry.id(), without);
        }
        List<LabelledQuery> variants = new ArrayList<>();
        for (Published entry : published) {
            ListEntry listed = byId.get(entry.id());
            if (listed == null || !half.holds(entry.number())) {
                continue;
            }
            ScreeningName main = ScreeningName.of(listed.name());
            Set<String> remaining = new HashSet<>();
            listed.names().forEach(name -> remaining.add(String.join(" ", ScreeningName.of(name).tokens().stream().sorted().toList())));
            for (String other : entry.otherNames()) {
                ScreeningName variant = ScreeningName.of(other);
                boolean sharesAWord = variant.tokens().stream().anyMatch(main.tokens()::contains);
                boolean stillListed = remaining.contains(String.join(" ", variant.tokens().stream().sorted().toList()));
                if (sharesAWord && !stillListed) {
                    variants.add(new LabelledQuery(other, listed.kind(), listed.id(), listed.name(), "published"));
                }
            }
        }
        return new PublishedVariants(List.copyOf(reduced), List.copyOf(variants), namesakes(reduced, published, half, namesakes, seed));
    }

    /** The given name of one listed person of the half with the family name of another, when that person is not listed. */
    private static List<LabelledQuery> namesakes(List<ListEntry> entries, List<Published> published, Half half, int count, long seed) {
        List<String[]> persons = new ArrayList<>();
        for (Published entry : published) {
            int comma = entry.listedForm().indexOf(',');
            if (entry.individual() && half.holds(entry.number()) && comma > 0) {
                String family = entry.listedForm().substring(0, comma).trim();
                String[] given = entry.listedForm().substring(comma + 1).trim().split("\\s+");
                if (!family.isEmpty() && !given[0].isEmpty()) {
                    persons.add(new String[] {given[0], family});
                }
            }
        }
        ListedNames listed = new ListedNames(entries);
        Random random = new Random(seed);
        List<LabelledQuery> made = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int tries = 0; made.size() < count && tries < count * 20 && persons.size() > 1; tries++) {
            String[] one = persons.get(random.nextInt(persons.size()));
            String[] other = persons.get(random.nextInt(persons.size()));
            String name = one[0] + " " + other[1];
            if (ScreeningName.of(one[1]).joined().equals(ScreeningName.of(other[1]).joined()) || !seen.add(name) || listed.contains(name)) {
                continue;
            }
            made.add(new LabelledQuery(name, "individual", null, one[0] + " " + one[1] + " / " + other[0] + " " + other[1], "namesake"));
        }
        return List.copyOf(made);
    }

    /** The entries as screened: every other name the list publishes taken out. */
    public List<ListEntry> entries() {
        return withoutOtherNames;
    }

    /** The list's other names of the half's entries that share a word with the listed name: each must find its entry. */
    public List<LabelledQuery> variants() {
        return variants;
    }

    /** Invented namesakes: each must raise no alert. */
    public List<LabelledQuery> namesakes() {
        return namesakes;
    }
}
