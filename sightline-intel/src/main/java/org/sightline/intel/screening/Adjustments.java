package org.sightline.intel.screening;

import java.util.List;
import java.util.Locale;

/**
 * What a screening query says beside the name, weighed against the entry: agreement on country,
 * birth year or an identifier raises the score a little (an identifier a lot); disagreement lowers it
 * more, since it points to another person or company with the same name.
 */
final class Adjustments {
    static final double COUNTRY_AGREES = 0.02;
    static final double COUNTRY_DIFFERS = -0.1;
    static final double BIRTH_YEAR_AGREES = 0.05;
    static final double BIRTH_YEAR_DIFFERS = -0.15;
    static final double IDENTIFIER_AGREES = 0.15;
    static final double IDENTIFIER_DIFFERS = -0.05;

    private Adjustments() {
    }

    /** The most the query's other details could raise a name's score: how far below the threshold a name may score and still match. */
    static double mostRaised(Screening.Query query) {
        return (query.country() != null ? COUNTRY_AGREES : 0) + (query.birthDate() != null ? BIRTH_YEAR_AGREES : 0)
                + (query.identifier() != null ? IDENTIFIER_AGREES : 0);
    }

    static double adjust(Screening.Query query, ListEntry entry, List<String> reasons) {
        double change = 0;
        if (query.country() != null && !entry.countries().isEmpty()) {
            String country = query.country().trim().toUpperCase(Locale.ROOT);
            if (entry.countries().stream().anyMatch(c -> c.equalsIgnoreCase(country))) {
                change += COUNTRY_AGREES;
                reasons.add("country " + country + " agrees");
            } else {
                change += COUNTRY_DIFFERS;
                reasons.add("country " + country + " differs from the entry's " + entry.countries());
            }
        }
        if (query.birthDate() != null && !entry.birthDates().isEmpty()) {
            String date = query.birthDate().trim();
            String year = date.length() >= 4 ? date.substring(0, 4) : date;
            if (entry.birthDates().stream().anyMatch(listed -> listed.contains(year))) {
                change += BIRTH_YEAR_AGREES;
                reasons.add("birth year " + year + " agrees");
            } else {
                change += BIRTH_YEAR_DIFFERS;
                reasons.add("birth year " + year + " differs from the entry's " + entry.birthDates());
            }
        }
        if (query.identifier() != null && !entry.identifiers().isEmpty()) {
            String wanted = compact(query.identifier());
            String agreeing = entry.identifiers().stream().filter(listed -> wanted.length() >= 5 && compact(listed).contains(wanted))
                    .findFirst().orElse(null);
            if (agreeing != null) {
                change += IDENTIFIER_AGREES;
                reasons.add("identifier " + query.identifier().trim() + " agrees (" + agreeing + ")");
            } else {
                change += IDENTIFIER_DIFFERS;
                reasons.add("identifier " + query.identifier().trim() + " is not among the entry's " + entry.identifiers());
            }
        }
        return change;
    }

    /** Letters and digits only, upper case: "E-123 456" and "e123456" are one passport number. */
    private static String compact(String identifier) {
        return identifier.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
    }
}
