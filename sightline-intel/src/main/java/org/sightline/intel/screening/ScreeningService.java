package org.sightline.intel.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.store.StixStore;

/**
 * Screening as the CLI and the API offer it: one name, or every person and organisation in the
 * knowledge base (suppliers among them, and the threat actors claims name), against every list loaded. The index over the lists is
 * built once and rebuilt only when the store has changed since.
 */
public final class ScreeningService {

    /** One name screened: what was asked, how many list entries it was screened against, and the matches. */
    public record NameResult(String query, int entriesScreened, Map<String, Long> lists, List<Screening.Match> matches) {
    }

    /** An identity or threat actor of the knowledge base that matched a list entry. */
    public record Flagged(String id, String name, String kind, List<Screening.Match> matches) {
    }

    /** The whole knowledge base screened: how many identities and threat actors, against which lists, and those that matched. */
    public record KnowledgeResult(int screened, int entriesScreened, Map<String, Long> lists, double threshold, List<Flagged> flagged) {
    }

    private final StixStore store;
    private Screening screening;
    private long builtAt = -1;

    public ScreeningService(StixStore store) {
        this.store = store;
    }

    /** The screening index over the lists as the store holds them now. */
    public synchronized Screening screening() {
        long sequence = store.lastSequence();
        if (screening == null || sequence != builtAt) {
            screening = Screening.of(store);
            builtAt = sequence;
        }
        return screening;
    }

    public NameResult screen(Screening.Query query, double threshold) {
        Screening current = loaded();
        return new NameResult(query.name(), current.entries(), current.lists(), current.screen(query, threshold));
    }

    /**
     * Every identity that is not itself a list entry nor a system (Sightline itself, which defines its
     * extensions, is no party to screen), and every threat actor (the people and groups
     * claims and evidence name as behind an intrusion), screened as the kind it is: a threat actor by
     * its name and each of its aliases, keeping each list entry's best match.
     */
    public KnowledgeResult screenAll(double threshold) {
        Screening current = loaded();
        List<Flagged> flagged = new ArrayList<>();
        int[] screened = {0};
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("identity", "threat-actor"), Set.of(), false), object -> {
            List<String> names = namesOf(object);
            if (ListEntry.isListEntry(object) || names.isEmpty() || "system".equals(object.text("identity_class"))) {
                return;
            }
            screened[0]++;
            String kind = kindOf(object);
            Map<String, Screening.Match> best = new java.util.LinkedHashMap<>();
            for (String name : names) {
                for (Screening.Match match : current.screen(new Screening.Query(name, kind, null, null, null), threshold)) {
                    best.merge(match.id(), match, (a, b) -> b.score() > a.score() ? b : a);
                }
            }
            if (!best.isEmpty()) {
                List<Screening.Match> matches = new ArrayList<>(best.values());
                matches.sort(java.util.Comparator.comparingDouble(Screening.Match::score).reversed().thenComparing(Screening.Match::name));
                flagged.add(new Flagged(object.id(), object.name(), kind, matches));
            }
        });
        flagged.sort(java.util.Comparator.comparingDouble((Flagged f) -> -f.matches().get(0).score()).thenComparing(Flagged::name));
        return new KnowledgeResult(screened[0], current.entries(), current.lists(), threshold, flagged);
    }

    /** The names an object is known by that have letters to screen: its name, and a threat actor's aliases. */
    private static List<String> namesOf(org.sightline.stix.StixObject object) {
        List<String> names = new ArrayList<>();
        if (object.name() != null) {
            names.add(object.name());
        }
        if ("threat-actor".equals(object.type())) {
            object.json().path("aliases").forEach(alias -> names.add(alias.asText()));
        }
        return names.stream().filter(name -> !ScreeningName.of(name).isEmpty()).distinct().toList();
    }

    /** An identity's class, or a threat actor's resource level, as the kind list entries carry; null when it says neither. */
    private static String kindOf(org.sightline.stix.StixObject object) {
        String said = "threat-actor".equals(object.type()) ? object.text("resource_level") : object.text("identity_class");
        return switch (said == null ? "" : said) {
            case "individual" -> "individual";
            case "organization" -> "organization";
            default -> null;
        };
    }

    /** "person" or "organization" as a user types it, to the kind list entries carry; null for any. */
    public static String kind(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "person", "individual" -> "individual";
            case "organization", "organisation", "company" -> "organization";
            default -> throw new InvalidInputException("the type must be person or organization, not '" + type + "'");
        };
    }

    private Screening loaded() {
        Screening current = screening();
        if (current.entries() == 0) {
            throw new InvalidInputException("no sanctions or indictment list is loaded: import one first (sightline import FOLDER-OR-FILE: "
                    + "OFAC's SDN CSV folder or sdn.xml, or FollowTheMoney JSON lines)");
        }
        return current;
    }
}
