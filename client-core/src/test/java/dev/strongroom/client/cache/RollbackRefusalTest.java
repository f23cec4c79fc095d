package dev.strongroom.client.cache;

import static dev.strongroom.client.cache.CacheFixture.TEAM;
import static dev.strongroom.client.cache.CacheFixture.VAULT;
import static dev.strongroom.client.cache.CacheFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.cache.RollbackRefusedException.Reason;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.vault.VaultHead;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins, items and stored log entries only move forward; each refusal is typed and leaves the file
 * byte-for-byte as it was.
 */
class RollbackRefusalTest {

    @TempDir Path dir;

    private final CacheFixture fx = new CacheFixture();
    private Path file;
    private LocalCache cache;

    @BeforeEach
    void seed() {
        file = dir.resolve("cache.db");
        cache = CacheFixture.open(file);
        cache.apply(
                fx.base(2).item(fx.item("item-a", 5, "five")).vaultHead(fx.head(10, 1)).build());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        cache.close();
    }

    private void assertRefused(Reason reason, ThrowingCallable call) throws Exception {
        List<String> before = CacheFixture.dump(file);
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RollbackRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(CacheFixture.dump(file)).isEqualTo(before);
    }

    @Test
    void teamPinCannotMoveBack() throws Exception {
        assertRefused(Reason.TEAM_LOG_BACKWARD, () -> cache.pinTeam(fx.pin(1)));
        assertThat(cache.teamPin(TEAM)).contains(fx.pin(2));
    }

    @Test
    void teamPinCannotForkAtTheSameSequence() throws Exception {
        TeamPin fork = new TeamPin(TEAM, fx.pin(0).genesisHash(), 2, new byte[32]);
        assertRefused(Reason.TEAM_LOG_FORK, () -> cache.pinTeam(fork));
    }

    @Test
    void teamPinCannotChangeGenesis() throws Exception {
        byte[] other = new byte[32];
        other[0] = 1;
        assertRefused(
                Reason.GENESIS_CHANGED, () -> cache.pinTeam(new TeamPin(TEAM, other, 3, other)));
    }

    @Test
    void teamPinMovesForwardAndRepeatsAreNoOps() {
        fx.append(new LogAction.ChangeRole(fx.founderId, dev.strongroom.model.log.Role.OWNER));
        cache.apply(CacheBatch.builder().teamPin(fx.pin(3)).logEntry(fx.log.get(3)).build());
        cache.pinTeam(fx.pin(3));
        assertThat(cache.teamPin(TEAM)).contains(fx.pin(3));
        assertThat(cache.logEntries(TEAM)).hasSize(4);
    }

    @Test
    void storedLogEntryCannotBeRewritten() throws Exception {
        // entry 1 re-signed over a different body at the same sequence: a fork of stored history
        CacheFixture other = new CacheFixture();
        assertRefused(
                Reason.LOG_ENTRY_REWRITTEN,
                () -> cache.apply(CacheBatch.builder().logEntry(other.log.get(1)).build()));
    }

    @Test
    void vaultHeadCannotMoveBack() throws Exception {
        assertRefused(Reason.VAULT_HEAD_BACKWARD, () -> cache.pinVaultHead(fx.head(9, 1)));
        assertThat(cache.vaultHead(VAULT).orElseThrow().head().counter()).isEqualTo(10);
    }

    @Test
    void vaultHeadCannotForkAtTheSameCounter() throws Exception {
        assertRefused(Reason.VAULT_HEAD_FORK, () -> cache.pinVaultHead(fx.head(10, 2)));
    }

    @Test
    void vaultHeadMovesForwardAndRepeatsAreNoOps() {
        cache.pinVaultHead(fx.head(10, 1));
        cache.pinVaultHead(fx.head(11, 1));
        assertThat(cache.vaultHead(VAULT).orElseThrow().head().counter()).isEqualTo(11);
    }

    @Test
    void vaultHeadOfAnotherTeamOrUnknownVaultIsRejected() {
        VaultHead foreign = new VaultHead("team-2", VAULT, 12, 1, new byte[32], 0, fx.founderId, 2);
        assertThatThrownBy(() -> cache.pinVaultHead(new VaultHeadPin(foreign, new byte[64])))
                .isInstanceOf(IllegalArgumentException.class);
        VaultHead unknown = new VaultHead(TEAM, "vault-9", 12, 1, new byte[32], 0, fx.founderId, 2);
        assertThatThrownBy(() -> cache.pinVaultHead(new VaultHeadPin(unknown, new byte[64])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemCannotMoveBack() throws Exception {
        assertRefused(
                Reason.ITEM_BACKWARD,
                () -> cache.apply(CacheBatch.builder().item(fx.item("item-a", 4, "four")).build()));
    }

    @Test
    void itemCannotForkAtTheSameRevision() throws Exception {
        assertRefused(
                Reason.ITEM_FORK,
                () ->
                        cache.apply(
                                CacheBatch.builder().item(fx.item("item-a", 5, "other")).build()));
    }

    @Test
    void vaultCannotChangeTeam() throws Exception {
        byte[] genesis = new byte[32];
        genesis[0] = 7;
        cache.pinTeam(new TeamPin("team-2", genesis, 0, genesis));
        assertRefused(
                Reason.VAULT_TEAM_CHANGED,
                () ->
                        cache.apply(
                                CacheBatch.builder()
                                        .vault(new CachedVault(VAULT, "team-2", bytes("x")))
                                        .build()));
    }

    @Test
    void genesisFromThePinFileIsEnforcedAfterARebuild() throws Exception {
        cache.close();
        try (CacheKey key = CacheFixture.key();
                LocalCache fresh = LocalCache.rebuild(file, key, CacheFixture.PROFILE)) {
            cache = fresh; // closed by the rebuild's try; AfterEach close is idempotent
            assertThat(fresh.teamPin(TEAM)).isEmpty();
            assertThat(fresh.pinnedGenesis(TEAM))
                    .hasValueSatisfying(g -> assertThat(g).isEqualTo(fx.pin(0).genesisHash()));
            CacheFixture impostor = new CacheFixture(); // a server-forged log for the same team id
            assertThatThrownBy(() -> fresh.pinTeam(impostor.pin(2)))
                    .isInstanceOfSatisfying(
                            RollbackRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.GENESIS_CHANGED));
            fresh.apply(fx.base(2).build()); // the genuine log re-verified from genesis is fine
            assertThat(fresh.teamPin(TEAM)).contains(fx.pin(2));
        }
    }
}
