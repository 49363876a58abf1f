package org.sightline.server.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import org.sightline.error.InvalidInputException;
import org.sightline.pattern.match.MatchResult;
import org.sightline.pattern.match.MatcherException;
import org.sightline.pattern.match.PatternMatching;
import org.sightline.pattern.parse.PatternSyntaxException;
import org.sightline.pattern.validate.PatternReport;
import org.sightline.pattern.validate.PatternValidator;
import org.sightline.server.auth.Access;
import org.sightline.server.http.ErrorResponses;
import org.sightline.server.http.HttpJson;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;

/** POST /api/v1/patterns/validate and /match: the pattern tools, on untrusted patterns within a budget. */
public final class PatternHandlers {
    /** What one request's pattern evaluation may spend: its caller's pattern is untrusted (a regex, REPEATS). */
    static final java.time.Duration PATTERN_TIME = java.time.Duration.ofSeconds(2);
    static final long PATTERN_BINDINGS = 1_000_000;

    private final PatternValidator patterns = new PatternValidator();
    private final StixStore store;

    public PatternHandlers(StixStore store) {
        this.store = store;
    }

    public void validatePattern(Context ctx) {
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

    public void matchPattern(Context ctx) {
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

    /** The store as this request's token may see it (its TLP clearance). */
    private StixStore seen(Context ctx) {
        return Access.seenBy(ctx, store);
    }
}
