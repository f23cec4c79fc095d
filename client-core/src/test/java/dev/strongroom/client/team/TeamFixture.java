package dev.strongroom.client.team;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** Accounts with one device each (session, own SQLite cache, engine, vaults, teams). */
public final class TeamFixture {

    static final KdfParams CHEAP = new Argon2idParams(19456, 2, 1);
    static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    private TeamFixture() {}

    /** Registers an account with a fresh email (cheap KDF: tests only). */
    public static String register(ServerEndpoint endpoint, String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        new AccountService(KdfPinStore.inMemory())
                .register(ServerApi.connect(endpoint), email, PASSWORD.clone(), CHEAP);
        return email;
    }

    /** An API-key item whose secret is {@code secret}. */
    public static ItemContent apiKey(String name, String secret) {
        return ItemContent.builder(
                        new ApiKey("AKIA" + name, SecretText.copyOf(secret.toCharArray())),
                        name,
                        Instant.parse("2026-01-02T03:04:05Z"))
                .build();
    }

    /** One device of one account. */
    /**
     * The member's side of being added by fingerprint: they compare the adder's fingerprint (read
     * from the adder's own screen) and join the team; the next pull syncs it.
     */
    public static void join(Device member, Device adder, String teamId) {
        member.teams.verify(adder.email, adder.teams.myFingerprint().digits());
        member.teams.join(teamId);
    }

    public static final class Device implements AutoCloseable {
        public final String email;
        public final UnlockedSession session;
        public final LocalCache cache;
        public final SyncEngine engine;
        public final VaultService vaults;
        public final TeamService teams;
        public final String id;

        public Device(ServerEndpoint endpoint, String email, Path dir) {
            this.email = email;
            session =
                    new AccountService(KdfPinStore.inMemory())
                            .login(ServerApi.connect(endpoint), email, PASSWORD.clone(), "dev");
            try (CacheKey key = SyncEngine.cacheKey(session)) {
                cache =
                        LocalCache.open(
                                dir.resolve("cache.db"),
                                key,
                                new CacheProfile(session.accountId().toString(), "test-server"));
            }
            engine = new SyncEngine(session, cache);
            vaults = new VaultService(engine);
            teams = new TeamService(vaults, engine, dir.resolve("state"));
            id = session.accountId().toString();
        }

        @Override
        public void close() {
            teams.close();
            engine.close();
            cache.close();
            session.close();
        }
    }
}
