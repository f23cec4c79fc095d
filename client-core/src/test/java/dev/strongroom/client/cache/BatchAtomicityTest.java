package dev.strongroom.client.cache;

import static dev.strongroom.client.cache.CacheFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.kdf.Pbkdf2Params;
import dev.strongroom.model.vault.ItemRevision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch whose last part fails leaves the cache file (every row of every table) and the pin file
 * exactly as they were, although every earlier part of the batch was valid.
 */
class BatchAtomicityTest {

    @TempDir Path dir;

    private final CacheFixture fx = new CacheFixture();
    private Path file;
    private LocalCache cache;

    @BeforeEach
    void seed() {
        file = dir.resolve("cache.db");
        cache = CacheFixture.open(file);
        cache.apply(fx.base(1).item(fx.item("item-a", 1, "one")).vaultHead(fx.head(1, 1)).build());
        cache.enqueue(VAULT, "item-a", 1, CacheFixture.bytes("queued"));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    /** A large valid batch touching every table, to which each test appends one bad part. */
    private CacheBatch.Builder validPrefix() {
        CacheBatch.Builder b = fx.base(2).kdfPin(new Pbkdf2Params(800_000));
        b.teamPin(fx.pin(2)).keyWrap(new KeyWrap(VAULT, 2, CacheFixture.bytes("wrap v2")));
        for (int i = 0; i < 50; i++) {
            b.item(fx.item("new-" + i, 1, "content " + i));
        }
        b.item(fx.item("item-a", 2, "two"));
        b.history(fx.item("item-a", 0, "zero"));
        b.vaultHead(fx.head(2, 51)).cursor(VAULT, 99);
        b.completeWrite(cache.outbox().get(0).id());
        return b;
    }

    private void assertNothingChanges(CacheBatch batch, Class<? extends Throwable> expected)
            throws Exception {
        List<String> before = CacheFixture.dump(file);
        byte[] pinsBefore = Files.readAllBytes(PinStore.pathFor(file));
        assertThatThrownBy(() -> cache.apply(batch)).isInstanceOf(expected);
        assertThat(CacheFixture.dump(file)).isEqualTo(before);
        assertThat(Files.readAllBytes(PinStore.pathFor(file))).isEqualTo(pinsBefore);
        // and the cache is still usable
        assertThat(cache.items(VAULT)).hasSize(1);
        cache.apply(validPrefix().build());
        assertThat(cache.items(VAULT)).hasSize(51);
    }

    @Test
    void constraintViolationInTheLastRowRollsBackEverything() throws Exception {
        // history row for a vault that does not exist: a foreign-key violation, last of the batch
        assertNothingChanges(
                validPrefix().history(fx.item("vault-missing", "x", 1, "x", false)).build(),
                CacheException.class);
    }

    @Test
    void checkConstraintInTheLastRowRollsBackEverything() throws Exception {
        ItemRevision negative =
                new ItemRevision(
                        CacheFixture.TEAM,
                        VAULT,
                        "neg",
                        -1,
                        1,
                        new byte[32],
                        new byte[32],
                        true,
                        fx.founderId,
                        2);
        CachedItem bad = CachedItem.fromRow(negative, new byte[0], new byte[0], new byte[64]);
        assertNothingChanges(validPrefix().item(bad).build(), CacheException.class);
    }

    @Test
    void refusedRollbackAtTheEndRollsBackEverything() throws Exception {
        assertNothingChanges(
                validPrefix().vaultHead(fx.head(0, 0)).build(), RollbackRefusedException.class);
    }

    @Test
    void unknownCursorVaultRollsBackEverything() throws Exception {
        assertNothingChanges(
                validPrefix().cursor("vault-missing", 5).build(), IllegalArgumentException.class);
    }

    @Test
    void unknownQueuedWriteRollsBackEverything() throws Exception {
        assertNothingChanges(
                validPrefix().completeWrite(12345).build(), IllegalArgumentException.class);
    }

    @Test
    void logEntryBeyondThePinRollsBackEverything() throws Exception {
        // entry 2 arrives while the pin stays at 1: it has not been verified, so it is refused
        assertNothingChanges(
                fx.base(1).logEntry(fx.log.get(2)).item(fx.item("late", 1, "x")).build(),
                IllegalArgumentException.class);
    }

    @Test
    void newTeamInAFailedBatchDoesNotReachThePinFile() throws Exception {
        CacheFixture second = new CacheFixture();
        byte[] genesis = second.pin(0).genesisHash();
        TeamPin newTeam = new TeamPin("team-new", genesis, 0, genesis);
        assertNothingChanges(
                validPrefix().teamPin(newTeam).cursor("vault-missing", 1).build(),
                IllegalArgumentException.class);
        try (CacheKey key = CacheFixture.key()) {
            assertThat(PinStore.load(PinStore.pathFor(file), key).orElseThrow().genesis("team-new"))
                    .isEmpty();
        }
    }
}
