package org.sightline.cli;

import java.time.Duration;
import org.sightline.error.InvalidInputException;
import picocli.CommandLine.Option;

/** --keep and --retention, for the commands whose logs 'sightline hunt' may run later indicators over. */
public final class KeepOptions {
    @Option(names = "--keep", description = "Keep the logs (gzip compressed, in the data directory's logs folder) so that "
            + "'sightline hunt' can run indicators learnt later over them.")
    boolean keep;

    @Option(names = "--retention", defaultValue = "90", paramLabel = "DAYS",
            description = "With --keep: logs kept longer ago than this many days are deleted (default 90).")
    int retentionDays;

    public boolean keep() {
        return keep;
    }

    public int retentionDays() {
        return retentionDays;
    }

    /** How long kept logs stay; an error a user can act on before anything is read. */
    public Duration retention() {
        if (retentionDays < 1) {
            throw new InvalidInputException("--retention is 1 day or more, got " + retentionDays);
        }
        return Duration.ofDays(retentionDays);
    }
}
