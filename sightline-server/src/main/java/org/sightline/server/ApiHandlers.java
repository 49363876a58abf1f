package org.sightline.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixTimestamp;
import org.sightline.error.NotFoundException;
import org.sightline.intel.actors.ActorDirectory;
import org.sightline.intel.actors.ActorResolution;
import org.sightline.intel.similarity.SimilarityService;
import org.sightline.pattern.match.MatchResult;
import org.sightline.pattern.match.MatcherException;
import org.sightline.pattern.match.PatternMatching;
import org.sightline.pattern.parse.PatternSyntaxException;
import org.sightline.pattern.validate.PatternReport;
import org.sightline.pattern.validate.PatternValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StixStore;
import org.sightline.store.search.SearchHit;

/** The /api/v1 handlers: each parses the request, calls one service, and writes JSON. */
final class ApiHandlers {
    private static final int MAX_LIMIT = 1000;

    private final KnowledgeBase knowledge;
    private final PatternValidator patterns = new PatternValidator();
    /** One model per clearance, each built from what that clearance sees: probabilities and reasons must not draw on hidden groups. */
    private final java.util.Map<org.sightline.stix.markings.Tlp, SimilarityService> similarity = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<org.sightline.stix.markings.Tlp, org.sightline.intel.intrusion.AttributionService> attribution =
            new java.util.concurrent.ConcurrentHashMap<>();

    ApiHandlers(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    void health(Context ctx) {
        knowledge.store().lastSequence(); // proves the store answers
        HttpJson.write(ctx, Map.of("status", "ok"));
    }

    /** The store as this request's token may see it. */
    private StixStore seen(Context ctx) {
        return Access.seenBy(ctx, knowledge.store());
    }

    private ActorDirectory directory(Context ctx) {
        return new ActorDirectory(seen(ctx));
    }

    void stats(Context ctx) {
        HttpJson.write(ctx, seen(ctx).stats());
    }

    void object(Context ctx) {
        String id = ctx.pathParam("id");
        String version = ctx.queryParam("version");
        StixStore store = seen(ctx);
        StixObject object = (version == null ? store.current(id) : store.version(id, version))
                .orElseThrow(() -> new NotFoundException("no object " + id
                        + (version == null ? "" : " with version " + version) + " in the knowledge store"));
        ctx.contentType("application/json").result(StixJson.writePretty(object.json()));
    }

    void versions(Context ctx) {
        String id = ctx.pathParam("id");
        List<?> versions = seen(ctx).versions(id);
        if (versions.isEmpty()) {
            throw new NotFoundException("no object " + id + " in the knowledge store");
        }
        HttpJson.write(ctx, Map.of("id", id, "versions", versions));
    }

    void search(Context ctx) {
        String text = required(ctx, "q");
        Set<String> types = new LinkedHashSet<>(ctx.queryParams("type"));
        int limit = limit(ctx.queryParam("limit"));
        List<SearchHit> found = knowledge.search(text, types, limit);
        // the index knows every object; keep the hits this token may see and that still exist
        java.util.Set<String> visible = seen(ctx).currentObjects(found.stream().map(SearchHit::id).toList()).stream()
                .map(StixObject::id).collect(java.util.stream.Collectors.toSet());
        List<SearchHit> hits = found.stream().filter(hit -> visible.contains(hit.id())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", text);
        body.put("exact", exactExternalIds(seen(ctx), text));
        body.put("hits", hits);
        // the index had more than the limit asked for: the reader is told the list is cut, not left to guess
        body.put("truncated", found.size() >= limit);
        HttpJson.write(ctx, body);
    }

    /** Current objects whose external id is exactly the text ("T1566", "g0045", "CVE-2021-26855"), which a search box opens at once. */
    private static List<Map<String, Object>> exactExternalIds(StixStore store, String text) {
        String wanted = text.trim();
        Set<String> ids = new LinkedHashSet<>();
        for (String form : new LinkedHashSet<>(List.of(wanted, wanted.toUpperCase(java.util.Locale.ROOT)))) {
            store.findByExternalId(form).forEach(ref -> ids.add(ref.objectId()));
        }
        List<Map<String, Object>> exact = new java.util.ArrayList<>();
        for (StixObject object : store.currentObjects(ids)) {
            if (object.revoked()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", object.id());
            row.put("type", object.type());
            row.put("name", object.name());
            exact.add(row);
        }
        return exact;
    }

    void actors(Context ctx) {
        ActorResolution resolution = directory(ctx).resolve(required(ctx, "q"));
        // ?unknown=ok: "no such actor" is an answer, not an error (a search box asks before it searches)
        if (resolution.found() || "ok".equals(ctx.queryParam("unknown"))) {
            HttpJson.write(ctx, resolution);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(ErrorResponses.body("not_found",
                "no intrusion set, threat actor or campaign is named '" + resolution.query() + "'"));
        body.put("query", resolution.query());
        body.put("match", null);
        body.put("candidates", resolution.candidates());
        ErrorResponses.send(ctx, 404, body);
    }

    void validatePattern(Context ctx) {
        JsonNode body = HttpJson.body(ctx);
        String pattern = body.path("pattern").asText(null);
        if (pattern == null) {
            throw new InvalidInputException("the request body needs a \"pattern\" string");
        }
        String version = body.path("stix_version").asText("2.1");
        if (!version.equals("2.1") && !version.equals("2.0")) {
            throw new InvalidInputException("\"stix_version\" must be \"2.0\" or \"2.1\", got \"" + version + "\"");
        }
        PatternReport report = patterns.validate(pattern, version);
        if (report.valid()) {
            HttpJson.write(ctx, report);
            return;
        }
        ObjectNode answer = StixJson.documentTree(report);
        answer.putObject("error").put("code", "invalid_input").put("kind", "parse_error")
                .put("message", report.errors().get(0));
        ctx.status(400).contentType("application/json").result(StixJson.writePretty(answer));
    }

    /** What one request's pattern evaluation may spend: its caller's pattern is untrusted (a regex, REPEATS). */
    static final java.time.Duration PATTERN_TIME = java.time.Duration.ofSeconds(2);
    static final long PATTERN_BINDINGS = 1_000_000;

    void matchPattern(Context ctx) {
        JsonNode body = HttpJson.body(ctx);
        String pattern = body.path("pattern").asText(null);
        if (pattern == null || !body.path("observations").isArray()) {
            throw new InvalidInputException("the request body needs \"pattern\" (a string) and \"observations\" "
                    + "(a list of bundles or STIX objects)");
        }
        List<JsonNode> observations = new java.util.ArrayList<>();
        body.get("observations").forEach(observations::add);
        try {
            MatchResult result = PatternMatching.match(pattern, body.path("stix_version").asText("2.1"), observations,
                    org.sightline.pattern.match.EvaluationBudget.of(PATTERN_TIME, PATTERN_BINDINGS));
            HttpJson.write(ctx, result);
        } catch (PatternSyntaxException | MatcherException e) {
            ErrorResponses.send(ctx, 400, PatternMatching.errorDocument(e));
        }
    }

    void actorProfile(Context ctx) {
        StixStore store = seen(ctx);
        var profile = new org.sightline.intel.actors.ActorProfiles(store).profile(ctx.pathParam("id"));
        ObjectNode answer = StixJson.documentTree(profile);
        List<String> names = new java.util.ArrayList<>();
        answer.path("aliases").forEach(alias -> names.add(alias.path("name").asText()));
        answer.set("conflicting_names", StixJson.documentTree(new ActorDirectory(store).conflictingNames(answer.path("id").asText(), names)));
        ctx.contentType("application/json").result(StixJson.writePretty(answer));
    }

    /** The dossier on the actor, as of a date, in the format asked for (html by default). */
    void actorDossier(Context ctx) {
        StixStore store = seen(ctx);
        ActorDirectory actors = new ActorDirectory(store);
        var card = actors.card(actors.actor(ctx.pathParam("id")));
        String format = ctx.queryParam("format");
        var chosen = org.sightline.intel.dossier.DossierFormat.parse(format == null ? "html" : format);
        String asOf = ctx.queryParam("as_of");
        java.time.Instant at = asOf == null ? java.time.Instant.now() : StixTimestamp.parseUserDate(asOf, "as_of");
        var dossier = new org.sightline.intel.dossier.DossierBuilder(store).build(card.id(), at);
        ctx.contentType(chosen.mediaType()).result(chosen.render(dossier, store));
    }

    void actorTimeline(Context ctx) {
        // An unknown id is a 404 from here, before the date is read.
        StixStore store = seen(ctx);
        ActorDirectory actors = new ActorDirectory(store);
        var card = actors.card(actors.actor(ctx.pathParam("id")));
        String asOf = ctx.queryParam("as_of");
        java.time.Instant at = asOf == null ? java.time.Instant.now() : StixTimestamp.parseUserDate(asOf, "as_of");
        HttpJson.write(ctx, new org.sightline.intel.timeline.ActivityTimeline(store).of(card, at));
    }

    /** GET /api/v1/indicators?status=&source=&as_of= : every indicator the token may see with its score as it ages, and why (as `indicators list`). */
    void indicators(Context ctx) {
        String asOf = ctx.queryParam("as_of");
        java.time.Instant at = asOf == null ? java.time.Instant.now() : StixTimestamp.parseUserDate(asOf, "as_of");
        String status = ctx.queryParam("status");
        org.sightline.intel.lifecycle.IndicatorScore.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = org.sightline.intel.lifecycle.IndicatorScore.Status.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new org.sightline.error.InvalidInputException("status is active, expired, pending or revoked, not '" + status + "'");
            }
        }
        var only = wanted;
        String source = ctx.queryParam("source");
        var scores = org.sightline.intel.lifecycle.IndicatorLifecycle.scores(seen(ctx), at, org.sightline.intel.lifecycle.IndicatorDecay.of(knowledge.location().dataDir()))
                .stream().filter(score -> only == null || score.status() == only)
                .filter(score -> source == null || source.isBlank() || source.equals(score.source())).toList();
        HttpJson.write(ctx, java.util.Map.of("as_of", StixTimestamp.format(at), "indicators", scores));
    }

    /** GET /api/v1/indicators/{id}?as_of= : one indicator's score through time and the sightings that moved it. */
    void indicatorHistory(Context ctx) {
        String asOf = ctx.queryParam("as_of");
        java.time.Instant at = asOf == null ? java.time.Instant.now() : StixTimestamp.parseUserDate(asOf, "as_of");
        HttpJson.write(ctx, org.sightline.intel.lifecycle.IndicatorHistory.of(seen(ctx), ctx.pathParam("id"), at,
                org.sightline.intel.lifecycle.IndicatorDecay.of(knowledge.location().dataDir())));
    }

    /**
     * POST /api/v1/sightings/{id}/false-positive {"reason":…} : marks a sighting the token may see a
     * false positive (a STIX opinion about it, see FalsePositives); its indicator's score drops.
     */
    void markFalsePositive(Context ctx) {
        JsonNode body = HttpJson.writeBody(ctx);
        String id = ctx.pathParam("id");
        if (seen(ctx).current(id).isEmpty()) {
            throw new org.sightline.error.NotFoundException("no sighting " + id);
        }
        JsonNode reason = body.path("reason");
        var marking = org.sightline.intel.lifecycle.FalsePositives.mark(knowledge.store(), id, reason.isTextual() ? reason.asText() : null,
                java.time.Instant.now());
        ctx.status(marking.already() ? 200 : 201);
        HttpJson.write(ctx, marking);
    }

    /** GET /api/v1/sightings?limit= : the newest sightings with what and where, and the count per day. */
    void sightings(Context ctx) {
        HttpJson.write(ctx, new org.sightline.intel.sightings.RecentSightings(seen(ctx)).newest(limit(ctx.queryParam("limit"))));
    }

    /** GET /api/v1/graph/{id}?depth=&max=&type= : the neighbourhood to draw. */
    void graph(Context ctx) {
        int depth = number(ctx.queryParam("depth"), 1, "depth");
        int max = number(ctx.queryParam("max"), 300, "max");
        Set<String> types = new LinkedHashSet<>(ctx.queryParams("type"));
        HttpJson.write(ctx, new org.sightline.intel.graph.Neighbourhood(seen(ctx)).around(ctx.pathParam("id"), depth, max, types));
    }

    private static int number(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("'" + name + "' must be a whole number, got '" + value + "'");
        }
    }

    void similar(Context ctx) {
        JsonNode body = HttpJson.body(ctx);
        List<String> techniques = new java.util.ArrayList<>();
        List<String> software = new java.util.ArrayList<>();
        body.path("techniques").forEach(t -> techniques.add(t.asText()));
        body.path("software").forEach(s -> software.add(s.asText()));
        org.sightline.stix.markings.Tlp clearance = Access.token(ctx).clearanceLevel();
        SimilarityService service = similarity.computeIfAbsent(clearance, level -> new SimilarityService(seen(ctx)));
        HttpJson.write(ctx, service.similar(techniques, software, body.path("top").asInt(10)));
    }

    /**
     * {"intrusion": ID or NAME} for a campaign, report or grouping in the store, or the intrusion
     * described: techniques, software, sectors, countries, from, to, indicators (values or patterns).
     */
    void attribute(Context ctx) {
        JsonNode body = HttpJson.body(ctx);
        int top = body.path("top").asInt(10);
        org.sightline.stix.markings.Tlp clearance = Access.token(ctx).clearanceLevel();
        var service = attribution.computeIfAbsent(clearance, level -> new org.sightline.intel.intrusion.AttributionService(seen(ctx)));
        if (body.hasNonNull("intrusion")) {
            HttpJson.write(ctx, service.attribute(body.path("intrusion").asText(), top));
            return;
        }
        List<String> indicators = new java.util.ArrayList<>();
        body.path("indicators").forEach(i -> indicators.addAll(org.sightline.intel.intrusion.IndicatorValues.of(i.asText())));
        HttpJson.write(ctx, service.attribute(new org.sightline.intel.intrusion.Intrusion(null, "the intrusion described",
                texts(body, "techniques"), texts(body, "software"), texts(body, "sectors"), texts(body, "countries"),
                date(body, "from"), date(body, "to"), indicators, List.of()), top));
    }

    private static List<String> texts(JsonNode body, String field) {
        List<String> values = new java.util.ArrayList<>();
        body.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    private static java.time.LocalDate date(JsonNode body, String field) {
        String value = body.path(field).asText("");
        if (value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("'" + field + "' must be a date such as 2016-05-01, got '" + value + "'");
        }
    }

    private static String required(Context ctx, String parameter) {
        String value = ctx.queryParam(parameter);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("query parameter '" + parameter + "' is required");
        }
        return value;
    }

    private static int limit(String value) {
        if (value == null) {
            return 20;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidInputException("'limit' must be between 1 and " + MAX_LIMIT + ", got " + value);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("'limit' must be a whole number, got '" + value + "'");
        }
    }

}
