package org.sightline.ingest.formats;

import java.nio.file.Path;
import java.util.List;
import org.sightline.ingest.bundle.ImportProgress;

/**
 * The router: which format an input is, from one look at it. The formats are asked in order, the
 * most particular first; STIX takes what none of the others claims.
 */
public final class InputFormats {
    private final List<InputFormat> formats;

    public InputFormats(ImportProgress progress) {
        this.formats = List.of(SanctionsListFormat.ofacCsv(), new GalaxyFormat(), SanctionsListFormat.ofacXml(),
                SanctionsListFormat.followTheMoney(), new MispEventFormat(), new StixFormat(progress));
    }

    /** The format of a file, or of a folder that is one document (OFAC's CSV files); null for a folder of files to walk. */
    public InputFormat of(Path path) {
        Peek peek = Peek.of(path);
        return formats.stream().filter(format -> format.recognises(peek)).findFirst().orElse(null);
    }
}
