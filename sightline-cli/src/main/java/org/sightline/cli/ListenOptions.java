package org.sightline.cli;

import org.sightline.server.ServerOptions;
import picocli.CommandLine.Option;

/** Where a command that starts the server listens: loopback by default. */
public final class ListenOptions {
    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default 8080).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default 127.0.0.1).")
    String bind;

    public ServerOptions serverOptions() {
        return new ServerOptions(bind, port);
    }
}
