package org.sightline.cli.taxii;

import org.sightline.error.InvalidInputException;
import org.sightline.ingest.taxii.Credentials;
import org.sightline.ingest.taxii.TaxiiClient;
import org.sightline.ingest.taxii.TaxiiEndpoint;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where and as whom to talk TAXII. Secrets may come from the environment (SIGHTLINE_TAXII_PASSWORD,
 * SIGHTLINE_TAXII_TOKEN) so that they stay out of the shell history and the process list.
 */
public final class TaxiiConnection {
    @Parameters(index = "0", paramLabel = "URL", description = "The server's discovery URL (…/taxii2/) or an API root.")
    String url;

    @Option(names = "--collection", required = true, paramLabel = "ID", description = "The collection id.")
    String collection;

    @Option(names = "--user", paramLabel = "USER", description = "HTTP Basic user name.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "HTTP Basic password (or SIGHTLINE_TAXII_PASSWORD).")
    String password;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token (or SIGHTLINE_TAXII_TOKEN).")
    String token;

    Credentials credentials() {
        String envPassword = System.getenv("SIGHTLINE_TAXII_PASSWORD");
        String envToken = System.getenv("SIGHTLINE_TAXII_TOKEN");
        if (user != null) {
            String secret = password != null ? password : envPassword;
            if (secret == null) {
                throw new InvalidInputException("--user needs --password or SIGHTLINE_TAXII_PASSWORD");
            }
            return Credentials.basic(user, secret);
        }
        if (password != null) {
            throw new InvalidInputException("--password needs --user");
        }
        String bearer = token != null ? token : envToken;
        return bearer == null ? Credentials.none() : Credentials.bearer(bearer);
    }

    TaxiiClient client() {
        return new TaxiiClient(credentials(), TaxiiClient.Backoff.standard());
    }

    TaxiiEndpoint endpoint(TaxiiClient client) {
        return TaxiiEndpoint.locate(client, url, collection);
    }
}
