package org.sightline.server.http;

import java.nio.file.Files;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.sightline.error.InvalidInputException;
import org.sightline.server.ServerOptions;

/**
 * The server's one listener when it speaks HTTPS itself: TLS 1.2 and 1.3 only, with the JDK's
 * default cipher suites, from a PKCS#12 keystore. Javalin then adds no plain-HTTP listener.
 */
public final class HttpsConnector {
    private HttpsConnector() {
    }

    public static ServerConnector of(Server server, HttpConfiguration http, ServerOptions options) {
        ServerOptions.Tls tls = options.tls();
        if (!Files.isReadable(tls.keystore())) {
            throw new InvalidInputException("--tls-keystore " + tls.keystore() + " is not a readable file");
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(tls.password());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        // Clients reach a server by many names (an address, a proxy's name): the certificate is the
        // client's to check, so the server does not refuse a request whose SNI name differs.
        http.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost(options.bind());
        connector.setPort(options.port());
        return connector;
    }
}
