package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.hpke.Hpke;
import dev.strongroom.crypto.hpke.HpkeSealed;

/**
 * Gives a vault key to one recipient (member, machine account or the team recovery key) with HPKE
 * in auth mode: the recipient learns the key and that the granting member's identity produced the
 * wrap. The HPKE info binds team, vault, key version, recipient id and recipient key, so a wrap
 * cannot be replayed for another vault, version or person, and a substituted recipient key makes
 * the binding (and the signed grant that carries its digest) disagree.
 */
public final class VaultKeyWrap {

    private VaultKeyWrap() {}

    /** Identifies one wrap: everything the HPKE info binds. */
    public record Binding(
            String teamId,
            String vaultId,
            int keyVersion,
            String recipientId,
            X25519PublicKey recipientKey) {
        byte[] info() {
            return Contexts.vaultKeyWrap(
                    teamId, vaultId, keyVersion, recipientId, recipientKey.bytes());
        }
    }

    public static byte[] seal(VaultKey vaultKey, Binding binding, IdentityKeys sender) {
        if (vaultKey.version() != binding.keyVersion()) {
            throw new dev.strongroom.crypto.api.ParameterRejectedException(
                    "binding names key version "
                            + binding.keyVersion()
                            + " but the vault key is version "
                            + vaultKey.version());
        }
        byte[] raw = vaultKey.copyBytes();
        try {
            return Hpke.sealAuth(
                            binding.recipientKey(),
                            sender.encryptionPrivateKey(),
                            binding.info(),
                            new byte[0],
                            raw)
                    .toBytes();
        } finally {
            Bytes.wipe(raw);
        }
    }

    /**
     * Opens a wrap with the recipient's private key (a member's identity key or the recovery key),
     * made by the holder of {@code senderKey} (taken from the verified membership log, never from
     * the server's say-so).
     */
    public static VaultKey open(
            byte[] wrap,
            Binding binding,
            X25519PrivateKey recipientKey,
            X25519PublicKey senderKey) {
        byte[] raw =
                Hpke.openAuth(
                        recipientKey,
                        senderKey,
                        HpkeSealed.fromBytes(wrap),
                        binding.info(),
                        new byte[0]);
        return VaultKey.fromBytes(raw, binding.keyVersion());
    }
}
