package dev.strongroom.desktop;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.FileKdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.recovery.BreakGlass;
import dev.strongroom.client.recovery.RecoveryService;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.VaultService;
import java.nio.file.Path;

/**
 * Another user's device in a desktop test, driven through client-core only (as the CLI would be):
 * its own KDF pins, cache, sync engine, vault, team and break-glass services.
 */
final class CoreDevice implements AutoCloseable {

    final String email;
    final UnlockedSession session;
    final LocalCache cache;
    final SyncEngine engine;
    final VaultService vaults;
    final TeamService teams;
    final RecoveryService recovery;
    final BreakGlass glass;

    private CoreDevice(ServerEndpoint endpoint, String email, Path dir) {
        this.email = email;
        session =
                new AccountService(new FileKdfPinStore(dir))
                        .login(
                                ServerApi.connect(endpoint),
                                email,
                                DesktopHarness.PASSWORD.toCharArray(),
                                "test device");
        try (CacheKey key = SyncEngine.cacheKey(session)) {
            cache =
                    LocalCache.open(
                            dir.resolve("cache.db"),
                            key,
                            new CacheProfile(session.accountId().toString(), "desktop-test"));
        }
        engine = new SyncEngine(session, cache);
        vaults = new VaultService(engine);
        teams = new TeamService(vaults, engine, dir.resolve("state"));
        recovery = new RecoveryService(vaults, engine, teams);
        glass = new BreakGlass(recovery, engine, dir.resolve("state"));
    }

    /** Registers the account (cheap KDF) and logs this device in. */
    static CoreDevice register(ServerEndpoint endpoint, String email, Path dir) {
        new AccountService(new FileKdfPinStore(dir))
                .register(
                        ServerApi.connect(endpoint),
                        email,
                        DesktopHarness.PASSWORD.toCharArray(),
                        DesktopHarness.CHEAP);
        return new CoreDevice(endpoint, email, dir);
    }

    /** Logs another device into an existing account. */
    static CoreDevice login(ServerEndpoint endpoint, String email, Path dir) {
        return new CoreDevice(endpoint, email, dir);
    }

    String id() {
        return session.accountId().toString();
    }

    /** Joins a team after checking the adder's fingerprint, as a member would. */
    void join(String teamId, String adderEmail) {
        teams.verify(adderEmail, teams.fingerprint(adderEmail).digits());
        teams.join(teamId);
        engine.pull();
    }

    @Override
    public void close() {
        teams.close();
        engine.close();
        cache.close();
        session.close();
    }
}
