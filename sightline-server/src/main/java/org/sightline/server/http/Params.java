package org.sightline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixTimestamp;

/**
 * The request's parameters, read one way for every handler: a query parameter or body field that
 * is missing, malformed or out of range is a 400 naming it as the API names it ('as_of', 'limit').
 */
public final class Params {
    private Params() {
    }

    /** A query parameter that must be given. */
    public static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("query parameter '" + name + "' is required");
        }
        return value;
    }

    /** ?as_of= a date or timestamp; now when not given. */
    public static Instant asOf(Context ctx) {
        return StixTimestamp.parseUserDateOrNow(ctx.queryParam("as_of"), "as_of");
    }

    /** ?as_of= when given, else null (the caller's "whatever is current"). */
    public static Instant asOfIfGiven(Context ctx) {
        String value = ctx.queryParam("as_of");
        return value == null ? null : StixTimestamp.parseUserDate(value, "as_of");
    }

    /** A whole number between 1 and {@code max}, {@code fallback} when not given (?limit=, ?top=). */
    public static int count(Context ctx, String name, int fallback, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int count = whole(value, name);
        if (count < 1 || count > max) {
            throw new InvalidInputException("'" + name + "' must be between 1 and " + max + ", got " + value);
        }
        return count;
    }

    /** A whole number, {@code fallback} when not given (?depth=). */
    public static int number(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? fallback : whole(value, name);
    }

    /** A number from 0 to {@code high} (a whole one when {@code whole}), null when not given: "'min_score' is a score from 0 to 1, not 'x'". */
    public static Double between(Context ctx, String name, double high, boolean whole, String meaning) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.trim());
            if (number >= 0 && number <= high && (!whole || number == Math.rint(number))) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidInputException("'" + name + "' is " + meaning + " from 0 to " + (high == Math.rint(high) ? String.valueOf((long) high) : String.valueOf(high))
                + ", not '" + value + "'");
    }

    /** ?name=one of the constants of {@code type}, in any case; null when not given. */
    public static <E extends Enum<E>> E choice(Context ctx, String name, Class<E> type) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> known = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                known.add(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new InvalidInputException("'" + name + "' is " + String.join(", ", known) + ", not '" + value + "'");
        }
    }

    /** A body field's strings (a list of them, absent: none). */
    public static List<String> texts(JsonNode body, String field) {
        List<String> values = new ArrayList<>();
        body.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    /** A body field's calendar day (a timestamp's day counts), null when absent. */
    public static LocalDate day(JsonNode body, String field) {
        return StixTimestamp.parseUserDay(body.path(field).asText(""), field);
    }

    /** A body field's date or timestamp, as a STIX timestamp; null when absent. */
    public static String timestamp(JsonNode body, String field) {
        String text = HttpJson.text(body, field);
        return text == null ? null : StixTimestamp.format(StixTimestamp.parseUserDate(text, field));
    }

    private static int whole(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("'" + name + "' must be a whole number, got '" + value + "'");
        }
    }
}
