package org.sightline.intel.screening.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.intel.screening.ListEntry;
import org.sightline.intel.screening.ScreeningName;

/**
 * Every name a list holds, by its words: to tell whether a name made up as "someone else" is in
 * truth listed, in which case finding it would be right and it cannot serve as a negative.
 */
final class ListedNames {
    private final Map<String, List<Set<String>>> byWord = new HashMap<>();
    private final Set<List<String>> wordSets = new HashSet<>();

    ListedNames(List<ListEntry> entries) {
        for (ListEntry entry : entries) {
            for (String name : entry.names()) {
                List<String> tokens = ScreeningName.of(name).tokens();
                Set<String> words = new HashSet<>(tokens);
                wordSets.add(tokens.stream().sorted().toList());
                words.forEach(word -> byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(words));
            }
        }
    }

    /**
     * Whether the name is listed after all: the same words as a listed name, all its words in one
     * listed name, or a whole listed name within it (of two words or more, or one long word).
     */
    boolean contains(String name) {
        List<String> tokens = ScreeningName.of(name).tokens();
        if (tokens.isEmpty() || wordSets.contains(tokens.stream().sorted().toList())) {
            return true;
        }
        Set<String> own = new HashSet<>(tokens);
        for (String token : own) {
            for (Set<String> words : byWord.getOrDefault(token, List.of())) {
                boolean telling = words.size() >= 2 || token.length() >= 5;
                if (words.containsAll(own) || telling && own.containsAll(words)) {
                    return true;
                }
            }
        }
        return false;
    }
}
