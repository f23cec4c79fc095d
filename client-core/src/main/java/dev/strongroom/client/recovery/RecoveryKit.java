package dev.strongroom.client.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.hpke.Hpke;
import dev.strongroom.crypto.hpke.HpkeSealed;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.crypto.slip39.Slip39Share;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The offline recovery kit: one file that opens with M paper shares on a machine with no server. It
 * carries the team's signed log (so the opener verifies the chain, the policy's recovery public key
 * and the exporter's bundle from the entries themselves), one payload sealed by the exporter (HPKE
 * auth mode) to the recovery public key: every vault's name, its key versions wrapped to the
 * recovery key (V1) and its live items as signed revisions, and the exporter's signature (see
 * {@link KitSeal}). The opener types the {@link KitAnchor} printed at export: the kit's log must
 * end exactly at that head, so neither another team's log nor an older prefix of this one passes.
 */
public final class RecoveryKit {

    public static final String FORMAT = "strongroom-recovery-kit";

    /**
     * 2: the log head is pinned by the anchor and signed with the payload (1 pinned the genesis).
     */
    public static final int VERSION = 2;

    /** The file: public, verifiable parts, the sealed payload and the exporter's signature. */
    public record KitFile(
            String format,
            int v,
            String teamId,
            int policyVersion,
            String exportedBy,
            long createdAt,
            List<SignedLogEntry> log,
            byte[] payload,
            byte[] signature) {}

    /** One vault in the payload. */
    public record KitVault(
            String vaultId, String name, Map<Integer, byte[]> wraps, List<ItemResponse> items) {}

    record Payload(List<KitVault> vaults) {}

    /** A vault as opened from a kit. */
    public record OpenedKitVault(String name, OpenedVault vault) {}

    /** An exported kit's bytes and the anchor it opens against (the head of its own log). */
    public record Exported(byte[] file, KitAnchor anchor) {}

    private RecoveryKit() {}

    /** The kit, sealed by {@code exporter} to the policy's recovery key and signed by them. */
    public static Exported export(
            RecoveryLog log, String exporterId, IdentityKeys exporter, List<KitVault> vaults) {
        long now = System.currentTimeMillis();
        int version = log.policy().policyVersion();
        String teamId = log.state().teamId();
        byte[] info = KitSeal.info(teamId, version, exporterId, now, log.state());
        byte[] plain = json(new Payload(vaults));
        try {
            byte[] sealed =
                    Hpke.sealAuth(
                                    log.recoveryPublicKey(),
                                    exporter.encryptionPrivateKey(),
                                    info,
                                    new byte[0],
                                    plain)
                            .toBytes();
            KitFile kit =
                    new KitFile(
                            FORMAT,
                            VERSION,
                            teamId,
                            version,
                            exporterId,
                            now,
                            log.entries(),
                            sealed,
                            KitSeal.sign(exporter, info, sealed));
            return new Exported(json(kit), KitAnchor.of(log.state()));
        } finally {
            Bytes.wipe(plain);
        }
    }

    /**
     * Opens a kit with typed paper shares; needs no server. Before any word is used, the kit's log
     * must verify and end exactly at {@code anchor}, its exporter must be a member at that head,
     * and the exporter's signature must cover the header, the head and the sealed payload.
     *
     * @throws RecoveryException if the file is not a kit of this version, its log does not verify
     *     or ends elsewhere than the anchor, its exporter or signature does not check, the words
     *     are wrong or too few, or the payload does not open
     */
    public static List<OpenedKitVault> open(byte[] file, List<char[]> words, KitAnchor anchor) {
        KitFile kit = KitFiles.read(file);
        RecoveryLog log = RecoveryLog.verify(kit.log());
        anchor.requireHead(log.state());
        if (!log.state().teamId().equals(kit.teamId())
                || log.policy().policyVersion() != kit.policyVersion()) {
            throw new RecoveryException("the kit's log does not match its header");
        }
        TeamState.Member member = log.state().members().get(kit.exportedBy());
        if (member == null) {
            throw new RecoveryException(
                    "the kit's exporter is not a member of the team at the kit's log head");
        }
        PublicBundle exporter = member.bundle();
        byte[] info =
                KitSeal.info(
                        kit.teamId(),
                        kit.policyVersion(),
                        kit.exportedBy(),
                        kit.createdAt(),
                        log.state());
        KitSeal.verify(exporter, info, kit.payload(), kit.signature());
        List<Slip39Share> shares = new ArrayList<>();
        try {
            for (char[] w : words) {
                shares.add(PaperShares.parse(w));
            }
            try (RecoveryKey key = PaperShares.combine(shares, log.recoveryPublicKey())) {
                byte[] plain;
                try {
                    plain =
                            Hpke.openAuth(
                                    key.privateKey(),
                                    exporter.encryptionKey(),
                                    HpkeSealed.fromBytes(kit.payload()),
                                    info,
                                    new byte[0]);
                } catch (CryptoException e) {
                    throw new RecoveryException("the kit's payload does not open");
                }
                try {
                    return openVaults(log, key, exporter, KitFiles.read(plain, Payload.class));
                } finally {
                    Bytes.wipe(plain);
                }
            }
        } finally {
            shares.forEach(Slip39Share::close);
        }
    }

    private static List<OpenedKitVault> openVaults(
            RecoveryLog log, RecoveryKey key, PublicBundle exporter, Payload p) {
        List<OpenedKitVault> out = new ArrayList<>();
        for (KitVault v : p.vaults()) {
            out.add(new OpenedKitVault(v.name(), KitVaults.open(log, key, v, exporter)));
        }
        return out;
    }

    private static byte[] json(Object o) {
        try {
            return WireJson.mapper().writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the kit did not serialise", e);
        }
    }
}
