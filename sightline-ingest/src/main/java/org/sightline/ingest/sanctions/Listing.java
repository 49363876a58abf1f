package org.sightline.ingest.sanctions;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a sanctions or indictment list as its publisher writes it, whatever the format: the
 * entry's number on the list, its main name (people in natural order, "Lei ZHANG"), whether it is a
 * person or an organisation, its other names, programmes, birth dates, identifiers, countries and
 * remarks, and where the publisher explains it ({@code url}, when given). {@code listedForm} is the name as the list writes it when that differs ("ZHANG, Lei").
 */
public record Listing(String entry, String name, String listedForm, boolean individual, String entryType, List<String> aliases,
                      List<String> programs, List<String> birthDates, List<String> identifiers, List<String> countries, String remarks,
                      String url) {
    public Listing {
        Objects.requireNonNull(entry, "a list entry needs its number on the list");
        Objects.requireNonNull(name, "a list entry needs its name");
        aliases = List.copyOf(aliases);
        programs = List.copyOf(programs);
        birthDates = List.copyOf(birthDates);
        identifiers = List.copyOf(identifiers);
        countries = List.copyOf(countries);
    }
}
