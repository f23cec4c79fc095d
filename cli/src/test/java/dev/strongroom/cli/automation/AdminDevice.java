package dev.strongroom.cli.automation;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.EnvVar;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.machine.MachineService;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.kdf.Argon2idParams;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The team admin of the automation tests, in this JVM through client-core (its own session, SQLite
 * cache and engine): creates the team, vaults and items, and the machine accounts.
 */
final class AdminDevice implements AutoCloseable {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

    final UnlockedSession session;
    final LocalCache cache;
    final SyncEngine engine;
    final VaultService vaults;
    final TeamService teams;
    final MachineService machines;

    AdminDevice(ServerEndpoint endpoint, Path dir) {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        AccountService accounts = new AccountService(KdfPinStore.inMemory());
        accounts.register(
                ServerApi.connect(endpoint),
                email,
                PASSWORD.clone(),
                new Argon2idParams(19456, 2, 1));
        session = accounts.login(ServerApi.connect(endpoint), email, PASSWORD.clone(), "admin");
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
        machines = new MachineService(engine, teams);
    }

    /** An environment-set item from NAME, VALUE pairs. */
    static ItemContent envSet(String name, String folder, String... pairs) {
        List<EnvVar> vars = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.add(new EnvVar(pairs[i], SecretText.copyOf(pairs[i + 1].toCharArray())));
        }
        return ItemContent.builder(new EnvironmentSet(vars), name, CREATED).folder(folder).build();
    }

    static ItemContent apiKey(String name, String key) {
        return ItemContent.builder(
                        new ApiKey("AKIA-" + name.length(), SecretText.copyOf(key.toCharArray())),
                        name,
                        CREATED)
                .build();
    }

    static Map<String, String> env(String token, String url, Path configDir) {
        return Map.of(
                "STRONGROOM_TOKEN", token,
                "STRONGROOM_SERVER_URL", url,
                "STRONGROOM_CONFIG_DIR", configDir.toString());
    }

    @Override
    public void close() {
        teams.close();
        engine.close();
        cache.close();
        session.close();
    }
}
