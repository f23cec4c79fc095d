package dev.strongroom.client.api;

import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.file.Path;

/** A real sync server in this JVM, on a free loopback port over a fresh SQLite directory. */
public final class TestServers {

    private TestServers() {}

    public static StrongroomServer start(Path dataDir) {
        return StrongroomServer.start(ServerConfig.defaults(dataDir).withPort(0));
    }

    /** The plain-http endpoint of a started server. */
    public static ServerEndpoint endpoint(StrongroomServer server) {
        return ServerEndpoint.of("http://127.0.0.1:" + server.port(), null);
    }
}
