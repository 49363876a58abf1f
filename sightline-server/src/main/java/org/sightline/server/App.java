package org.sightline.server;

import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sightline.error.SightlineException;
import org.sightline.server.actors.ActorHandlers;
import org.sightline.server.attribution.AttributionHandlers;
import org.sightline.server.auth.Access;
import org.sightline.server.auth.SessionHandlers;
import org.sightline.server.auth.SignInLinks;
import org.sightline.server.auth.WebSessions;
import org.sightline.server.claims.AchHandlers;
import org.sightline.server.claims.ClaimHandlers;
import org.sightline.server.detection.HuntHandlers;
import org.sightline.server.detection.IndicatorHandlers;
import org.sightline.server.detection.PatternHandlers;
import org.sightline.server.detection.SensorExportHandlers;
import org.sightline.server.detection.SightingHandlers;
import org.sightline.server.exposure.ExposureHandlers;
import org.sightline.server.http.ErrorResponses;
import org.sightline.server.http.HttpJson;
import org.sightline.server.http.HttpsConnector;
import org.sightline.server.http.OversizedBodies;
import org.sightline.server.http.SecurityHeaders;
import org.sightline.server.knowledge.ImportHandlers;
import org.sightline.server.knowledge.KnowledgeHandlers;
import org.sightline.server.knowledge.ObjectHandlers;
import org.sightline.server.screening.ScreeningHandlers;
import org.sightline.server.taxii.TaxiiException;
import org.sightline.server.taxii.TaxiiHandlers;
import org.sightline.server.taxii.TaxiiMedia;
import org.sightline.store.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server: wires the services to their routes, maps errors to JSON, and keeps the
 * full-text index caught up with writes made by other processes (an import in another terminal).
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final long INDEX_SYNC_SECONDS = 2;
    /** The largest request body accepted; larger ones get a JSON 413 that says the limit. */
    public static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    private final KnowledgeBase knowledge;
    private final KnowledgeHandlers knowledgeReads;
    private final ActorHandlers actors;
    private final PatternHandlers patterns;
    private final AttributionHandlers attribution;
    private final IndicatorHandlers indicators;
    private final SightingHandlers sightings;
    private final ExposureHandlers exposure;
    private final ClaimHandlers claims;
    private final AchHandlers ach;
    private final ObjectHandlers objects;
    private final ImportHandlers imports;
    private final ScreeningHandlers screening;
    private final SensorExportHandlers sensorExports;
    private final HuntHandlers hunts;
    private final org.sightline.store.vault.EvidenceVault vault;
    private final Access access;
    private final TaxiiHandlers taxii;
    private final SignInLinks signInLinks;
    private final SessionHandlers sessions;
    private Javalin javalin;
    private ScheduledExecutorService indexSync;

    public App(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
        // Actors that come in by any way (upload, TAXII POST, pull) are linked as an import links them.
        org.sightline.intel.actors.ActorLinker.linkOnWrite(knowledge.intake());
        this.knowledgeReads = new KnowledgeHandlers(knowledge);
        this.actors = new ActorHandlers(knowledge.store());
        this.patterns = new PatternHandlers(knowledge.store());
        this.attribution = new AttributionHandlers(knowledge.store());
        this.indicators = new IndicatorHandlers(knowledge.store(), knowledge.location().dataDir());
        this.sightings = new SightingHandlers(knowledge.store());
        this.exposure = new ExposureHandlers(knowledge.store());
        this.claims = new ClaimHandlers(knowledge.store());
        this.ach = new AchHandlers(knowledge.store());
        this.objects = new ObjectHandlers(knowledge.store());
        this.imports = new ImportHandlers(knowledge);
        this.screening = new ScreeningHandlers(knowledge.store());
        this.sensorExports = new SensorExportHandlers(knowledge.store(), knowledge.location().dataDir());
        this.hunts = new HuntHandlers(knowledge);
        this.vault = knowledge.vault();
        WebSessions webSessions = new WebSessions(knowledge.tokens());
        this.access = new Access(knowledge.tokens(), knowledge.audit(), webSessions);
        this.sessions = new SessionHandlers(webSessions);
        this.taxii = new TaxiiHandlers(knowledge.intake(), knowledge.collections(), MAX_REQUEST_BYTES);
        this.signInLinks = new SignInLinks(knowledge.tokens());
    }

    /** The one-time links that sign a browser in (the demo prints one). */
    public SignInLinks signInLinks() {
        return signInLinks;
    }

    /** One route of the API: method, path, handler and the role it needs. */
    record Route(String method, String path, io.javalin.http.Handler handler, Access.Needs needs) {
    }

    /** Every route, in one table: the server registers these, and the OpenAPI document must describe each. */
    List<Route> routes() {
        return List.of(
                new Route("GET", "/health", knowledgeReads::health, Access.Needs.OPEN),
                new Route("POST", "/api/v1/signin", this::signIn, Access.Needs.OPEN),
                new Route("POST", "/api/v1/session", sessions::start, Access.Needs.READ),
                new Route("GET", "/api/v1/session", sessions::show, Access.Needs.OPEN),
                new Route("DELETE", "/api/v1/session", sessions::end, Access.Needs.READ),
                new Route("GET", "/api/v1/stats", knowledgeReads::stats, Access.Needs.READ),
                new Route("GET", "/api/v1/objects/{id}", knowledgeReads::object, Access.Needs.READ),
                new Route("POST", "/api/v1/objects", objects::create, Access.Needs.WRITE),
                new Route("GET", "/api/v1/objects/{id}/versions", knowledgeReads::versions, Access.Needs.READ),
                new Route("GET", "/api/v1/objects/{id}/links", knowledgeReads::links, Access.Needs.READ),
                new Route("POST", "/api/v1/objects/{id}/versions", objects::update, Access.Needs.WRITE),
                new Route("POST", "/api/v1/objects/{id}/revoke", objects::revoke, Access.Needs.WRITE),
                new Route("GET", "/api/v1/search", knowledgeReads::search, Access.Needs.READ),
                new Route("GET", "/api/v1/actors", actors::actors, Access.Needs.READ),
                new Route("GET", "/api/v1/actors/{id}", actors::actorProfile, Access.Needs.READ),
                new Route("GET", "/api/v1/actors/{id}/timeline", actors::actorTimeline, Access.Needs.READ),
                new Route("GET", "/api/v1/actors/{id}/dossier", actors::actorDossier, Access.Needs.READ),
                new Route("POST", "/api/v1/patterns/validate", patterns::validatePattern, Access.Needs.READ),
                new Route("POST", "/api/v1/patterns/match", patterns::matchPattern, Access.Needs.READ),
                new Route("POST", "/api/v1/similar", attribution::similar, Access.Needs.READ),
                new Route("POST", "/api/v1/attribute", attribution::attribute, Access.Needs.READ),
                new Route("GET", "/api/v1/claims", claims::list, Access.Needs.READ),
                new Route("POST", "/api/v1/claims", claims::add, Access.Needs.WRITE),
                new Route("GET", "/api/v1/claims/{id}/assessment", claims::assessment, Access.Needs.READ),
                new Route("GET", "/api/v1/claims/{id}/history", claims::history, Access.Needs.READ),
                new Route("GET", "/api/v1/claims/{id}/evidence", claims::evidence, Access.Needs.READ),
                new Route("GET", "/api/v1/graph/{id}", knowledgeReads::graph, Access.Needs.READ),
                new Route("POST", "/api/v1/import", imports::upload, Access.Needs.WRITE),
                new Route("POST", "/api/v1/screen", screening::screen, Access.Needs.READ),
                new Route("GET", "/api/v1/sensor-exports/{format}", sensorExports::export, Access.Needs.READ),
                new Route("GET", "/api/v1/indicators", indicators::indicators, Access.Needs.READ),
                new Route("GET", "/api/v1/indicators/{id}", indicators::indicatorHistory, Access.Needs.READ),
                new Route("GET", "/api/v1/sightings", sightings::sightings, Access.Needs.READ),
                new Route("POST", "/api/v1/sightings/{id}/false-positive", sightings::markFalsePositive, Access.Needs.WRITE),
                new Route("GET", "/api/v1/hunts", hunts::logs, Access.Needs.READ),
                new Route("POST", "/api/v1/hunts", hunts::hunt, Access.Needs.WRITE),
                new Route("GET", "/api/v1/artifacts/{sha256}", ctx -> claims.artifact(ctx, vault), Access.Needs.READ),
                new Route("POST", "/api/v1/evidence", claims::addEvidence, Access.Needs.WRITE),
                new Route("GET", "/api/v1/sources/{id}", claims::source, Access.Needs.READ),
                new Route("GET", "/api/v1/exposure", exposure::exposure, Access.Needs.READ),
                new Route("GET", "/api/v1/ach", ach::list, Access.Needs.READ),
                new Route("POST", "/api/v1/ach", ach::create, Access.Needs.WRITE),
                new Route("GET", "/api/v1/ach/{id}", ach::show, Access.Needs.READ),
                new Route("POST", "/api/v1/ach/{id}/ratings", ach::rate, Access.Needs.WRITE));
    }

    /**
     * The TAXII 2.1 routes. Each needs only a reader token: what a token may do in a collection is
     * the collection's own can_read and can_write for it.
     */
    List<Route> taxiiRoutes() {
        String collection = TaxiiHandlers.API_ROOT + "collections/{collectionId}/";
        return List.of(
                new Route("GET", TaxiiHandlers.DISCOVERY, taxii::discovery, Access.Needs.READ),
                new Route("GET", TaxiiHandlers.API_ROOT, taxii::apiRoot, Access.Needs.READ),
                new Route("GET", TaxiiHandlers.API_ROOT + "status/{statusId}/", taxii::status, Access.Needs.READ),
                new Route("GET", TaxiiHandlers.API_ROOT + "collections/", taxii::collections, Access.Needs.READ),
                new Route("GET", collection, taxii::collection, Access.Needs.READ),
                new Route("GET", collection + "manifest/", taxii::manifest, Access.Needs.READ),
                new Route("GET", collection + "objects/", taxii::objects, Access.Needs.READ),
                new Route("POST", collection + "objects/", taxii::addObjects, Access.Needs.READ),
                new Route("GET", collection + "objects/{objectId}/", taxii::object, Access.Needs.READ),
                new Route("DELETE", collection + "objects/{objectId}/", taxii::deleteObject, Access.Needs.READ),
                new Route("GET", collection + "objects/{objectId}/versions/", taxii::versions, Access.Needs.READ));
    }

    /**
     * At most six threads per core answer requests (twelve on two cores), the rest wait in arrival order.
     * A request's work is mostly CPU (a cached TAXII page written out, an embedded H2 query), so Jetty's
     * default of 200 threads only has them take turns on the cores, and every answer waits for all of
     * them: with 50 TAXII clients on 2 cores the p99 was 83-106 ms with 200 threads, 41-49 ms with 12, the
     * p50 13-16 ms against 17 ms (bench taxii, docs/benchmarks.md). The pool includes Jetty's acceptor and
     * selector threads.
     */
    static org.eclipse.jetty.util.thread.QueuedThreadPool requestThreads() {
        int threads = Math.max(12, 6 * Runtime.getRuntime().availableProcessors());
        org.eclipse.jetty.util.thread.QueuedThreadPool pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(threads, 8);
        pool.setName("sightline-http");
        return pool;
    }

    public App start(ServerOptions options) {
        javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.threadPool = requestThreads();
            config.staticFiles.enableWebjars(); // Swagger UI and ECharts, from their jars: no network needed
            config.staticFiles.add(files -> {
                // The web interface's own files hold no intelligence: every page reads /api/v1 with the user's token.
                files.hostedPath = "/ui";
                files.directory = "/org/sightline/server/ui";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                files.roles = java.util.Set.of(Access.Needs.OPEN);
            });
            if (options.tls() != null) {
                config.jetty.addConnector((server, http) -> HttpsConnector.of(server, http, options));
            }
            config.routes.before(SecurityHeaders::add);
            config.routes.beforeMatched(access::check);
            config.routes.afterMatched(access::record);
            for (Route route : concat(routes(), taxiiRoutes())) {
                switch (route.method()) {
                    case "GET" -> config.routes.get(route.path(), route.handler(), route.needs());
                    case "POST" -> config.routes.post(route.path(), route.handler(), route.needs());
                    case "DELETE" -> config.routes.delete(route.path(), route.handler(), route.needs());
                    default -> throw new IllegalStateException("no such method in the route table: " + route.method());
                }
            }
            config.routes.get("/api/openapi.json", OpenApi::document, Access.Needs.OPEN);
            config.routes.get("/api/docs", OpenApi::page, Access.Needs.OPEN);
            config.routes.get("/", ctx -> ctx.redirect("/ui/"), Access.Needs.OPEN);
            config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 413) {
                    OversizedBodies.discard(ctx);
                    error(ctx, 413, "too_large", "the request body is over the limit of "
                            + MAX_REQUEST_BYTES / (1024 * 1024) + " MB (" + MAX_REQUEST_BYTES + " bytes); send less at a time");
                } else if (e.getStatus() == 404) {
                    noRoute(ctx);
                } else {
                    error(ctx, e.getStatus(), "http_" + e.getStatus(), e.getMessage());
                }
            });
            config.routes.exception(Access.Unauthorized.class, (e, ctx) -> error(ctx, 401, "unauthorized", e.getMessage()));
            config.routes.exception(Access.CredentialInUrl.class, (e, ctx) -> error(ctx, 400, "credential_in_url", e.getMessage()));
            config.routes.exception(Access.Forbidden.class, (e, ctx) -> error(ctx, 403, "forbidden", e.getMessage()));
            config.routes.exception(Access.TooManyRequests.class, (e, ctx) -> error(ctx, 429, "too_many_requests", e.getMessage()));
            config.routes.exception(TaxiiException.class, (e, ctx) -> {
                if (e.status() == 413) {
                    OversizedBodies.discard(ctx);
                }
                TaxiiMedia.sendError(ctx, e.status(), e.title(), e.getMessage());
            });
            config.routes.exception(SightlineException.class, (e, ctx) -> {
                if (e instanceof org.sightline.error.InvalidInputException invalid && !invalid.details().isEmpty()
                        && !ctx.path().startsWith("/taxii2")) {
                    // every line-numbered problem of a file, as the command line lists them
                    ErrorResponses.send(ctx, 400, ErrorResponses.body(e.code(), e.getMessage(), invalid.details()));
                } else {
                    error(ctx, ErrorResponses.status(e), e.code(), e.getMessage());
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal_error", "the server failed on this request; see its log");
            });
            config.routes.error(404, "*", ctx -> {
                // Our own 404s are JSON already; only Javalin's "no such route" page needs replacing.
                String type = ctx.res().getContentType();
                if (type == null || !(type.startsWith("application/json") || type.startsWith("application/taxii+json"))) {
                    noRoute(ctx);
                }
            });
        }).start(options.bind(), options.port());
        taxii.useBaseUrl(options.baseUrl(javalin.port()));
        indexSync = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sightline-index-sync");
            thread.setDaemon(true);
            return thread;
        });
        indexSync.scheduleWithFixedDelay(this::syncIndex, 0, INDEX_SYNC_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    /** Trades a one-time sign-in code for a new admin token; the code, not a token, is what the printed link held. */
    private void signIn(io.javalin.http.Context ctx) {
        String code = HttpJson.requiredText(HttpJson.writeBody(ctx), "code");
        String secret = signInLinks.redeem(code).orElseThrow(() -> new Access.Unauthorized(
                "this sign-in link is unknown, already used or expired; run 'sightline demo' again for a new one, "
                        + "or sign in with a token from 'sightline token create'"));
        org.sightline.store.tokens.ApiToken token = knowledge.tokens().authenticate(secret).orElseThrow();
        knowledge.audit().record(token.id(), token.role().label(), "POST", "/api/v1/signin", 200, ctx.ip());
        HttpJson.write(ctx, java.util.Map.of("token", secret, "role", token.role().label(), "clearance", token.clearance()));
    }

    /** An error in the form the path's clients read: a TAXII error message under /taxii2, else {"error":{…}}. */
    private static void error(io.javalin.http.Context ctx, int status, String code, String message) {
        if (ctx.path().startsWith("/taxii2")) {
            TaxiiMedia.sendError(ctx, status, code.replace('_', ' '), message);
        } else {
            ErrorResponses.send(ctx, status, code, message);
        }
    }

    /** A path no route serves: under /taxii2 a TAXII error message naming the API root there is. */
    private static void noRoute(io.javalin.http.Context ctx) {
        error(ctx, 404, "not_found", ctx.path().startsWith("/taxii2")
                ? "no TAXII resource at " + ctx.path() + "; this server's one API root is " + TaxiiHandlers.API_ROOT
                : "no route " + ctx.method() + " " + ctx.path());
    }

    private static List<Route> concat(List<Route> first, List<Route> second) {
        List<Route> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private void syncIndex() {
        try {
            knowledge.index().sync(knowledge.store());
        } catch (RuntimeException e) {
            LOG.warn("full-text index sync failed: {}", e.getMessage());
        }
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        if (indexSync != null) {
            // Let a running sync finish rather than interrupt it: an interrupt in the middle of H2's file
            // I/O closes the store's file channel under the other threads.
            indexSync.shutdown();
            try {
                indexSync.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (javalin != null) {
            javalin.stop();
        }
        taxii.close();
    }
}
