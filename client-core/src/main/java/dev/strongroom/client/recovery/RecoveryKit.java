package dev.strongroom.client.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.hpke.Hpke;
import dev.strongroom.crypto.hpke.HpkeSealed;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.crypto.slip39.Slip39Share;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline recovery kit: one file that opens with M paper shares on a machine with no server. It
 * carries the team's signed log (so the opener verifies the chain, the policy's recovery public key
 * and the exporter's bundle from the entries themselves) and one payload sealed by the exporter
 * (HPKE auth mode) to the recovery public key: every vault's name, its key versions wrapped to the
 * recovery key (V1) and its live items as signed revisions. The payload's info binds team, policy
 * version, exporter and time, so a kit cannot be passed off as another team's or exporter's.
 */
public final class RecoveryKit {

    public static final String FORMAT = "strongroom-recovery-kit";
    public static final int VERSION = 1;

    /** The file: public, verifiable parts and the sealed payload. */
    public record KitFile(
            String format,
            int v,
            String teamId,
            int policyVersion,
            String exportedBy,
            long createdAt,
            List<SignedLogEntry> log,
            byte[] payload) {}

    /** One vault in the payload. */
    public record KitVault(
            String vaultId, String name, Map<Integer, byte[]> wraps, List<ItemResponse> items) {}

    record Payload(List<KitVault> vaults) {}

    /** A vault as opened from a kit. */
    public record OpenedKitVault(String name, OpenedVault vault) {}

    private RecoveryKit() {}

    /** The kit's bytes, sealed by {@code exporter} to the policy's recovery key. */
    public static byte[] export(
            RecoveryLog log, String exporterId, IdentityKeys exporter, List<KitVault> vaults) {
        long now = System.currentTimeMillis();
        int version = log.policy().policyVersion();
        byte[] plain = json(new Payload(vaults));
        try {
            byte[] sealed =
                    Hpke.sealAuth(
                                    log.recoveryPublicKey(),
                                    exporter.encryptionPrivateKey(),
                                    info(log.state().teamId(), version, exporterId, now),
                                    new byte[0],
                                    plain)
                            .toBytes();
            return json(
                    new KitFile(
                            FORMAT,
                            VERSION,
                            log.state().teamId(),
                            version,
                            exporterId,
                            now,
                            log.entries(),
                            sealed));
        } finally {
            Bytes.wipe(plain);
        }
    }

    /**
     * The team anchor a kit is opened against: the SHA-256 hash of the team's genesis entry (which
     * names the team and its first owner's keys) as 64 hex digits in groups of eight. Printed at
     * export and by {@code recovery status}; the opener types it from where the team keeps it, so a
     * kit whose log starts from any other genesis (a forged team around the real recovery public
     * key, sealed by a made-up exporter) is refused before any word is used.
     */
    public static String anchor(RecoveryLog log) {
        String hex = HexFormat.of().formatHex(log.state().genesisHash());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 8) {
            out.append(i == 0 ? "" : "-").append(hex, i, i + 8);
        }
        return out.toString();
    }

    /**
     * Opens a kit with typed paper shares; needs no server. The kit's log must verify from a
     * genesis entry whose hash is {@code expectedAnchor} (see {@link #anchor}).
     *
     * @throws RecoveryException if the file is not a kit, its log does not verify or starts from
     *     another genesis than the anchor, the words are wrong or too few, or the payload does not
     *     open
     */
    public static List<OpenedKitVault> open(
            byte[] file, List<char[]> words, String expectedAnchor) {
        KitFile kit = read(file, KitFile.class);
        if (!FORMAT.equals(kit.format()) || kit.v() != VERSION) {
            throw new RecoveryException("not a recovery kit of a supported version");
        }
        RecoveryLog log = RecoveryLog.verify(kit.log());
        requireAnchor(log, expectedAnchor);
        if (!log.state().teamId().equals(kit.teamId())
                || log.policy().policyVersion() != kit.policyVersion()) {
            throw new RecoveryException("the kit's log does not match its header");
        }
        PublicBundle exporter =
                log.everMember(kit.exportedBy())
                        .orElseThrow(() -> new RecoveryException("the kit's exporter is unknown"));
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
                                    info(
                                            kit.teamId(),
                                            kit.policyVersion(),
                                            kit.exportedBy(),
                                            kit.createdAt()),
                                    new byte[0]);
                } catch (CryptoException e) {
                    throw new RecoveryException("the kit's payload does not open");
                }
                try {
                    return openVaults(log, key, exporter, read(plain, Payload.class));
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

    private static void requireAnchor(RecoveryLog log, String expected) {
        if (expected == null || expected.isBlank()) {
            throw new RecoveryException(
                    "a kit opens only against the team anchor printed when it was exported");
        }
        String typed = expected.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        byte[] want;
        try {
            want = HexFormat.of().parseHex(typed);
        } catch (IllegalArgumentException e) {
            throw new RecoveryException("the team anchor must be 64 hex digits");
        }
        if (want.length != 32 || !ConstantTime.equals(want, log.state().genesisHash())) {
            throw new RecoveryException(
                    "the kit's log is not this team's: its genesis does not match the anchor");
        }
    }

    static byte[] info(String teamId, int policyVersion, String exporterId, long createdAt) {
        return Canonical.of("strongroom/v1/recovery-kit")
                .add(teamId)
                .add(policyVersion)
                .add(exporterId)
                .add(createdAt)
                .toBytes();
    }

    private static byte[] json(Object o) {
        try {
            return WireJson.mapper().writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the kit did not serialise", e);
        }
    }

    private static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return WireJson.mapper().readValue(bytes, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new RecoveryException("the file is not a well-formed recovery kit");
        }
    }
}
