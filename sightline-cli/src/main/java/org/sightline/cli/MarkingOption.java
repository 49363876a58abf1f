package org.sightline.cli;

import org.sightline.stix.markings.Tlp;
import picocli.CommandLine.Option;

/**
 * --marking for commands that create objects. What Sightline creates is marked at least as
 * strictly as everything it refers to; this raises the floor further.
 */
public final class MarkingOption {
    @Option(names = "--marking", paramLabel = "TLP",
            description = "Mark what this creates at least TLP:clear|green|amber|amber+strict|red; it is marked at least as "
                    + "strictly as everything it refers to in any case.")
    String marking;

    public Tlp floor() {
        return marking == null ? Tlp.CLEAR : Tlp.parse(marking);
    }
}
