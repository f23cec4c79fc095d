package dev.strongroom.desktop.local;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "A local vault on this computer": the sync server started in this process over a SQLite database
 * in the app's data directory, listening on loopback only, on a free port chosen at each start.
 * Zero configuration. The server still sees only ciphertext; the client checks it exactly as it
 * checks a remote one.
 */
public final class LocalVaultServer implements AutoCloseable {

    private final Path dataDir;
    private final StrongroomServer server;

    private LocalVaultServer(Path dataDir, StrongroomServer server) {
        this.dataDir = dataDir;
        this.server = server;
    }

    /** Starts the embedded server (creates the directory and database on first use). */
    public static LocalVaultServer start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local vault directory", e);
        }
        // defaults(): bound to 127.0.0.1, SQLite in dataDir; port 0 = any free port.
        StrongroomServer server =
                StrongroomServer.start(ServerConfig.defaults(dataDir).withPort(0));
        return new LocalVaultServer(dataDir, server);
    }

    /** The plain-http loopback endpoint (allowed by ServerEndpoint for loopback only). */
    public ServerEndpoint endpoint() {
        return ServerEndpoint.of("http://127.0.0.1:" + server.port(), null);
    }

    /** Where the vault's database lives, shown to the user. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.close();
    }
}
