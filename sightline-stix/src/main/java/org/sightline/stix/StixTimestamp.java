package org.sightline.stix;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * STIX timestamps (RFC 3339, UTC, 'Z'; STIX 2.1 §3.2). Versions are ordered by a sort key that
 * pads the fraction to nanoseconds, so that ordering is exact whatever precision a producer used.
 */
public final class StixTimestamp {
    private static final Pattern FORMAT = Pattern.compile(
            "^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\\.[0-9]+)?Z$");
    private static final Pattern MILLIS = Pattern.compile("T\\d{2}:\\d{2}:\\d{2}\\.\\d{3,}Z$");

    private StixTimestamp() {
    }

    public static boolean isValid(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return false;
        }
        // The pattern bounds every field; only the day needs its month (and leap year) to be checked.
        int year = Integer.parseInt(value, 0, 4, 10);
        int month = Integer.parseInt(value, 5, 7, 10);
        int day = Integer.parseInt(value, 8, 10, 10);
        return day <= YearMonth.of(year, month).lengthOfMonth();
    }

    /** created and modified must be precise to the millisecond (STIX 2.1 §3.2). */
    public static boolean hasMillisecondPrecision(String value) {
        return value != null && MILLIS.matcher(value).find();
    }

    public static Instant parse(String value) {
        Instant plain = parseUtc(value);
        if (plain != null) {
            return plain;
        }
        // Leap second 60 is legal in RFC 3339 but not in java.time; treat it as the last instant of 59.
        String normalized = value.contains(":60") ? value.replace(":60", ":59") : value;
        return Instant.parse(normalized);
    }

    /**
     * The form nearly every timestamp has, {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, read by position: logs
     * hold one per record, and java.time's general parser was a tenth of the cost of reading one.
     * Null for anything else (offsets, leap seconds, lower case), which the general parser reads.
     */
    private static Instant parseUtc(String value) {
        int length = value.length();
        if (length < 20 || length > 30 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > daysInMonth(year, month)) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (value.charAt(19) != '.' || fraction < 1 || fraction > 9 || (nanos = digits(value, 20, length - 1)) < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        } else if (value.charAt(19) != 'Z') {
            return null;
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int daysInMonth(int year, int month) {
        return month == 2 ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse, in eras of 400 years). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** The decimal number in {@code value[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    /** Fixed-width, lexicographically ordered form: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
    public static String sortKey(String value) {
        int dot = value.indexOf('.');
        int zone = value.length() - 1;
        String seconds = dot < 0 ? value.substring(0, zone) : value.substring(0, dot);
        String fraction = dot < 0 ? "" : value.substring(dot + 1, zone);
        String nanos = fraction.length() >= 9 ? fraction.substring(0, 9) : fraction + "0".repeat(9 - fraction.length());
        return seconds + "." + nanos + "Z";
    }

    /**
     * Formats an instant with microsecond precision: TAXII's date added, where two versions added one
     * microsecond apart must stay apart.
     */
    public static String formatMicros(Instant instant) {
        String text = instant.truncatedTo(ChronoUnit.MICROS).toString();
        int dot = text.indexOf('.');
        String fraction = dot < 0 ? "" : text.substring(dot + 1, text.length() - 1);
        String seconds = dot < 0 ? text.substring(0, text.length() - 1) : text.substring(0, dot);
        return seconds + "." + (fraction + "000000").substring(0, 6) + "Z";
    }

    /** A sort key turned back into a timestamp, without trailing zeros past the milliseconds. */
    public static String fromSortKey(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return key;
        }
        String fraction = key.substring(dot + 1, key.length() - 1);
        int end = fraction.length();
        while (end > 3 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        return key.substring(0, dot + 1) + fraction.substring(0, end) + "Z";
    }

    /** Formats an instant the way STIX producers usually do: millisecond precision. */
    public static String format(Instant instant) {
        String text = instant.truncatedTo(ChronoUnit.MILLIS).toString();
        return text.contains(".") ? text : text.replace("Z", ".000Z");
    }

    /** A day as a STIX timestamp: its start, in UTC ("2019-01-15T00:00:00.000Z"). */
    public static String ofDay(java.time.LocalDate day) {
        return format(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    /**
     * A date a user typed: a day (2018-12-21, read as its start in UTC) or a full timestamp. Anything
     * else is bad input that names the option it was given for.
     */
    public static Instant parseUserDate(String text, String what) {
        try {
            return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.sightline.error.InvalidInputException(
                    "'" + what + "' must be a date (2018-12-21) or a timestamp (2018-12-21T00:00:00Z), got '" + text + "'");
        }
    }

    /** {@link #parseUserDate}, or now when the user gave no date (the usual --as-of and ?as_of=). */
    public static Instant parseUserDateOrNow(String text, String what) {
        return text == null ? Instant.now() : parseUserDate(text, what);
    }

    /** A calendar day a user typed (2016-05-01; a timestamp counts as its day); null when blank. */
    public static java.time.LocalDate parseUserDay(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            return java.time.LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.sightline.error.InvalidInputException("'" + what + "' must be a date such as 2016-05-01, got '" + text + "'");
        }
    }

    /**
     * The {@code modified} of a new version of an object whose current version has {@code previous}:
     * now, or one millisecond later than the previous version when the clock has not moved past it,
     * so that the new version always sorts after the old one.
     */
    public static String nextVersion(String previous) {
        Instant after = parse(previous).plusMillis(1);
        Instant now = Instant.now();
        return format(now.isAfter(after) ? now : after);
    }
}
