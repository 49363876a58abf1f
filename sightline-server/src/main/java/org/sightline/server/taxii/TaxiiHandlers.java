package org.sightline.server.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.server.auth.Access;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;
import org.sightline.store.clearance.Visibility;
import org.sightline.store.collections.CollectionStore;
import org.sightline.store.collections.SubmissionStatus;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.feed.FeedEntry;
import org.sightline.store.feed.VersionFilter;
import org.sightline.store.intake.Intake;
import org.sightline.store.tokens.ApiToken;
import org.sightline.store.tokens.Role;

/**
 * The TAXII 2.1 server (OASIS TAXII 2.1 §4–5) on one API root, {@code /taxii2/api/}. Collections are
 * saved views of the store; a token sees the collections its role and scope allow, and in them only
 * what its TLP clearance allows. A collection it may not see is a 404, like one that does not exist.
 */
public final class TaxiiHandlers implements AutoCloseable {
    public static final String DISCOVERY = "/taxii2/";
    public static final String API_ROOT = "/taxii2/api/";

    private final StixStore store;
    private final CollectionStore collections;
    private final Submissions submissions;
    private final long maxContentLength;
    /** Written-out pages of objects: 128 MB of bodies at most, a 100,000-object feed in pages of 1,000. */
    private final PageCache pages = new PageCache(128L * 1024 * 1024);

    public TaxiiHandlers(Intake intake, CollectionStore collections, long maxContentLength) {
        this.store = intake.store();
        this.collections = collections;
        this.submissions = new Submissions(intake, collections);
        this.maxContentLength = maxContentLength;
    }

    public void discovery(Context ctx) {
        TaxiiMedia.checkAccept(ctx);
        String root = baseUrl + API_ROOT;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Sightline TAXII 2.1 server");
        body.put("description", "Threat intelligence from this Sightline store, shared by collection and TLP clearance.");
        body.put("default", root);
        body.put("api_roots", List.of(root));
        TaxiiMedia.send(ctx, 200, body);
    }

    public void apiRoot(Context ctx) {
        TaxiiMedia.checkAccept(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Sightline");
        body.put("versions", List.of(TaxiiMedia.TAXII));
        body.put("max_content_length", maxContentLength);
        TaxiiMedia.send(ctx, 200, body);
    }

    public void collections(Context ctx) {
        TaxiiMedia.checkAccept(ctx);
        ApiToken token = Access.token(ctx);
        List<Map<String, Object>> visible = collections.list().stream().filter(c -> c.visibleTo(token))
                .map(c -> resource(c, token)).toList();
        TaxiiMedia.send(ctx, 200, visible.isEmpty() ? Map.of() : Map.of("collections", visible));
    }

    public void collection(Context ctx) {
        TaxiiMedia.checkAccept(ctx);
        ApiToken token = Access.token(ctx);
        TaxiiMedia.send(ctx, 200, resource(visible(ctx, token), token));
    }

    public void objects(Context ctx) {
        TaxiiMedia.checkAccept(ctx);
        ApiToken token = Access.token(ctx);
        VersionFilter filter = TaxiiQuery.filter(ctx, readable(ctx, token), token, Set.of());
        long sequence = store.lastSequence();
        PageCache.Page cached = pages.get(filter, sequence);
        if (cached == null) {
            cached = objectsPage(page(filter));
            pages.put(filter, sequence, cached);
        }
        if (cached.firstAdded() != null) {
            ctx.header("X-TAXII-Date-Added-First", cached.firstAdded());
            ctx.header("X-TAXII-Date-Added-Last", cached.lastAdded());
        }
        ctx.header("Vary", "Accept-Encoding");
        ctx.status(200).contentType(TaxiiMedia.TAXII);
        String accepted = ctx.header("Accept-Encoding");
        if (accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip") && cached.body().length > 1400) {
            ctx.header("Content-Encoding", "gzip"); // the server's own compression leaves an encoded answer alone
            ctx.result(cached.gzip());
        } else {
            ctx.result(cached.body());
        }
    }

    /** An envelope of objects, written straight from the stored JSON. */
    private static PageCache.Page objectsPage(Page page) {
        StringBuilder json = new StringBuilder(page.entries().size() * 800 + 64).append("{\"more\":").append(page.more());
        if (page.next() != null) {
            json.append(",\"next\":\"").append(page.next()).append('"');
        }
        if (!page.entries().isEmpty()) {
            json.append(",\"objects\":[");
            for (int i = 0; i < page.entries().size(); i++) {
                json.append(i == 0 ? "" : ",").append(page.entries().get(i).json()); // stored JSON, sent as it is
            }
            json.append(']');
        }
        List<FeedEntry> entries = page.entries();
        return new PageCache.Page(json.append('}').toString(), entries.isEmpty() ? null : entries.get(0).addedAt(),
                entries.isEmpty() ? null : entries.get(entries.size() - 1).addedAt());
    }

    public void manifest(Context ctx) {
        TaxiiMedia.checkAccept(ctx);
        ApiToken token = Access.token(ctx);
        Page page = page(TaxiiQuery.filter(ctx, readable(ctx, token), token, Set.of()));
        List<Map<String, Object>> records = new ArrayList<>();
        for (FeedEntry entry : page.entries()) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", entry.id());
            record.put("date_added", entry.addedAt());
            record.put("version", entry.version().isEmpty() ? entry.addedAt() : entry.version());
            record.put("media_type", TaxiiMedia.STIX);
            records.add(record);
        }
        page.dateHeaders(ctx);
        TaxiiMedia.send(ctx, 200, envelope(page, "objects", records));
    }

    public void object(Context ctx) {
        TaxiiMedia.checkAccept(ctx);
        Page page = objectPage(ctx, Set.of());
        List<JsonNode> objects = page.entries().stream().map(e -> (JsonNode) StixJson.parseObject(e.json(), e.id())).toList();
        page.dateHeaders(ctx);
        TaxiiMedia.send(ctx, 200, envelope(page, "objects", objects));
    }

    public void versions(Context ctx) {
        TaxiiMedia.checkAccept(ctx);
        Page page = objectPage(ctx, Set.of("all"));
        List<String> versions = page.entries().stream().map(e -> e.version().isEmpty() ? e.addedAt() : e.version()).toList();
        page.dateHeaders(ctx);
        TaxiiMedia.send(ctx, 200, envelope(page, "versions", versions));
    }

    /** A page of the versions of the object in the path; a 404 when the token may see none of them. */
    private Page objectPage(Context ctx, Set<String> fixedVersions) {
        ApiToken token = Access.token(ctx);
        TaxiiCollection collection = readable(ctx, token);
        VersionFilter filter = TaxiiQuery.filter(ctx, collection, token, fixedVersions);
        Page page = page(onlyObject(filter, ctx.pathParam("objectId")));
        if (page.entries().isEmpty() && filter.afterSequence() == 0) {
            throw TaxiiException.notFound("no object " + ctx.pathParam("objectId") + " in collection " + collection.id()
                    + " that this token may see");
        }
        return page;
    }

    public void addObjects(Context ctx) {
        TaxiiMedia.checkAccept(ctx);
        ApiToken token = Access.token(ctx);
        TaxiiCollection collection = visible(ctx, token);
        if (!collection.canWrite(token)) {
            throw new TaxiiException(403, "Forbidden", "this token may not add objects to collection " + collection.id());
        }
        TaxiiMedia.checkContentType(ctx);
        if (ctx.contentLength() > maxContentLength) {
            throw new TaxiiException(413, "Payload too large", "the envelope is " + ctx.contentLength()
                    + " bytes, over this API root's max_content_length of " + maxContentLength + "; post fewer objects at a time");
        }
        JsonNode envelope;
        try {
            envelope = StixJson.mapper().readTree(ctx.bodyAsBytes());
        } catch (java.io.IOException e) {
            throw TaxiiException.badRequest("the body is not valid JSON: " + e.getMessage());
        }
        if (envelope == null || !envelope.isObject() || !envelope.path("objects").isArray()) {
            throw new TaxiiException(422, "Unprocessable entity", "the body must be a TAXII envelope: {\"objects\":[…]}");
        }
        List<JsonNode> objects = new ArrayList<>();
        envelope.path("objects").forEach(objects::add);
        TaxiiMedia.send(ctx, 202, statusResource(submissions.accept(collection, token, objects)));
    }

    /** Deletes the versions match[version] selects (every version when it is absent) that the token may see. */
    public void deleteObject(Context ctx) {
        TaxiiMedia.checkAccept(ctx);
        ApiToken token = Access.token(ctx);
        TaxiiCollection collection = readable(ctx, token);
        if (!collection.canWrite(token)) {
            throw new TaxiiException(403, "Forbidden", "this token may not delete objects from collection " + collection.id());
        }
        String id = ctx.pathParam("objectId");
        Set<String> asked = ctx.queryParams("match[version]").isEmpty() ? Set.of("all") : Set.of();
        VersionFilter filter = onlyObject(TaxiiQuery.filter(ctx, collection, token, asked), id).withLimit(TaxiiQuery.MAX_LIMIT);
        List<FeedEntry> versions = page(filter).entries();
        if (versions.isEmpty()) {
            throw TaxiiException.notFound("no object " + id + " in collection " + collection.id() + " that this token may see");
        }
        Set<String> timestamps = new java.util.HashSet<>();
        versions.forEach(entry -> timestamps.add(entry.version()));
        store.delete(id, timestamps.contains("") ? Set.of() : timestamps); // an unversioned object goes whole
        pages.clear(); // a delete need not move the last sequence number that cached pages are keyed on
        ctx.status(200);
    }

    public void status(Context ctx) {
        TaxiiMedia.checkAccept(ctx);
        ApiToken token = Access.token(ctx);
        SubmissionStatus status = collections.status(ctx.pathParam("statusId"))
                .filter(s -> s.tokenId().equals(token.id()) || token.role().includes(Role.ADMIN))
                .orElseThrow(() -> TaxiiException.notFound("no status " + ctx.pathParam("statusId") + " for this token"));
        TaxiiMedia.send(ctx, 200, statusResource(status));
    }

    /** One page of a feed: up to the limit, with hidden relationships removed, and where to go on from. */
    private record Page(List<FeedEntry> entries, boolean more, String next) {
        void dateHeaders(Context ctx) {
            if (!entries.isEmpty()) {
                ctx.header("X-TAXII-Date-Added-First", entries.get(0).addedAt());
                ctx.header("X-TAXII-Date-Added-Last", entries.get(entries.size() - 1).addedAt());
            }
        }
    }

    private Page page(VersionFilter filter) {
        List<FeedEntry> fetched = store.feed(filter.withLimit(filter.limit() + 1));
        boolean more = fetched.size() > filter.limit();
        List<FeedEntry> entries = more ? fetched.subList(0, filter.limit()) : fetched;
        String next = more ? Long.toString(entries.get(entries.size() - 1).sequence()) : null;
        return new Page(new Visibility(store, filter.clearance()).visibleEntries(entries), more, next);
    }

    private static VersionFilter onlyObject(VersionFilter filter, String id) {
        return new VersionFilter(filter.afterSequence(), filter.addedAfter(), Set.of(id), filter.types(), filter.versions(),
                filter.specVersions(), filter.createdBy(), filter.clearance(), filter.limit());
    }

    private static Map<String, Object> envelope(Page page, String listName, List<?> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("more", page.more());
        if (page.next() != null) {
            body.put("next", page.next());
        }
        if (!items.isEmpty()) {
            body.put(listName, items);
        }
        return body;
    }

    private TaxiiCollection visible(Context ctx, ApiToken token) {
        return collections.find(ctx.pathParam("collectionId"))
                .filter(c -> c.id().equals(ctx.pathParam("collectionId")) && c.visibleTo(token))
                .orElseThrow(() -> TaxiiException.notFound("no collection " + ctx.pathParam("collectionId") + " for this token"));
    }

    private TaxiiCollection readable(Context ctx, ApiToken token) {
        TaxiiCollection collection = visible(ctx, token);
        if (!collection.canRead(token)) {
            throw new TaxiiException(403, "Forbidden", "this token may add to collection " + collection.id() + " but not read it");
        }
        return collection;
    }

    private static Map<String, Object> resource(TaxiiCollection collection, ApiToken token) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", collection.id());
        resource.put("title", collection.title());
        if (collection.description() != null) {
            resource.put("description", collection.description());
        }
        resource.put("can_read", collection.canRead(token));
        resource.put("can_write", collection.canWrite(token));
        resource.put("media_types", List.of(TaxiiMedia.STIX));
        return resource;
    }

    private static Map<String, Object> statusResource(SubmissionStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", status.id());
        body.put("status", status.status());
        body.put("request_timestamp", status.requestTimestamp());
        body.put("total_count", status.total());
        body.put("success_count", status.successes().size());
        putDetails(body, "successes", status.successes());
        body.put("failure_count", status.failures().size());
        putDetails(body, "failures", status.failures());
        body.put("pending_count", status.pendings().size());
        putDetails(body, "pendings", status.pendings());
        return body;
    }

    private static void putDetails(Map<String, Object> body, String name, List<SubmissionStatus.Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        body.put(name, outcomes.stream().map(outcome -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("id", outcome.id());
            detail.put("version", outcome.version() == null ? "" : outcome.version());
            if (outcome.message() != null) {
                detail.put("message", outcome.message());
            }
            return detail;
        }).toList());
    }

    private volatile String baseUrl = "http://127.0.0.1";

    /** The server's own base URL for discovery (set when it starts); the Host header is never echoed. */
    public void useBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }


    @Override
    public void close() {
        submissions.close();
    }
}
