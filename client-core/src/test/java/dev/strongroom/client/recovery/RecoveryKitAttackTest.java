package dev.strongroom.client.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.StrongroomServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kits that must not open even with the right words, the server gone: one exported before a member
 * was removed (an older prefix of the same log, same genesis, same recovery key), one built from
 * that prefix by the removed member with his own genuine keys, the latest kit cut back to the
 * prefix, kits altered after export, kits signed by someone outside the team, and a version 1 file.
 * Each is refused before any share is combined; the latest kit against its own anchor opens.
 */
class RecoveryKitAttackTest {

    @TempDir Path dir;

    @Test
    void olderCutBackForeignTamperedAndOldVersionKitsAreRefused() throws IOException {
        RecoveryKit.Exported older;
        RecoveryKit.Exported latest;
        RecoveryKit.Exported byRemovedMember;
        RecoveryKit.Exported byOutsider;
        RecoveryKit.Exported outsiderAsOwner;
        int prefixLength;
        String bobId;
        List<char[]> words = new ArrayList<>();
        StrongroomServer server = TestServers.start(dir.resolve("server"));
        try (RecoveryWorld w = new RecoveryWorld(TestServers.endpoint(server), dir);
                IdentityKeys outsider = IdentityKeys.generate()) {
            w.setPolicy(w.approvers, 3, false);
            older = export(w);
            RecoveryLog prefix = w.log(w.owner);
            prefixLength = prefix.entries().size();
            // the log moves on: zed is removed (the policy, and so the words, stay the same)
            w.owner.teams.remove(w.team, w.requester.id);
            latest = export(w);
            RecoveryLog head = w.log(w.owner);
            assertThat(latest.anchor().seq()).isGreaterThan(older.anchor().seq());
            // zed still holds his keys and the log from when he was a member
            byRemovedMember =
                    RecoveryKit.export(
                            prefix, w.requester.id, w.requester.session.identity(), List.of());
            byOutsider =
                    RecoveryKit.export(head, UUID.randomUUID().toString(), outsider, List.of());
            outsiderAsOwner = RecoveryKit.export(head, w.owner.id, outsider, List.of());
            bobId = w.approvers.get(0).id;
            for (Device d : w.approvers.subList(0, 3)) {
                words.add(
                        PaperShares.export(
                                w.log(d),
                                d.id,
                                d.session.identity(),
                                w.draft.sealedShares().get(d.id)));
            }
        } finally {
            server.close();
        }
        KitAnchor anchor = latest.anchor();

        // the latest kit opens against its own anchor
        List<RecoveryKit.OpenedKitVault> opened = RecoveryKit.open(latest.file(), words, anchor);
        assertThat(opened).extracting(RecoveryKit.OpenedKitVault::name).contains("prod", "staging");
        opened.forEach(v -> v.vault().close());

        // an older kit of the same team (same genesis, same recovery key) against the anchor
        refused(older.file(), words, anchor, "before the anchor's entry " + anchor.seq());
        // the removed member's kit of the prefix: his signature is genuine, the anchor refuses it
        refused(byRemovedMember.file(), words, anchor, "an older or cut-back kit");
        // an anchor of another kit: the latest kit's log ends after it
        refused(latest.file(), words, older.anchor(), "the anchor belongs to another kit");
        // the latest kit cut back to the prefix, against the older anchor: the signature covers
        // the head the kit was made at
        byte[] cutBack =
                with(latest.file(), k -> copy(k, k.log().subList(0, prefixLength), k.payload()));
        refused(cutBack, words, older.anchor(), "signature does not verify");

        // altered after export: one byte of the sealed payload, the time, the exporter's name
        byte[] flipped = with(latest.file(), k -> copy(k, k.log(), flip(k.payload())));
        refused(flipped, words, anchor, "signature does not verify");
        byte[] retimed = with(latest.file(), k -> stamped(k, k.exportedBy(), k.createdAt() + 1));
        refused(retimed, words, anchor, "signature does not verify");
        byte[] renamed = with(latest.file(), k -> stamped(k, bobId, k.createdAt()));
        refused(renamed, words, anchor, "signature does not verify");

        // not made by a member: an unknown exporter, or an outsider's key under the owner's name
        refused(byOutsider.file(), words, anchor, "not a member of the team");
        refused(outsiderAsOwner.file(), words, anchor, "signature does not verify");

        // a version 1 kit is refused by name, no fallback
        ObjectNode v1 = (ObjectNode) WireJson.mapper().readTree(latest.file());
        v1.put("v", 1);
        assertThatThrownBy(
                        () ->
                                RecoveryKit.open(
                                        WireJson.mapper().writeValueAsBytes(v1), words, anchor))
                .isInstanceOf(RecoveryException.class)
                .hasMessageContaining("recovery kit version: found 1, supported 2")
                .hasCauseInstanceOf(UnsupportedFormatException.class);
    }

    private static RecoveryKit.Exported export(RecoveryWorld w) {
        RecoveryLog log = w.log(w.owner);
        return RecoveryKit.export(
                log,
                w.owner.id,
                w.owner.session.identity(),
                KitVaults.gather(w.owner.engine, w.owner.vaults, w.team, log.recoveryPublicKey()));
    }

    private static void refused(byte[] kit, List<char[]> words, KitAnchor anchor, String because) {
        assertThatThrownBy(() -> RecoveryKit.open(kit, words, anchor))
                .isInstanceOf(RecoveryException.class)
                .hasMessageContaining(because);
    }

    private static RecoveryKit.KitFile copy(
            RecoveryKit.KitFile k, List<SignedLogEntry> log, byte[] p) {
        return kit(k, k.exportedBy(), k.createdAt(), log, p);
    }

    /** The kit with another exporter or time in its header, everything else (signature) kept. */
    private static RecoveryKit.KitFile stamped(
            RecoveryKit.KitFile k, String exportedBy, long createdAt) {
        return kit(k, exportedBy, createdAt, k.log(), k.payload());
    }

    private static RecoveryKit.KitFile kit(
            RecoveryKit.KitFile k,
            String exportedBy,
            long createdAt,
            List<SignedLogEntry> log,
            byte[] payload) {
        return new RecoveryKit.KitFile(
                k.format(),
                k.v(),
                k.teamId(),
                k.policyVersion(),
                exportedBy,
                createdAt,
                log,
                payload,
                k.signature());
    }

    private static byte[] flip(byte[] b) {
        byte[] out = b.clone();
        out[out.length / 2] ^= 1;
        return out;
    }

    private static byte[] with(byte[] file, UnaryOperator<RecoveryKit.KitFile> change)
            throws IOException {
        RecoveryKit.KitFile k = WireJson.mapper().readValue(file, RecoveryKit.KitFile.class);
        return WireJson.mapper().writeValueAsBytes(change.apply(k));
    }
}
