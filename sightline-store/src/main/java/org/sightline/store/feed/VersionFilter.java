package org.sightline.store.feed;

import java.time.Instant;
import java.util.Set;
import org.sightline.stix.markings.Tlp;

/**
 * Which stored versions a feed page holds, in the order they were added: TAXII's filters
 * ({@code added_after}, {@code match[id|type|version|spec_version]}) plus what a collection and a
 * reader's clearance restrict. Empty sets mean "any".
 *
 * @param afterSequence   continue after this version's sequence number (a page's {@code next}); 0 from the start
 * @param addedAfter      only versions added after this instant, or null
 * @param versions        which versions of each object: {@code last}, {@code first}, {@code all}, or timestamps
 * @param createdBy       only objects whose creator is one of these identities
 * @param clearance       the most restrictive TLP level the reader may see
 * @param limit           at most this many versions
 */
public record VersionFilter(long afterSequence, Instant addedAfter, Set<String> ids, Set<String> types,
                            Set<String> versions, Set<String> specVersions, Set<String> createdBy,
                            Tlp clearance, int limit) {
    public VersionFilter {
        ids = Set.copyOf(ids);
        types = Set.copyOf(types);
        versions = versions.isEmpty() ? Set.of("last") : Set.copyOf(versions);
        specVersions = Set.copyOf(specVersions);
        createdBy = Set.copyOf(createdBy);
    }

    /** Every current version a reader cleared to RED may see, from the start. */
    public static VersionFilter everything(int limit) {
        return new VersionFilter(0, null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Tlp.RED, limit);
    }

    public VersionFilter after(long sequence) {
        return new VersionFilter(sequence, addedAfter, ids, types, versions, specVersions, createdBy, clearance, limit);
    }

    public VersionFilter withLimit(int newLimit) {
        return new VersionFilter(afterSequence, addedAfter, ids, types, versions, specVersions, createdBy, clearance, newLimit);
    }
}
