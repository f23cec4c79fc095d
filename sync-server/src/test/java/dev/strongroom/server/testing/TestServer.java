package dev.strongroom.server.testing;

import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.db.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** A real server on a free loopback port over a fresh database of one backend. */
public final class TestServer implements AutoCloseable {

    private final StrongroomServer server;
    private final Api api;

    private TestServer(StrongroomServer server) {
        this.server = server;
        this.api = new Api("http://127.0.0.1:" + server.port());
    }

    public static TestServer start(Backend backend, Path dataDir) {
        return start(backend, dataDir, UnaryOperator.identity());
    }

    public static TestServer start(
            Backend backend, Path dataDir, UnaryOperator<ServerConfig> customize) {
        return new TestServer(
                StrongroomServer.start(customize.apply(backend.freshConfig(dataDir))));
    }

    public Api api() {
        return api;
    }

    public Database db() {
        return server.database();
    }

    public StrongroomServer server() {
        return server;
    }

    public List<String> snapshot() {
        return DbSnapshot.of(server.database());
    }

    @Override
    public void close() {
        server.close();
    }
}
