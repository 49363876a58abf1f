package org.sightline.server.taxii;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.feed.VersionFilter;
import org.sightline.store.tokens.ApiToken;

/**
 * A TAXII request's filters (§3.5: added_after, limit, next, match[…]) joined with what the
 * collection shows and what the token is cleared to see. Every bad value is a 400 that names it.
 */
final class TaxiiQuery {
    /** Objects per page when the client does not say; the most a client may ask for. */
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    private TaxiiQuery() {
    }

    /**
     * The filter for this request on the collection; {@code fixedVersions} replaces match[version] for
     * the versions endpoint, which lists them all.
     */
    static VersionFilter filter(Context ctx, TaxiiCollection collection, ApiToken token, Set<String> fixedVersions) {
        Set<String> types = list(ctx, "match[type]");
        Set<String> collectionTypes = collection.filter().types();
        if (!collectionTypes.isEmpty()) {
            if (types.isEmpty()) {
                types = collectionTypes;
            } else {
                types.retainAll(collectionTypes);
                if (types.isEmpty()) {
                    types = Set.of("-"); // asked only for types the collection does not show: an empty answer, not everything
                }
            }
        }
        Set<String> versions = fixedVersions.isEmpty() ? versions(ctx) : fixedVersions;
        Tlp clearance = token.clearanceLevel().narrowedTo(collection.filter().maxTlp());
        return new VersionFilter(next(ctx), addedAfter(ctx), list(ctx, "match[id]"), types, versions,
                list(ctx, "match[spec_version]"), collection.filter().createdBy(), clearance, limit(ctx));
    }

    private static Set<String> list(Context ctx, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String parameter : ctx.queryParams(name)) {
            for (String value : parameter.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.trim());
                }
            }
        }
        return values;
    }

    private static Set<String> versions(Context ctx) {
        Set<String> versions = list(ctx, "match[version]");
        for (String version : versions) {
            if (!version.equals("first") && !version.equals("last") && !version.equals("all") && !StixTimestamp.isValid(version)) {
                throw TaxiiException.badRequest("match[version] '" + version + "' is not first, last, all or a STIX timestamp");
            }
        }
        return versions;
    }

    private static Instant addedAfter(Context ctx) {
        String value = ctx.queryParam("added_after");
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!StixTimestamp.isValid(value)) {
            throw TaxiiException.badRequest("added_after '" + value + "' is not a timestamp like 2026-01-31T12:00:00.000Z");
        }
        return StixTimestamp.parse(value);
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit < 1) {
                throw TaxiiException.badRequest("limit must be a positive number, not " + value);
            }
            return Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw TaxiiException.badRequest("limit '" + value + "' is not a number");
        }
    }

    /** The position a previous page's {@code next} names: the sequence number of its last version. */
    private static long next(Context ctx) {
        String value = ctx.queryParam("next");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw TaxiiException.badRequest("next '" + value + "' is not a value this server gave; start again without it");
        }
    }
}
