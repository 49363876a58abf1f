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
 * knowledge base (suppliers among them), against every list loaded. The index over the lists is
 * built once and rebuilt only when the store has changed since.
 */
public final class ScreeningService {

    /** One name screened: what was asked, how many list entries it was screened against, and the matches. */
    public record NameResult(String query, int entriesScreened, Map<String, Long> lists, List<Screening.Match> matches) {
    }

    /** An identity of the knowledge base that matched a list entry. */
    public record Flagged(String id, String name, String kind, List<Screening.Match> matches) {
    }

    /** The whole knowledge base screened: how many identities, against which lists, and those that matched. */
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

    /** Every identity that is not itself a list entry, screened as the kind it is. */
    public KnowledgeResult screenAll(double threshold) {
        Screening current = loaded();
        List<Flagged> flagged = new ArrayList<>();
        int[] screened = {0};
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("identity"), Set.of(), false), object -> {
            String name = object.name();
            if (ListEntry.isListEntry(object) || name == null || ScreeningName.of(name).isEmpty()) {
                return;
            }
            screened[0]++;
            String kind = switch (object.text("identity_class") == null ? "" : object.text("identity_class")) {
                case "individual" -> "individual";
                case "organization" -> "organization";
                default -> null;
            };
            List<Screening.Match> matches = current.screen(new Screening.Query(name, kind, null, null, null), threshold);
            if (!matches.isEmpty()) {
                flagged.add(new Flagged(object.id(), name, kind, matches));
            }
        });
        flagged.sort(java.util.Comparator.comparingDouble((Flagged f) -> -f.matches().get(0).score()).thenComparing(Flagged::name));
        return new KnowledgeResult(screened[0], current.entries(), current.lists(), threshold, flagged);
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
