package org.sightline.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.sightline.error.InvalidInputException;
import org.sightline.server.ServerOptions;
import picocli.CommandLine.Option;

/**
 * Where a command that starts the server listens: loopback by default. Listening on anything else
 * takes TLS (a keystore) or an explicit --insecure, for a server behind a TLS-terminating proxy:
 * otherwise tokens and intelligence would cross the network in clear text.
 */
public final class ListenOptions {
    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default 8080).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default 127.0.0.1).")
    String bind;

    @Option(names = "--insecure", description = "Allow a --bind address other than loopback without TLS (behind a TLS proxy, say).")
    boolean insecure;

    @Option(names = "--tls-keystore", paramLabel = "FILE.p12",
            description = "Serve HTTPS with the certificate and key in this PKCS#12 keystore; its password comes from "
                    + "SIGHTLINE_TLS_PASSWORD or --tls-password-file.")
    java.nio.file.Path tlsKeystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "A file whose first line is the keystore password.")
    java.nio.file.Path tlsPasswordFile;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The URL clients reach this server at (behind a proxy, or on a non-loopback address), e.g. "
                    + "https://cti.example.org; TAXII discovery names its API root under it (default: the scheme, --bind and --port).")
    String publicUrl;

    public ServerOptions serverOptions() {
        ServerOptions.Tls tls = tls();
        if (tls == null && !insecure && !isLoopback(bind)) {
            throw new InvalidInputException("--bind " + bind + " would serve tokens and intelligence unencrypted beyond this machine; "
                    + "give --tls-keystore, or serve on loopback behind a TLS-terminating proxy, or add --insecure if you accept that");
        }
        if (publicUrl != null && !publicUrl.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+(/[A-Za-z0-9._~/-]*)?")) {
            throw new InvalidInputException("--public-url must be an http(s) URL such as https://cti.example.org, got '" + publicUrl + "'");
        }
        return new ServerOptions(bind, port, tls, publicUrl);
    }

    private ServerOptions.Tls tls() {
        if (tlsKeystore == null) {
            if (tlsPasswordFile != null) {
                throw new InvalidInputException("--tls-password-file needs --tls-keystore");
            }
            return null;
        }
        String password = System.getenv("SIGHTLINE_TLS_PASSWORD");
        if (tlsPasswordFile != null) {
            try {
                password = java.nio.file.Files.readAllLines(tlsPasswordFile).stream().findFirst().orElse("");
            } catch (java.io.IOException e) {
                throw new InvalidInputException("cannot read --tls-password-file " + tlsPasswordFile + ": " + e.getMessage());
            }
        }
        if (password == null) {
            throw new InvalidInputException("--tls-keystore needs its password in SIGHTLINE_TLS_PASSWORD or --tls-password-file");
        }
        return new ServerOptions.Tls(tlsKeystore, password);
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--bind " + address + " is not an address of this machine");
        }
    }
}
