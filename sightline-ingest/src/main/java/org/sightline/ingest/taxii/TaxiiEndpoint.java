package org.sightline.ingest.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.sightline.error.InvalidInputException;

/**
 * A collection on a TAXII 2.1 server, found from the URL a user gives: a discovery URL (its default
 * API root is used) or an API root itself.
 */
public record TaxiiEndpoint(URI apiRoot, String collection, long maxContentLength) {

    public static TaxiiEndpoint locate(TaxiiClient client, String url, String collection) {
        if (collection == null || collection.isBlank() || collection.contains("/")) {
            throw new InvalidInputException("--collection must be a collection id, not '" + collection + "'");
        }
        URI given = withSlash(parse(url));
        JsonNode answer = client.get(given).body();
        URI root = given;
        if (answer.has("api_roots")) {
            String chosen = answer.path("default").asText(answer.path("api_roots").path(0).asText(""));
            if (chosen.isEmpty()) {
                throw new InvalidInputException(url + " is a TAXII discovery endpoint without any API root");
            }
            root = withSlash(given.resolve(chosen));
            answer = client.get(root).body();
        }
        if (!answer.has("versions")) {
            throw new InvalidInputException(url + " is neither a TAXII 2.1 discovery endpoint nor an API root");
        }
        return new TaxiiEndpoint(root, collection, answer.path("max_content_length").asLong(10L * 1024 * 1024));
    }

    public URI objects() {
        return apiRoot.resolve("collections/" + collection + "/objects/");
    }

    public URI status(String id) {
        return apiRoot.resolve("status/" + id + "/");
    }

    /** The name under which a pull remembers how far it got. */
    public String feedName() {
        return "taxii " + apiRoot + "collections/" + collection + "/";
    }

    private static URI parse(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not http or https");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("'" + url + "' is not an http(s) URL of a TAXII server");
        }
    }

    private static URI withSlash(URI uri) {
        return uri.getPath() != null && uri.getPath().endsWith("/") ? uri : URI.create(uri + "/");
    }
}
