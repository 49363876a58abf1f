package org.sightline.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's OpenAPI 3 description (openapi.json beside this class; a test keeps it in step with
 * every route) and a page that reads it with Swagger UI from its WebJar, so it works offline. Both
 * are open: they describe the API and hold no intelligence, and a browser cannot send a token to
 * load a page.
 */
final class OpenApi {
    private static final String DOCUMENT = read("openapi.json");
    private static final String SWAGGER_UI = "/webjars/swagger-ui/" + SwaggerUi.VERSION;

    private OpenApi() {
    }

    static void document(Context ctx) {
        ctx.contentType("application/json").result(DOCUMENT);
    }

    static void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Sightline API</title>
                <link rel="stylesheet" href="%1$s/swagger-ui.css"></head>
                <body><div id="api"></div>
                <script src="%1$s/swagger-ui-bundle.js"></script>
                <script>SwaggerUIBundle({url: "/api/openapi.json", dom_id: "#api"});</script>
                </body></html>
                """.formatted(SWAGGER_UI));
    }

    private static String read(String name) {
        try (InputStream in = OpenApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the Sightline jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Swagger UI WebJar's version, as its pom.properties in the jar says. */
    static final class SwaggerUi {
        static final String VERSION = version();

        private static String version() {
            try (InputStream in = OpenApi.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
                java.util.Properties properties = new java.util.Properties();
                if (in != null) {
                    properties.load(in);
                }
                return properties.getProperty("version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
