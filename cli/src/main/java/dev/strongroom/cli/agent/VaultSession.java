package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.client.cache.CacheCorruptException;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.vault.VaultService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The unlocked account's vault state inside the agent: its local cache file, the sync engine over
 * it and the vault service. Opened at login, closed at lock. Every vault command first {@link
 * #refresh()}es (pull, then push the queued writes); when the server cannot be reached the command
 * works from the cache and writes stay queued.
 */
final class VaultSession implements AutoCloseable {

    private final LocalCache cache;
    private final SyncEngine engine;
    private final VaultService vaults;
    private final String notice;
    private boolean offline;

    private VaultSession(LocalCache cache, String notice, UnlockedSession session) {
        this.cache = cache;
        this.engine = new SyncEngine(session, cache);
        this.vaults = new VaultService(engine);
        this.notice = notice;
    }

    /**
     * The cache file of an account on a server: {@code <config>/cache/<server>/<account>.sqlite},
     * where {@code <server>} is a short hash of the server's URL (URLs are not file names).
     */
    static Path cacheFile(Path configDir, ServerProfile profile, String accountId) {
        return configDir
                .resolve("cache")
                .resolve(serverDirName(profile.endpoint().id()))
                .resolve(accountId + ".sqlite");
    }

    private static String serverDirName(String serverId) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(serverId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /**
     * Opens (or creates) the account's cache and syncs it. A corrupt file is moved aside and the
     * cache rebuilt from the server; if the server cannot be reached for that, the login is refused
     * rather than serving an empty vault. Tampered pins and unknown formats are refused as they
     * are.
     */
    static VaultSession open(Path configDir, ServerProfile profile, UnlockedSession session) {
        String accountId = session.accountId().toString();
        Path file = cacheFile(configDir, profile, accountId);
        CacheProfile cacheProfile = new CacheProfile(accountId, profile.endpoint().id());
        LocalCache cache;
        String notice = null;
        try (CacheKey key = SyncEngine.cacheKey(session)) {
            try {
                cache = LocalCache.open(file, key, cacheProfile);
            } catch (CacheCorruptException e) {
                cache = LocalCache.rebuild(file, key, cacheProfile);
                notice =
                        "the local cache "
                                + file.getFileName()
                                + " was corrupt: moved aside and rebuilt from the server";
            }
        }
        VaultSession vs = new VaultSession(cache, notice, session);
        try {
            vs.refresh();
            if (notice != null && vs.offline) {
                throw new CliException(
                        ExitCode.ERROR,
                        "the local cache was corrupt (moved aside) and the server cannot be"
                                + " reached to rebuild it: try again online");
            }
            if (!vs.offline && vs.vaults.listVaults().isEmpty() && vs.engine.teams().isEmpty()) {
                // A new account: its personal vault, a team of one, is made on first login.
                vs.vaults.createPersonalVault("Personal");
            }
            return vs;
        } catch (RuntimeException e) {
            vs.close();
            throw e;
        }
    }

    /** Pulls and verifies, then pushes the outbox; offline, remembers so and carries on. */
    void refresh() {
        try {
            engine.pull();
            engine.push();
            offline = false;
        } catch (ServerUnreachableException e) {
            offline = true;
        }
    }

    /**
     * After a write: VaultService pushes at once and keeps the write queued when the server cannot
     * be reached, so a non-empty outbox means the write is waiting offline.
     */
    void afterWrite() {
        offline = !cache.outbox().isEmpty();
    }

    VaultService vaults() {
        return vaults;
    }

    SyncEngine engine() {
        return engine;
    }

    LocalCache cache() {
        return cache;
    }

    /** A note for the user from opening the cache (a rebuild), or null. */
    String notice() {
        return notice;
    }

    /** {offline, queued, conflicts}: attached to every vault reply so the CLI can say so. */
    ObjectNode syncState() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("offline", offline);
        s.put("queued", cache.outbox().size());
        s.put("conflicts", cache.conflicts().size());
        return s;
    }

    boolean offline() {
        return offline;
    }

    @Override
    public void close() {
        try {
            vaults.close();
            engine.close();
        } finally {
            cache.close();
        }
    }
}
