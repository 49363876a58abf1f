package org.sightline.store.collections;

import java.util.List;
import java.util.Optional;
import org.sightline.store.tokens.Role;

/** TAXII collections and the status resources of what was posted to them. */
public interface CollectionStore {

    /** A new collection; the title must be new. */
    TaxiiCollection create(String title, String description, CollectionFilter filter, Role readRole, Role writeRole);

    Optional<TaxiiCollection> find(String idOrTitle);

    List<TaxiiCollection> list();

    boolean remove(String id);

    /** Saves a status resource, replacing the one with the same id. */
    void saveStatus(SubmissionStatus status);

    Optional<SubmissionStatus> status(String id);
}
