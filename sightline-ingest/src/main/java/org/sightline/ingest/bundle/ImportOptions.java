package org.sightline.ingest.bundle;

import java.time.LocalDate;

/**
 * How an import treats invalid objects: by default one invalid object rejects its whole bundle
 * (nothing of it is stored); with {@code skipInvalid} the valid objects are stored and the invalid
 * ones reported. {@code listDate} dates a sanctions list whose files carry no date of their own
 * (OFAC's CSV form), which is otherwise dated by the day its file was last modified.
 */
public record ImportOptions(boolean skipInvalid, LocalDate listDate) {
    public ImportOptions(boolean skipInvalid) {
        this(skipInvalid, null);
    }

    public static ImportOptions strict() {
        return new ImportOptions(false);
    }
}
