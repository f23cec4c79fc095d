package dev.strongroom.desktop.app;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.FileKdfPinStore;
import dev.strongroom.client.account.OfflineAccounts;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.desktop.local.LocalVaultServer;
import java.nio.file.Path;

/**
 * The server the app logs in to: its endpoint, a stable id for local state (KDF pins, cache file)
 * and a sentence for the user saying where the vault is. Owns the embedded server in local mode.
 */
public final class Connection implements AutoCloseable {

    /** The stable id of the local vault, whatever port its server got this time. */
    static final String LOCAL_ID = "strongroom-local-vault";

    private final ServerEndpoint endpoint;
    private final String stableId;
    private final String description;
    private final LocalVaultServer localServer;

    private Connection(
            ServerEndpoint endpoint,
            String stableId,
            String description,
            LocalVaultServer localServer) {
        this.endpoint = endpoint;
        this.stableId = stableId;
        this.description = description;
        this.localServer = localServer;
    }

    public static Connection local(LocalVaultServer server) {
        return new Connection(
                server.endpoint(),
                LOCAL_ID,
                "Local vault on this computer. Encrypted data is stored in " + server.dataDir(),
                server);
    }

    public static Connection remote(ServerProfile profile) {
        ServerEndpoint e = profile.endpoint();
        String pin = e.pin().map(p -> "\nTLS certificate pinned: " + p).orElse("");
        return new Connection(e, e.id(), "Server " + e.baseUrl() + pin, null);
    }

    public ServerEndpoint endpoint() {
        return endpoint;
    }

    /** The id KDF pins and the cache profile are filed under. */
    public String stableId() {
        return stableId;
    }

    public String description() {
        return description;
    }

    public boolean isLocal() {
        return localServer != null;
    }

    /**
     * The account flows, with KDF pins kept in the app's home under the stable id and offline
     * unlock records in {@code home/offline} (used only for a remote server: the local one runs in
     * this process).
     */
    public AccountService accounts(Path home) {
        return new AccountService(
                new StablePinStore(new FileKdfPinStore(home), endpoint.id(), stableId),
                new OfflineAccounts(home.resolve("offline")));
    }

    @Override
    public void close() {
        if (localServer != null) {
            localServer.close();
        }
    }
}
