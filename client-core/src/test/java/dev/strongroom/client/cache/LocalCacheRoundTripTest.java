package dev.strongroom.client.cache;

import static dev.strongroom.client.cache.CacheFixture.TEAM;
import static dev.strongroom.client.cache.CacheFixture.VAULT;
import static dev.strongroom.client.cache.CacheFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.Pbkdf2Params;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every stored kind survives a write, a close and a reopen unchanged. */
class LocalCacheRoundTripTest {

    @TempDir Path dir;

    private final CacheFixture fx = new CacheFixture();

    @Test
    void everyKindRoundTripsThroughAReopen() {
        Path file = dir.resolve("cache.db");
        CachedItem a1 = fx.item("item-a", 1, "a one");
        CachedItem a2 = fx.item("item-a", 2, "a two");
        CachedItem b1 = fx.item("item-b", 1, "b one");
        CachedItem gone = fx.item(VAULT, "item-c", 4, "", true);
        CachedItem oldHistory = fx.item("item-b", 0, "b zero");
        VaultHeadPin head = fx.head(9, 3);
        KeyWrap v1 = new KeyWrap(VAULT, 1, bytes("wrap v1"));
        KeyWrap v2 = new KeyWrap(VAULT, 2, bytes("wrap v2"));
        try (LocalCache cache = CacheFixture.open(file)) {
            cache.pinKdf(new Argon2idParams(65536, 3, 4));
            cache.apply(
                    fx.base(2)
                            .keyWrap(v2)
                            .keyWrap(v1)
                            .item(a1)
                            .item(b1)
                            .item(gone)
                            .history(oldHistory)
                            .vaultHead(head)
                            .cursor(VAULT, 41)
                            .build());
            // a newer revision moves the previous latest into history by itself
            cache.apply(CacheBatch.builder().item(a2).build());
        }
        try (LocalCache cache = CacheFixture.open(file)) {
            assertThat(cache.profile()).isEqualTo(CacheFixture.PROFILE);
            assertThat(cache.kdfPin()).contains(new Argon2idParams(65536, 3, 4));
            assertThat(cache.teamPin(TEAM)).contains(fx.pin(2));
            assertThat(cache.teamPins()).containsExactly(fx.pin(2));
            assertThat(cache.pinnedGenesis(TEAM))
                    .hasValueSatisfying(g -> assertThat(g).isEqualTo(fx.pin(0).genesisHash()));
            assertThat(cache.logEntries(TEAM)).isEqualTo(fx.log);
            assertThat(cache.vaults())
                    .containsExactly(new CachedVault(VAULT, TEAM, bytes("vault-name-ciphertext")));
            assertThat(cache.keyWraps(VAULT)).containsExactly(v1, v2);
            assertThat(cache.vaultHead(VAULT)).contains(head);
            assertThat(cache.cursor(VAULT)).isEqualTo(41);
            assertThat(cache.item(VAULT, "item-a")).contains(a2);
            assertThat(cache.items(VAULT)).containsExactly(a2, b1, gone);
            assertThat(cache.history(VAULT, "item-a")).containsExactly(a1);
            assertThat(cache.history(VAULT, "item-b")).containsExactly(oldHistory);
            assertThat(gone.deleted()).isTrue();
            assertThat(cache.item(VAULT, "item-c").orElseThrow().content()).isEmpty();
            assertThat(cache.items(VAULT)).allMatch(CachedItem::digestsMatch);
        }
    }

    @Test
    void unknownThingsReadAsEmpty() {
        try (LocalCache cache = CacheFixture.open(dir.resolve("cache.db"))) {
            assertThat(cache.kdfPin()).isEmpty();
            assertThat(cache.teamPin(TEAM)).isEmpty();
            assertThat(cache.pinnedGenesis(TEAM)).isEmpty();
            assertThat(cache.logEntries(TEAM)).isEmpty();
            assertThat(cache.vaultHead(VAULT)).isEmpty();
            assertThat(cache.cursor(VAULT)).isZero();
            assertThat(cache.items(VAULT)).isEmpty();
            assertThat(cache.item(VAULT, "x")).isEmpty();
            assertThat(cache.outbox()).isEmpty();
            assertThat(cache.conflicts()).isEmpty();
        }
    }

    @Test
    void pbkdf2PinRoundTripsAndCanBeReplaced() {
        Path file = dir.resolve("cache.db");
        try (LocalCache cache = CacheFixture.open(file)) {
            cache.pinKdf(new Argon2idParams(65536, 3, 4));
            cache.pinKdf(new Pbkdf2Params(700_000));
        }
        try (LocalCache cache = CacheFixture.open(file)) {
            assertThat(cache.kdfPin()).contains(new Pbkdf2Params(700_000));
        }
        assertThat(PinStore.peekKdfPinUnauthenticated(PinStore.pathFor(file)))
                .contains(new Pbkdf2Params(700_000));
    }

    @Test
    void sameRevisionDeliveredTwiceIsANoOp() throws Exception {
        Path file = dir.resolve("cache.db");
        CachedItem a1 = fx.item("item-a", 1, "a one");
        try (LocalCache cache = CacheFixture.open(file)) {
            CacheBatch batch =
                    fx.base(2)
                            .item(a1)
                            .history(fx.item("item-a", 0, "zero"))
                            .vaultHead(fx.head(3, 1))
                            .build();
            cache.apply(batch);
            List<String> before = CacheFixture.dump(file);
            cache.apply(batch);
            assertThat(CacheFixture.dump(file)).isEqualTo(before);
        }
    }

    @Test
    void removedVaultIsForgottenButItsQueuedWritesAreKept() {
        Path file = dir.resolve("cache.db");
        try (LocalCache cache = CacheFixture.open(file)) {
            cache.apply(
                    fx.base(2)
                            .keyWrap(new KeyWrap(VAULT, 1, bytes("wrap")))
                            .item(fx.item("item-a", 1, "one"))
                            .vaultHead(fx.head(3, 1))
                            .cursor(VAULT, 12)
                            .build());
            cache.apply(CacheBatch.builder().item(fx.item("item-a", 2, "two")).build());
            PendingWrite queued = cache.enqueue(VAULT, "item-a", 2, bytes("offline edit"));

            cache.apply(CacheBatch.builder().removeVault(VAULT).build());

            assertThat(cache.vaults()).isEmpty();
            assertThat(cache.items(VAULT)).isEmpty();
            assertThat(cache.history(VAULT, "item-a")).isEmpty();
            assertThat(cache.keyWraps(VAULT)).isEmpty();
            assertThat(cache.vaultHead(VAULT)).isEmpty();
            assertThat(cache.cursor(VAULT)).isZero();
            assertThat(cache.outbox()).containsExactly(queued);
            assertThat(cache.teamPin(TEAM)).contains(fx.pin(2));
            assertThatThrownBy(() -> cache.apply(CacheBatch.builder().removeVault(VAULT).build()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void twoInstancesOnOneFileDoNotLoseEachOthersGenesis() throws Exception {
        Path file = dir.resolve("cache.db");
        CacheFixture other = new CacheFixture();
        byte[] g2 = other.pin(0).genesisHash();
        try (LocalCache agent = CacheFixture.open(file);
                LocalCache cli = CacheFixture.open(file)) {
            agent.pinTeam(fx.pin(0));
            cli.pinTeam(new TeamPin("team-2", g2, 0, g2)); // cli's snapshot predates agent's write
            assertThat(agent.teamPins()).hasSize(2);
        }
        try (CacheKey key = CacheFixture.key()) {
            PinStore pins = PinStore.load(PinStore.pathFor(file), key).orElseThrow();
            assertThat(pins.genesis(TEAM)).isPresent();
            assertThat(pins.genesis("team-2")).isPresent();
        }
    }

    @Test
    void negativeBaseRevisionIsRejected() {
        try (LocalCache cache = CacheFixture.open(dir.resolve("cache.db"))) {
            assertThatThrownBy(() -> cache.enqueue(VAULT, "i", -1, bytes("x")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void closedCacheRefusesUse() {
        LocalCache cache = CacheFixture.open(dir.resolve("cache.db"));
        cache.close();
        cache.close(); // idempotent
        assertThatThrownBy(() -> cache.items(VAULT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void itemWhoseBlobsDoNotMatchItsDigestsIsRefused() {
        CachedItem good = fx.item("item-a", 1, "a one");
        assertThatThrownBy(
                        () ->
                                CachedItem.of(
                                        good.revision(),
                                        good.wrappedItemKey(),
                                        bytes("other content"),
                                        good.signature()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
