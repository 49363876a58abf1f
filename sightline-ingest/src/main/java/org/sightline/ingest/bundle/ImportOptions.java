package org.sightline.ingest.bundle;

/**
 * How an import treats invalid objects: by default one invalid object rejects its whole bundle
 * (nothing of it is stored); with {@code skipInvalid} the valid objects are stored and the invalid
 * ones reported.
 */
public record ImportOptions(boolean skipInvalid) {
    public static ImportOptions strict() {
        return new ImportOptions(false);
    }
}
