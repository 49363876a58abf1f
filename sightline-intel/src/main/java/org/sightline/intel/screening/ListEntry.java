package org.sightline.intel.screening;

import java.util.List;

/**
 * One entry of a sanctions or indictment list as screening reads it from its STIX identity: names,
 * kind, countries, birth dates, identifiers and programmes, and which list it came from.
 */
public record ListEntry(String id, String name, List<String> aliases, String kind, List<String> countries,
                        List<String> birthDates, List<String> identifiers, List<String> programs, String list) {
}
