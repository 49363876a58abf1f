package org.sightline.server.knowledge;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.ingest.intake.Import;
import org.sightline.server.auth.Access;
import org.sightline.server.http.HttpJson;
import org.sightline.store.KnowledgeBase;

/**
 * POST /api/v1/import?filename=NAME: an uploaded file imported as `sightline import` (STIX bundles,
 * MISP events and galaxies) or `suppliers import` (CSV, YAML) would, with the same report and the
 * same all-or-nothing rule (or, with ?skip_invalid=true, the valid objects in and the invalid
 * reported, as --skip-invalid). The name says what the file is; the body is the file.
 */
public final class ImportHandlers {
    private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._ -]{1,200}");

    private final KnowledgeBase knowledge;

    public ImportHandlers(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    public void upload(Context ctx) {
        String filename = ctx.queryParam("filename");
        if (filename == null || !SAFE_NAME.matcher(filename).matches() || filename.startsWith(".")) {
            throw new InvalidInputException("give the file's name as ?filename=NAME (letters, digits, . _ - and spaces)");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new InvalidInputException(filename + " is empty");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sightline-upload-");
            Path file = dir.resolve(filename);
            Files.write(file, body);
            Import.Result result;
            try {
                result = new Import(knowledge.intake(), Access.token(ctx).clearanceLevel()).run(List.of(file),
                        skipInvalid(ctx) ? new ImportOptions(true, null) : ImportOptions.strict(), ctx.queryParam("org"), ImportProgress.NONE);
            } catch (InvalidInputException e) {
                // the same line-numbered problems, naming the file as the user named it
                String where = dir.toString() + java.io.File.separator;
                throw new InvalidInputException(e.getMessage().replace(where, ""),
                        e.details().stream().map(detail -> detail.replace(where, "")).toList());
            }
            if (!result.suppliers().isEmpty()) {
                HttpJson.write(ctx, Map.of("kind", "suppliers", "suppliers", result.suppliers().get(0)));
                return;
            }
            ImportReport report = result.objects();
            int links = result.linksCreated();
            // the report names the file as the user named it, not where the server kept it
            String json = org.sightline.stix.json.StixJson.document(Map.of("kind", "objects", "report", report, "links_created", links))
                    .replace(dir.toString() + java.io.File.separator, "");
            ctx.status(report.anyRejected() ? 400 : 200).contentType("application/json").result(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the upload for import: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    /** ?skip_invalid=true, as `import --skip-invalid`: the valid objects of a document go in, the invalid are reported. */
    private static boolean skipInvalid(Context ctx) {
        String value = ctx.queryParam("skip_invalid");
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidInputException("skip_invalid must be true or false, not '" + value + "'");
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is the system's to clean
        }
    }
}
