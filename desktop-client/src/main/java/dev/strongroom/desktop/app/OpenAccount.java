package dev.strongroom.desktop.app;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.exposure.ExposureFinding;
import dev.strongroom.client.machine.MachineService;
import dev.strongroom.client.recovery.BreakGlass;
import dev.strongroom.client.recovery.RecoveryService;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.ItemConflict;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.mac.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * One unlocked account with its encrypted cache, sync engine and vault service. Built and used on
 * the background worker only (client-core calls are network and crypto work); {@link #close()}
 * wipes the keys. The first login on a server with no vault creates a personal vault, as the CLI's
 * registration does.
 */
public final class OpenAccount implements AutoCloseable {

    static final String DEVICE_NAME = "Strongroom desktop";
    static final String FIRST_VAULT = "Personal";

    private final Connection connection;
    private final AccountService accounts;
    private final UnlockedSession session;
    private final LocalCache cache;
    private final SyncEngine engine;
    private final VaultService vaults;
    private final TeamService teams;
    private MachineService machines;
    private final RecoveryService recovery;
    private final BreakGlass breakGlass;
    private volatile boolean offline;

    private OpenAccount(
            Connection connection,
            AccountService accounts,
            UnlockedSession session,
            LocalCache cache,
            Path teamState) {
        this.connection = connection;
        this.accounts = accounts;
        this.session = session;
        this.cache = cache;
        this.engine = new SyncEngine(session, cache);
        this.vaults = new VaultService(engine);
        this.teams = new TeamService(vaults, engine, teamState);
        // break-glass: request keys live beside the team state, in <team state>/recovery
        this.recovery = new RecoveryService(vaults, engine, teams);
        this.breakGlass = new BreakGlass(recovery, engine, teamState);
    }

    /** Registers an account (one KDF run); does not log in. The caller wipes the password. */
    public static void register(
            AppConfig config, Connection connection, String email, char[] password) {
        KdfParams kdf = config.newAccountKdf();
        connection
                .accounts(config.home())
                .register(ServerApi.connect(connection.endpoint()), email, password, kdf);
    }

    /**
     * Logs in (one KDF run and SRP), opens the account's cache and pulls; creates the first vault
     * when the account has none. The caller wipes the password.
     */
    public static OpenAccount login(
            AppConfig config, Connection connection, String email, char[] password) {
        AccountService accounts = connection.accounts(config.home());
        ServerApi api = ServerApi.connect(connection.endpoint());
        UnlockedSession session;
        try {
            session = accounts.login(api, email, password, DEVICE_NAME);
        } catch (ServerUnreachableException e) {
            // Server down: unlock from this device's offline record if it has one; the app then
            // starts offline and logs in to the server when it next reaches it.
            session =
                    accounts.unlockOffline(api, email, password, DEVICE_NAME).orElseThrow(() -> e);
        }
        LocalCache cache;
        Path cacheFile;
        try (CacheKey key = SyncEngine.cacheKey(session)) {
            String account = session.accountId().toString();
            cacheFile = cacheFile(config.cacheDir(), connection.stableId(), account);
            cache =
                    LocalCache.open(
                            cacheFile, key, new CacheProfile(account, connection.stableId()));
        } catch (RuntimeException e) {
            session.lock();
            throw e;
        }
        // Team state (pins, exposure dismissals) beside the cache: caches/<cache name>.team/
        Path teamState = cacheFile.resolveSibling(cacheFile.getFileName() + ".team");
        OpenAccount open;
        try {
            open = new OpenAccount(connection, accounts, session, cache, teamState);
        } catch (RuntimeException e) {
            cache.close();
            session.lock();
            throw e;
        }
        try {
            open.sync();
            if (!open.offline && open.vaults.listVaults().isEmpty()) {
                open.vaults.createPersonalVault(FIRST_VAULT);
            }
        } catch (RuntimeException e) {
            open.close();
            throw e;
        }
        return open;
    }

    /** One cache file per server and account: {@code caches/<sha256(server)[..8]>-<account>.db}. */
    static Path cacheFile(Path dir, String serverId, String accountId) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cache directory", e);
        }
        byte[] digest = Sha256.hash(serverId.getBytes(StandardCharsets.UTF_8));
        String server = HexFormat.of().formatHex(digest, 0, 8);
        return dir.resolve(server + "-" + accountId + ".db");
    }

    /**
     * Pulls, pushes queued edits and pulls again (as {@code VaultService.sync()}); an unreachable
     * server only marks the account offline (reads and edits keep working from the cache). Security
     * alerts propagate.
     *
     * @return whether anything changed locally (new entries, items, vaults, accepted writes)
     */
    public boolean sync() {
        try {
            SyncEngine.PullReport before = engine.pull();
            SyncEngine.PushReport pushed = engine.push();
            SyncEngine.PullReport after = engine.pull();
            offline = false;
            return brought(before)
                    || brought(after)
                    || pushed.accepted() > 0
                    || pushed.conflicts() > 0;
        } catch (ServerUnreachableException e) {
            offline = true;
            return false;
        }
    }

    private static boolean brought(SyncEngine.PullReport r) {
        return r.logEntries() + r.items() + r.vaults() > 0;
    }

    public boolean isOffline() {
        return offline;
    }

    /** Edits waiting in the outbox for the server. */
    public int queuedChanges() {
        return cache.outbox().size();
    }

    /** Edits the server refused because the item changed meanwhile. */
    public int conflicts() {
        return cache.conflicts().size();
    }

    /** The edits waiting in the outbox, oldest first (ciphertext: ids and times only). */
    public List<dev.strongroom.client.cache.PendingWrite> outbox() {
        return cache.outbox();
    }

    /** Conflicts with both versions decrypted (the caller closes their contents). */
    public List<ItemConflict> conflictList() {
        return vaults.conflicts();
    }

    /** Break-glass policy side (client-core's {@link RecoveryService}). */
    public RecoveryService recovery() {
        return recovery;
    }

    /** Break-glass request side (client-core's {@link BreakGlass}). */
    public BreakGlass breakGlass() {
        return breakGlass;
    }

    /** This account's id. */
    public String accountId() {
        return session.accountId().toString();
    }

    public VaultService vaults() {
        return vaults;
    }

    /** Teams, members and sharing (client-core's {@link TeamService}). */
    public TeamService teams() {
        return teams;
    }

    /**
     * The open findings of client-core's exposure report: items whose current secret someone who
     * lost access could read.
     */
    public List<ExposureFinding> openExposures() {
        return teams.exposure().findings().stream().filter(ExposureFinding::open).toList();
    }

    // ---- for the teams and audit screens ----

    /** Machine accounts of the teams this account administers (client-core's MachineService). */
    public MachineService machines() {
        if (machines == null) {
            machines = new MachineService(engine, teams);
        }
        return machines;
    }

    /** The unlocked session, for the server calls client-core has no service for (audit). */
    public UnlockedSession session() {
        return session;
    }

    public String email() {
        return session.email();
    }

    public Connection connection() {
        return connection;
    }

    /** Ends the server session (best effort) and wipes every key. */
    public void logoutAndClose() {
        try {
            if (!session.isLocked()) {
                accounts.logout(session);
            }
        } catch (RuntimeException e) {
            // offline or already expired: the local lock below is what matters
        } finally {
            close();
        }
    }

    /** Wipes the vault keys, closes the cache and locks the session. Idempotent. */
    @Override
    public void close() {
        try {
            teams.close();
            engine.close();
        } finally {
            try {
                cache.close();
            } finally {
                session.lock();
            }
        }
    }
}
