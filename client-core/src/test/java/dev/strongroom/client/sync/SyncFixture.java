package dev.strongroom.client.sync;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.UUID;

/** Accounts and devices (session + own SQLite cache + engine) against a real server. */
final class SyncFixture {

    static final KdfParams CHEAP = new Argon2idParams(19456, 2, 1);
    static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    private SyncFixture() {}

    static String register(ServerEndpoint endpoint) {
        String email = "u-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        new AccountService(KdfPinStore.inMemory())
                .register(ServerApi.connect(endpoint), email, PASSWORD.clone(), CHEAP);
        return email;
    }

    /** One device: logged in through {@code endpoint}, its cache in {@code dir}. */
    static final class Device implements AutoCloseable {
        final UnlockedSession session;
        final LocalCache cache;
        final SyncEngine engine;
        final VaultService vaults;
        final Path file;

        Device(ServerEndpoint endpoint, String email, Path dir) {
            session =
                    new AccountService(KdfPinStore.inMemory())
                            .login(ServerApi.connect(endpoint), email, PASSWORD.clone(), "dev");
            file = dir.resolve("cache.db");
            try (CacheKey key = SyncEngine.cacheKey(session)) {
                cache =
                        LocalCache.open(
                                file,
                                key,
                                new CacheProfile(session.accountId().toString(), "test-server"));
            }
            engine = new SyncEngine(session, cache);
            vaults = new VaultService(engine);
        }

        /** A digest of the cache database and its WAL, to prove nothing was written. */
        byte[] fingerprint() throws Exception {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String suffix : new String[] {"", "-wal"}) {
                Path p = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(p)) {
                    md.update(Files.readAllBytes(p));
                }
            }
            Path pins = file.getParent();
            try (var s = Files.list(pins)) {
                for (Path p : s.sorted().toList()) {
                    if (!p.getFileName().toString().startsWith("cache.db")) {
                        md.update(readQuietly(p));
                    }
                }
            }
            return md.digest();
        }

        private static byte[] readQuietly(Path p) {
            try {
                return Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0];
            } catch (IOException e) {
                return new byte[0];
            }
        }

        @Override
        public void close() {
            engine.close();
            cache.close();
            session.close();
        }
    }
}
