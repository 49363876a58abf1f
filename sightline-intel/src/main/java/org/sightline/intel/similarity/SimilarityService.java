package org.sightline.intel.similarity;

import java.util.List;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.store.StixStore;

/**
 * "Who behaves like this?": ranks intrusion sets for observed ATT&CK techniques and software. The
 * model is built from the store once and rebuilt when the store has changed, so answers take
 * milliseconds.
 */
public final class SimilarityService {
    private final StixStore store;
    private SimilarityModel model;
    private AttackCatalog catalog;
    private long builtAtSequence = -1;

    public SimilarityService(StixStore store) {
        this.store = store;
    }

    /** The ranking, plus the observed ids that the catalogue does not know. */
    public record Answer(List<SimilarityModel.Ranked> ranking, List<String> unknown) {
    }

    public synchronized Answer similar(List<String> techniques, List<String> software, int top) {
        if (top < 1 || top > 200) {
            throw new InvalidInputException("top must be between 1 and 200, got " + top);
        }
        refresh();
        AttackCatalog.Observed seen = catalog.observed(techniques, software);
        Set<String> observed = seen.known();
        List<String> unknown = seen.unknown();
        if (observed.isEmpty()) {
            throw new InvalidInputException("none of the observed ids is a known ATT&CK technique or software "
                    + "(give ids such as T1566.001 or S0002; import ATT&CK first)" + (unknown.isEmpty() ? "" : ": " + unknown));
        }
        return new Answer(model.rank(observed, top), unknown);
    }

    /** Each group's techniques (external ids) as the catalogue knows them, by group STIX id. */
    public synchronized java.util.Map<String, List<String>> techniquesOfGroups() {
        refresh();
        java.util.Map<String, List<String>> techniques = new java.util.HashMap<>();
        catalog.groups().forEach(group -> techniques.put(group.id(), List.copyOf(group.techniques())));
        return techniques;
    }

    private void refresh() {
        long sequence = store.lastSequence();
        if (sequence != builtAtSequence) {
            catalog = AttackCatalog.load(store);
            model = new SimilarityModel(catalog, SimilarityModel.Parameters.defaults());
            builtAtSequence = sequence;
        }
    }
}
