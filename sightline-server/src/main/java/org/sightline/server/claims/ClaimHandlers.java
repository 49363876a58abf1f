package org.sightline.server.claims;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.error.InvalidInputException;
import org.sightline.intel.attribution.Credibility;
import org.sightline.intel.attribution.Evidence;
import org.sightline.intel.attribution.Reliability;
import org.sightline.intel.claims.ClaimAssessor;
import org.sightline.intel.claims.ClaimBook;
import org.sightline.intel.claims.ClaimStatus;
import org.sightline.intel.claims.ClaimTopics;
import org.sightline.intel.claims.NamedObjects;
import org.sightline.intel.claims.SourceRecords;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.server.http.Params;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.StixStore;

/** /api/v1/claims, /api/v1/evidence and /api/v1/sources: the same services as `sightline claims`, `assess`, `source`. */
public final class ClaimHandlers {
    private final StixStore store;

    public ClaimHandlers(StixStore store) {
        this.store = store;
    }

    public void list(Context ctx) {
        String about = ctx.queryParam("about");
        String status = ctx.queryParam("status");
        List<String> ends = about == null || about.isBlank() ? null : ClaimTopics.idsAbout(seen(ctx), about, "about");
        Instant at = Params.asOfIfGiven(ctx);
        List<Map<String, Object>> rows = new ArrayList<>();
        new ClaimBook(seen(ctx)).claims(ends, status == null ? null : ClaimStatus.parse(status))
                .forEach(claim -> rows.add(ClaimTopics.row(claim, at)));
        HttpJson.write(ctx, Map.of("claims", rows));
    }

    public void add(Context ctx) {
        JsonNode body = HttpJson.writeBody(ctx);
        String source = NamedObjects.resolve(seen(ctx), HttpJson.requiredText(body, "source"), "source");
        String target = NamedObjects.resolve(seen(ctx), HttpJson.requiredText(body, "target"), "target");
        double prior = body.path("prior").isNumber() ? body.path("prior").asDouble() : 0.5;
        HttpJson.created(ctx, ClaimTopics.row(new ClaimBook(seen(ctx), HttpJson.marking(body)).addClaim(source, HttpJson.requiredText(body, "type"),
                target, prior, null)));
    }

    public void assessment(Context ctx) {
        HttpJson.write(ctx, new ClaimAssessor(seen(ctx)).assess(ctx.pathParam("id"), Params.asOf(ctx)));
    }

    public void history(Context ctx) {
        String id = ctx.pathParam("id");
        HttpJson.write(ctx, Map.of("claim", id, "history", new ClaimAssessor(seen(ctx)).history(id, Params.asOf(ctx))));
    }

    /** The claim's evidence items, oldest first, each with the reliability its source had earned on the date. */
    public void evidence(Context ctx) {
        StixStore store = seen(ctx);
        ClaimBook book = new ClaimBook(store);
        String claim = ctx.pathParam("id");
        book.claim(claim); // a 404 for an unknown claim
        Instant at = Params.asOf(ctx);
        SourceRecords records = new SourceRecords(store, book);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (org.sightline.intel.claims.EvidenceItem item : book.evidenceFor(claim)) {
            if (item.knownFrom().isAfter(at)) {
                continue;
            }
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("item", item);
            row.put("known_from", StixTimestamp.format(item.knownFrom()));
            org.sightline.intel.attribution.Reliability weighed = records.reliabilityOf(item, at, claim);
            var grade = new org.sightline.intel.attribution.AdmiraltyGrade(item.reliability(), item.credibility(), weighed);
            row.put("grade", grade.asGraded());
            row.put("weighed_grade", grade.asWeighed());
            row.put("grade_label", grade.label());
            row.put("source_reliability", weighed.name());
            rows.add(row);
        }
        HttpJson.write(ctx, Map.of("claim", claim, "as_of", StixTimestamp.format(at), "evidence", rows));
    }

    /**
     * GET /api/v1/artifacts/{sha256}: an archived artifact, to a token that may see an evidence item
     * citing it; re-hashed on the way out, so an altered file is refused rather than served.
     */
    public void artifact(Context ctx, org.sightline.store.vault.EvidenceVault vault) {
        String sha256 = ctx.pathParam("sha256").toLowerCase(Locale.ROOT);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("an artifact is named by its SHA-256: 64 hexadecimal digits");
        }
        ClaimBook book = new ClaimBook(seen(ctx));
        var entry = vault.entries().stream().filter(e -> e.sha256().equals(sha256))
                .filter(e -> e.claim() != null && book.evidenceFor(e.claim()).stream().anyMatch(i -> sha256.equals(i.artifactSha256())))
                .findFirst()
                .orElseThrow(() -> new org.sightline.error.NotFoundException("no archived artifact " + sha256 + " that this token may see"));
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(vault.artifact(sha256));
            String actual = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equals(sha256)) {
                throw new org.sightline.error.ConflictException("artifact " + sha256 + " has been altered in the vault; run sightline evidence verify");
            }
        } catch (java.io.IOException e) {
            throw new org.sightline.error.NotFoundException("artifact " + sha256 + " is missing from the vault; run sightline evidence verify");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        String name = entry.name() == null ? sha256 : entry.name().replaceAll("[^A-Za-z0-9._ -]", "_");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.header("X-Content-SHA256", sha256);
        ctx.contentType("application/octet-stream").result(bytes);
    }

    public void addEvidence(Context ctx) {
        JsonNode body = HttpJson.writeBody(ctx);
        List<String> claims = new ArrayList<>();
        body.path("claims").forEach(claim -> claims.add(claim.asText()));
        String stance = HttpJson.text(body, "stance");
        Reliability reliability = Reliability.parse(HttpJson.requiredText(body, "reliability"), "'reliability'");
        Credibility credibility = Credibility.parse(body.path("credibility").asInt(0), "'credibility'");
        ClaimBook.NewEvidence evidence = new ClaimBook.NewEvidence(HttpJson.text(body, "title"), claims,
                stance == null ? Evidence.Stance.SUPPORTS : Evidence.Stance.parse(stance, "'stance'"),
                HttpJson.requiredText(body, "kind"), NamedObjects.resolve(seen(ctx), HttpJson.requiredText(body, "source"), "source"),
                reliability, credibility, HttpJson.requiredText(body, "origin"),
                Params.timestamp(body, "observed"), Params.timestamp(body, "published"), Params.timestamp(body, "collected"), HttpJson.text(body, "excerpt"),
                HttpJson.text(body, "url"), HttpJson.text(body, "artifact_sha256"), HttpJson.text(body, "recorded_by"));
        HttpJson.created(ctx, new ClaimBook(seen(ctx), HttpJson.marking(body)).addEvidence(evidence));
    }


    public void source(Context ctx) {
        HttpJson.write(ctx, new SourceRecords(seen(ctx), new ClaimBook(seen(ctx))).of(ctx.pathParam("id"), Params.asOf(ctx)));
    }


    /** The store as this request's token may see it (its TLP clearance). */
    private StixStore seen(Context ctx) {
        return Access.seenBy(ctx, store);
    }
}
