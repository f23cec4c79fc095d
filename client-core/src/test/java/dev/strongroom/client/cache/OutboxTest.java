package dev.strongroom.client.cache;

import static dev.strongroom.client.cache.CacheFixture.VAULT;
import static dev.strongroom.client.cache.CacheFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline writes queue durably in order; conflicts keep both versions until the user decides. */
class OutboxTest {

    @TempDir Path dir;

    private final CacheFixture fx = new CacheFixture();
    private Path file;
    private LocalCache cache;

    @BeforeEach
    void seed() {
        file = dir.resolve("cache.db");
        cache = CacheFixture.open(file);
        cache.apply(fx.base(2).item(fx.item("item-a", 3, "three")).build());
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void writesComeOutInTheOrderTheyWereQueuedAndSurviveAReopen() {
        PendingWrite first = cache.enqueue(VAULT, "item-a", 3, bytes("edit 1"));
        PendingWrite second = cache.enqueue(VAULT, "item-new", 0, bytes("create"));
        PendingWrite third = cache.enqueue(VAULT, "item-a", 3, bytes("edit 2"));
        assertThat(first.id()).isLessThan(second.id());
        assertThat(second.id()).isLessThan(third.id());
        assertThat(first.state()).isEqualTo(WriteState.QUEUED);
        cache.setWriteState(first.id(), WriteState.SENDING);

        cache.close();
        cache = CacheFixture.open(file);
        List<PendingWrite> queued = cache.outbox();
        assertThat(queued)
                .extracting(PendingWrite::id)
                .containsExactly(first.id(), second.id(), third.id());
        assertThat(queued.get(0).state()).isEqualTo(WriteState.SENDING);
        assertThat(queued.get(0).payload()).isEqualTo(bytes("edit 1"));
        assertThat(queued.get(1).baseRevision()).isZero();
        assertThat(queued.get(2)).isEqualTo(third);
    }

    @Test
    void idsAreNeverReusedSoOrderHoldsAfterRemovals() {
        PendingWrite first = cache.enqueue(VAULT, "item-a", 3, bytes("1"));
        PendingWrite second = cache.enqueue(VAULT, "item-a", 3, bytes("2"));
        cache.apply(CacheBatch.builder().completeWrite(second.id()).build());
        PendingWrite third = cache.enqueue(VAULT, "item-a", 3, bytes("3"));
        assertThat(third.id()).isGreaterThan(second.id());
        assertThat(cache.outbox())
                .extracting(PendingWrite::id)
                .containsExactly(first.id(), third.id());
    }

    @Test
    void acceptedPushRemovesTheWriteTogetherWithTheNewRevision() {
        PendingWrite write = cache.enqueue(VAULT, "item-a", 3, bytes("edit"));
        CachedItem accepted = fx.item("item-a", 4, "edit as stored");
        cache.apply(CacheBatch.builder().item(accepted).completeWrite(write.id()).build());
        assertThat(cache.outbox()).isEmpty();
        assertThat(cache.item(VAULT, "item-a")).contains(accepted);
    }

    @Test
    void conflictKeepsBothVersionsAndRoundTrips() {
        PendingWrite write = cache.enqueue(VAULT, "item-a", 3, bytes("my offline edit"));
        CachedItem theirs = fx.item("item-a", 4, "their edit");
        cache.apply(CacheBatch.builder().item(theirs).conflict(write.id(), theirs).build());
        assertThat(cache.outbox()).isEmpty();

        cache.close();
        cache = CacheFixture.open(file);
        List<Conflict> conflicts = cache.conflicts();
        assertThat(conflicts).hasSize(1);
        Conflict c = conflicts.get(0);
        assertThat(c.vaultId()).isEqualTo(VAULT);
        assertThat(c.itemId()).isEqualTo("item-a");
        assertThat(c.localPayload()).isEqualTo(bytes("my offline edit"));
        assertThat(c.localBaseRevision()).isEqualTo(3);
        assertThat(c.localCreatedAt()).isEqualTo(write.createdAt());
        assertThat(c.server()).isEqualTo(theirs);
        assertThat(c.detectedAt()).isAfterOrEqualTo(write.createdAt());
    }

    @Test
    void resolvingQueuesTheMergeOnTopOfTheServerVersion() {
        PendingWrite write = cache.enqueue(VAULT, "item-a", 3, bytes("mine"));
        CachedItem theirs = fx.item("item-a", 4, "theirs");
        cache.apply(CacheBatch.builder().item(theirs).conflict(write.id(), theirs).build());
        long conflictId = cache.conflicts().get(0).id();

        PendingWrite merged = cache.resolveConflict(conflictId, bytes("merged"));
        assertThat(merged.baseRevision()).isEqualTo(4);
        assertThat(merged.payload()).isEqualTo(bytes("merged"));
        assertThat(cache.conflicts()).isEmpty();
        assertThat(cache.outbox()).containsExactly(merged);
        assertThatThrownBy(() -> cache.resolveConflict(conflictId, bytes("again")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discardingKeepsTheServerVersion() {
        PendingWrite write = cache.enqueue(VAULT, "item-a", 3, bytes("mine"));
        CachedItem theirs = fx.item("item-a", 4, "theirs");
        cache.apply(CacheBatch.builder().item(theirs).conflict(write.id(), theirs).build());
        cache.discardConflict(cache.conflicts().get(0).id());
        assertThat(cache.conflicts()).isEmpty();
        assertThat(cache.outbox()).isEmpty();
        assertThat(cache.item(VAULT, "item-a")).contains(theirs);
    }

    @Test
    void conflictMustNameTheSameItemAndAnExistingWrite() {
        PendingWrite write = cache.enqueue(VAULT, "item-a", 3, bytes("mine"));
        CachedItem otherItem = fx.item("item-b", 1, "b");
        assertThatThrownBy(
                        () ->
                                cache.apply(
                                        CacheBatch.builder()
                                                .conflict(write.id(), otherItem)
                                                .build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.apply(CacheBatch.builder().conflict(999, otherItem).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.setWriteState(999, WriteState.SENDING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.discardConflict(999))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.outbox()).containsExactly(write);
    }
}
