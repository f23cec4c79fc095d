package dev.strongroom.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheOpening;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.CacheRebuild;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.cache.PinStore;
import dev.strongroom.client.item.ItemSamples;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncFixture.Device;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.server.StrongroomServer;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A broken cache is never half-read: {@link LocalCache#openOrRebuild} moves it aside (bytes kept)
 * and a full pull against a real server fills the fresh cache again. Pins that lived only in a bad
 * pin file are reported as lost, never silently reset.
 */
class CacheRebuildSyncTest {

    @TempDir static Path dir;

    private static StrongroomServer server;
    private static UnlockedSession session;
    private static String vaultId;
    private static Path master;

    enum Breakage {
        TRUNCATED,
        SCRIBBLED_PAGE,
        JUNK_FILE,
        PIN_ROW_EDITED,
        PIN_FILE_EDITED
    }

    @BeforeAll
    static void seed() {
        server = TestServers.start(dir.resolve("server"));
        ServerEndpoint endpoint = TestServers.endpoint(server);
        String email = SyncFixture.register(endpoint);
        master = dir.resolve("master");
        try (Device d = new Device(endpoint, email, master)) {
            vaultId = d.vaults.createPersonalVault("Personal").vaultId();
            for (ItemType t : List.of(ItemType.LOGIN, ItemType.API_KEY, ItemType.SECURE_NOTE)) {
                d.vaults.add(vaultId, ItemSamples.item(t));
            }
        }
        session =
                new AccountService(KdfPinStore.inMemory())
                        .login(
                                ServerApi.connect(endpoint),
                                email,
                                SyncFixture.PASSWORD.clone(),
                                "rebuild");
    }

    @AfterAll
    static void stop() {
        session.close();
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Breakage.class)
    void aBrokenCacheIsMovedAsideAndRefilledByAFullPull(Breakage breakage) throws Exception {
        Path here = dir.resolve(breakage.name());
        Files.createDirectories(here);
        try (Stream<Path> files = Files.list(master)) {
            for (Path p : files.toList()) {
                Files.copy(p, here.resolve(p.getFileName()));
            }
        }
        Path file = here.resolve("cache.db");
        break_(breakage, file);
        byte[] broken = Files.readAllBytes(file);
        CacheProfile profile = new CacheProfile(session.accountId().toString(), "test-server");

        CacheOpening opening;
        try (CacheKey key = SyncEngine.cacheKey(session)) {
            opening = LocalCache.openOrRebuild(file, key, profile);
        }
        try (LocalCache cache = opening.cache();
                SyncEngine engine = new SyncEngine(session, cache)) {
            CacheRebuild r = opening.rebuild().orElseThrow();
            boolean tampered =
                    breakage == Breakage.PIN_ROW_EDITED || breakage == Breakage.PIN_FILE_EDITED;
            assertThat(r.reason())
                    .isEqualTo(
                            tampered ? CacheRebuild.Reason.TAMPERED : CacheRebuild.Reason.CORRUPT);
            assertThat(Files.readAllBytes(r.movedAside().orElseThrow())).isEqualTo(broken);
            assertThat(r.movedAside().get().getFileName().toString())
                    .startsWith("cache.db.corrupt-");
            if (breakage == Breakage.PIN_FILE_EDITED) {
                assertThat(r.lost()).contains(CacheRebuild.TrustLoss.GENESIS_AND_KDF_PINS);
                assertThat(r.pinFileMovedAside()).isPresent();
                assertThat(r.securityRelevant()).isTrue();
            } else {
                assertThat(r.lost()).doesNotContain(CacheRebuild.TrustLoss.GENESIS_AND_KDF_PINS);
                assertThat(r.pinFileMovedAside()).isEmpty();
                // the genesis pin survived in the pin file, before any sync
                assertThat(cache.teamPins()).isEmpty();
                assertThat(cache.vaults()).isEmpty();
            }
            assertThat(r.lost()).contains(CacheRebuild.TrustLoss.LOG_POSITIONS_AND_VAULT_HEADS);
            assertThat(r.securityRelevant()).isEqualTo(tampered);

            engine.pull();
            List<ItemView> items = new VaultService(engine).list(vaultId);
            assertThat(items).hasSize(3);
            items.forEach(ItemView::close);
        }
        try (CacheKey key = SyncEngine.cacheKey(session)) {
            assertThat(LocalCache.openOrRebuild(file, key, profile).rebuilt()).isFalse();
        }
    }

    private static void break_(Breakage breakage, Path file) throws Exception {
        switch (breakage) {
            case TRUNCATED -> {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.setLength(raf.length() / 2);
                }
            }
            case SCRIBBLED_PAGE -> {
                int page = 4096;
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    byte[] ff = new byte[48];
                    java.util.Arrays.fill(ff, (byte) 0xff);
                    for (long p = 1; p * page < raf.length(); p += 2) {
                        raf.seek(p * page);
                        raf.write(ff);
                    }
                }
            }
            case JUNK_FILE -> {
                byte[] junk = new byte[16384];
                new Random(7).nextBytes(junk);
                Files.write(file, junk);
            }
            case PIN_ROW_EDITED -> {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                    // move the verified log position back by one, keeping the old HMAC
                    c.createStatement().executeUpdate("UPDATE team SET last_seq = last_seq - 1");
                }
            }
            case PIN_FILE_EDITED -> {
                Path pins = PinStore.pathFor(file);
                byte[] b = Files.readAllBytes(pins);
                b[b.length / 2] ^= 0x01;
                Files.write(pins, b);
            }
        }
    }
}
