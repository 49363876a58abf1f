package org.sightline.ingest.formats;

import java.nio.file.Path;
import java.util.function.Predicate;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.bundle.FileOutcome;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.sanctions.FollowTheMoney;
import org.sightline.ingest.sanctions.OfacSdnCsv;
import org.sightline.ingest.sanctions.OfacSdnXml;
import org.sightline.ingest.sanctions.SanctionsList;

/**
 * A sanctions or indictment list: OFAC's CSV files (a folder with sdn.csv, or sdn.csv with alt.csv
 * and add.csv beside it), OFAC's XML, or FollowTheMoney entities. What a publication changes in the
 * store (new, changed and removed entries) is imported as one document.
 */
public final class SanctionsListFormat implements InputFormat {
    private final String name;
    private final Predicate<Peek> recognises;
    private final ListReader reader;

    /** How a list is read from its path, given the import's options (OFAC's CSV carries no date: --list-date gives it). */
    @FunctionalInterface
    interface ListReader {
        SanctionsList read(Path path, ImportOptions options);
    }

    private SanctionsListFormat(String name, Predicate<Peek> recognises, ListReader reader) {
        this.name = name;
        this.recognises = recognises;
        this.reader = reader;
    }

    public static SanctionsListFormat ofacCsv() {
        return new SanctionsListFormat("OFAC SDN CSV", peek -> OfacSdnCsv.looksLikeOfac(peek.path()),
                (path, options) -> OfacSdnCsv.read(path, options.listDate()));
    }

    public static SanctionsListFormat ofacXml() {
        return new SanctionsListFormat("OFAC SDN XML", peek -> !peek.folder() && OfacSdnXml.looksLikeOfacXml(peek.fileName(), peek.head()),
                (path, options) -> OfacSdnXml.read(path));
    }

    public static SanctionsListFormat followTheMoney() {
        return new SanctionsListFormat("FollowTheMoney entities", peek -> !peek.folder() && FollowTheMoney.looksLikeFtm(peek.fileName(), peek.head()),
                (path, options) -> FollowTheMoney.read(path));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean recognises(Peek peek) {
        return recognises.test(peek);
    }

    @Override
    public FileOutcome read(Path path, Documents into) {
        try {
            return into.sanctionsList(reader.read(path, into.options()), path.toString());
        } catch (InvalidInputException e) { // unreadable, or older than the publication the store holds
            return new FileOutcome(path.toString(), true, e.getMessage() + "; nothing from this list was imported", 0, 0, 0,
                    java.util.List.of());
        }
    }
}
