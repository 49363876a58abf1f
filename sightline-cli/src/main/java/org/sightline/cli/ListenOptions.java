package org.sightline.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.sightline.error.InvalidInputException;
import org.sightline.server.ServerOptions;
import picocli.CommandLine.Option;

/**
 * Where a command that starts the server listens: loopback by default. Listening on anything else
 * sends tokens and intelligence over the network in clear text, so it takes an explicit --insecure
 * until the server speaks TLS (put a TLS-terminating proxy in front instead).
 */
public final class ListenOptions {
    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default 8080).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default 127.0.0.1).")
    String bind;

    @Option(names = "--insecure", description = "Allow a --bind address other than loopback without TLS (behind a TLS proxy, say).")
    boolean insecure;

    public ServerOptions serverOptions() {
        if (!insecure && !isLoopback(bind)) {
            throw new InvalidInputException("--bind " + bind + " would serve tokens and intelligence unencrypted beyond this machine; "
                    + "serve on loopback behind a TLS-terminating proxy, or add --insecure if you accept that");
        }
        return new ServerOptions(bind, port);
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--bind " + address + " is not an address of this machine");
        }
    }
}
