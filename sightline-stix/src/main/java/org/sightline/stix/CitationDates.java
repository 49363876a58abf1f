package org.sightline.stix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the reports an object cites were published, read from its external references. ATT&CK (and
 * much CTI that follows it) writes each reference's description as an APA citation, "Microsoft
 * Threat Intelligence Center. (2021, March 2). HAFNIUM targeting Exchange Servers. Retrieved …", so
 * the date in the first parentheses is the publication date of the report that states what the
 * object says. A citation with only a month or a year counts from its first day; "(n.d.)" has no date.
 */
public final class CitationDates {
    private static final Pattern PUBLISHED = Pattern.compile("\\((\\d{4})(?:, ([A-Z][a-z]+)(?: (\\d{1,2}))?)?\\)");

    private CitationDates() {
    }

    /** Every dated citation of the object, in the order of its references. */
    public static List<Instant> of(StixObject object) {
        List<Instant> dates = new ArrayList<>();
        for (JsonNode reference : object.json().path("external_references")) {
            published(reference.path("description").asText("")).ifPresent(dates::add);
        }
        return dates;
    }

    /** The publication date of one APA-style citation, if it has one. */
    static Optional<Instant> published(String citation) {
        Matcher matcher = PUBLISHED.matcher(citation);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        Month month = Month.JANUARY;
        if (matcher.group(2) != null) {
            try {
                month = Month.valueOf(matcher.group(2).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException notAMonth) {
                return Optional.empty(); // "(2019, Spring)": a season is not a date we can order by
            }
        }
        int day = matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3));
        if (year < 1970 || day < 1 || day > month.length(java.time.Year.isLeap(year))) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
