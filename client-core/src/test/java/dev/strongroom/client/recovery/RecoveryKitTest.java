package dev.strongroom.client.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline kit: exported from a real team, opened after the server has stopped with three of
 * five sets of paper words; wrong words, too few, and words of different splits open nothing.
 */
class RecoveryKitTest {

    @TempDir Path dir;

    @Test
    void aKitOpensFromTypedWordsWithTheServerStopped() {
        byte[] kit;
        String anchor;
        List<char[]> words = new ArrayList<>();
        List<char[]> otherSplit = new ArrayList<>();
        StrongroomServer server = TestServers.start(dir.resolve("server"));
        try (RecoveryWorld w = new RecoveryWorld(TestServers.endpoint(server), dir)) {
            w.setPolicy(w.approvers, 3, false);
            RecoveryLog ownerLog = w.log(w.owner);
            RecoveryKit.Exported exported =
                    RecoveryKit.export(
                            ownerLog,
                            w.owner.id,
                            w.owner.session.identity(),
                            KitVaults.gather(
                                    w.owner.engine,
                                    w.owner.vaults,
                                    w.team,
                                    ownerLog.recoveryPublicKey()));
            kit = exported.file();
            anchor = exported.anchor().toString();
            // the head of the very log the kit carries, as SEQ:HASH
            assertThat(anchor)
                    .isEqualTo(KitAnchor.of(ownerLog.state()).toString())
                    .matches(ownerLog.state().seq() + ":[0-9a-f]{8}(-[0-9a-f]{8}){7}");
            for (Device d : w.approvers) {
                words.add(
                        PaperShares.export(
                                w.log(d),
                                d.id,
                                d.session.identity(),
                                w.draft.sealedShares().get(d.id)));
            }
            // a second split (another team policy version) for the mixed-splits case
            PolicyDraft first = w.draft;
            w.setPolicy(w.approvers, 3, false);
            for (Device d : w.approvers.subList(0, 2)) {
                otherSplit.add(
                        PaperShares.export(
                                w.log(d),
                                d.id,
                                d.session.identity(),
                                w.draft.sealedShares().get(d.id)));
            }
            assertThat(first).isNotEqualTo(w.draft);
        } finally {
            server.close();
        }

        // the server is gone: three sets of typed words open every vault
        Map<String, Integer> opened = new TreeMap<>();
        List<RecoveryKit.OpenedKitVault> vaults =
                RecoveryKit.open(
                        kit,
                        List.of(words.get(0), words.get(2), words.get(4)),
                        KitAnchor.parse(anchor));
        for (RecoveryKit.OpenedKitVault v : vaults) {
            opened.put(v.name(), v.vault().items().size());
        }
        assertThat(opened).containsExactlyEntriesOf(new TreeMap<>(Map.of("prod", 2, "staging", 1)));
        assertThat(
                        vaults.stream()
                                .filter(v -> v.name().equals("prod"))
                                .findFirst()
                                .map(v -> RecoveryFlowTest.secrets(v.vault()))
                                .orElseThrow())
                .containsExactly("prod-db-secret", "prod-deploy-secret");
        vaults.forEach(v -> v.vault().close());

        // fewer than M
        assertThatThrownBy(
                        () ->
                                RecoveryKit.open(
                                        kit,
                                        List.of(words.get(0), words.get(1)),
                                        KitAnchor.parse(anchor)))
                .isInstanceOf(RecoveryException.class)
                .hasMessageContaining("need 3");
        // a mistyped word fails the checksum
        char[] typo = words.get(3).clone();
        String s = new String(typo);
        String firstWord = s.substring(s.lastIndexOf(' ') + 1);
        String swapped =
                s.substring(0, s.lastIndexOf(' ') + 1)
                        + (firstWord.equals("academic") ? "acid" : "academic");
        assertThatThrownBy(
                        () ->
                                RecoveryKit.open(
                                        kit,
                                        List.of(words.get(0), words.get(1), swapped.toCharArray()),
                                        KitAnchor.parse(anchor)))
                .isInstanceOf(RecoveryException.class)
                .hasMessageContaining("checksum");
        // shares of different splits
        assertThatThrownBy(
                        () ->
                                RecoveryKit.open(
                                        kit,
                                        List.of(words.get(0), otherSplit.get(0), otherSplit.get(1)),
                                        KitAnchor.parse(anchor)))
                .isInstanceOf(RecoveryException.class)
                .hasMessageContaining("do not combine");
        // the right words, but the kit is checked against its anchor first: a kit whose log ends
        // at another head (another team's, or one forged around the real recovery public key),
        // no anchor at all, or the genesis-only anchor of version 1 kits opens nothing
        List<char[]> three = List.of(words.get(0), words.get(2), words.get(4));
        char last = anchor.charAt(anchor.length() - 1);
        String otherAnchor = anchor.substring(0, anchor.length() - 1) + (last == '0' ? '1' : '0');
        assertThatThrownBy(() -> RecoveryKit.open(kit, three, KitAnchor.parse(otherAnchor)))
                .isInstanceOf(RecoveryException.class)
                .hasMessageContaining("log head does not match the anchor");
        assertThatThrownBy(() -> KitAnchor.parse(null))
                .isInstanceOf(RecoveryException.class)
                .hasMessageContaining("anchor");
        String genesisOnly = anchor.substring(anchor.indexOf(':') + 1);
        assertThatThrownBy(() -> KitAnchor.parse(genesisOnly))
                .isInstanceOf(RecoveryException.class)
                .hasMessageContaining("genesis-only");
        // typed with spaces and capitals instead of dashes: the same anchor
        List<RecoveryKit.OpenedKitVault> again =
                RecoveryKit.open(
                        kit, three, KitAnchor.parse(anchor.replace('-', ' ').toUpperCase()));
        assertThat(again).hasSize(2);
        again.forEach(v -> v.vault().close());
        // not a kit at all
        assertThatThrownBy(
                        () ->
                                RecoveryKit.open(
                                        "{}".getBytes(),
                                        List.of(words.get(0)),
                                        KitAnchor.parse(anchor)))
                .isInstanceOf(RecoveryException.class);
    }
}
