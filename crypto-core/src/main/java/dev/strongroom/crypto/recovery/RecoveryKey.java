package dev.strongroom.crypto.recovery;

import dev.strongroom.crypto.api.InvalidShareException;
import dev.strongroom.crypto.asym.X25519;
import dev.strongroom.crypto.asym.X25519KeyPair;
import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.slip39.Slip39;
import dev.strongroom.crypto.slip39.Slip39Share;
import java.util.List;

/**
 * A team's break-glass recovery key: an X25519 pair whose private key exists whole only twice, when
 * the owner's client creates and splits it, and when a requester's client combines M shares. Every
 * vault key version is wrapped to its public key like to a member. The 32-byte private key is the
 * SLIP-39 master secret, with no passphrase (the M shares are the whole secret).
 */
public final class RecoveryKey implements AutoCloseable {

    /** The recipient id of wraps addressed to the recovery key. */
    public static final String RECIPIENT_ID = "recovery";

    private final X25519KeyPair pair;

    private RecoveryKey(X25519KeyPair pair) {
        this.pair = pair;
    }

    public static RecoveryKey generate() {
        return new RecoveryKey(X25519.generate());
    }

    public X25519PublicKey publicKey() {
        return pair.publicKey();
    }

    /** M-of-N SLIP-39 shares of the private key (2 <= M <= N <= 16). */
    public List<Slip39Share> split(int threshold, int count) {
        if (threshold < 2 || count < threshold || count > 16) {
            throw new dev.strongroom.crypto.api.ParameterRejectedException(
                    "a recovery split needs 2 <= M <= N <= 16");
        }
        byte[] secret = pair.privateKey().copyBytes();
        try {
            return Slip39.splitSingleGroup(secret, null, threshold, count);
        } finally {
            Bytes.wipe(secret);
        }
    }

    /**
     * Combines exactly M shares and checks the result against the policy's public key, so shares of
     * another (older, or forged) split are refused rather than yielding a wrong key.
     *
     * @throws InvalidShareException if the shares do not combine or belong to another key
     */
    public static RecoveryKey combine(List<Slip39Share> shares, X25519PublicKey expected) {
        byte[] secret = Slip39.combine(shares, null);
        try {
            if (secret.length != X25519PrivateKey.LENGTH) {
                throw new InvalidShareException("the shares do not hold a recovery key");
            }
            X25519PrivateKey key = X25519PrivateKey.fromBytes(secret);
            X25519PublicKey derived = key.publicKey();
            if (!ConstantTime.equals(derived.bytes(), expected.bytes())) {
                key.close();
                throw new InvalidShareException(
                        "the shares belong to another recovery key than the team's policy");
            }
            return new RecoveryKey(new X25519KeyPair(key, derived));
        } finally {
            Bytes.wipe(secret);
        }
    }

    /**
     * Opens a vault key wrapped to the recovery key by {@code senderKey} (from the verified log).
     */
    public VaultKey openVaultKey(
            byte[] wrap, VaultKeyWrap.Binding binding, X25519PublicKey senderKey) {
        if (!RECIPIENT_ID.equals(binding.recipientId())
                || !ConstantTime.equals(binding.recipientKey().bytes(), publicKey().bytes())) {
            throw new dev.strongroom.crypto.api.ParameterRejectedException(
                    "the wrap is not addressed to this recovery key");
        }
        return VaultKeyWrap.open(wrap, binding, pair.privateKey(), senderKey);
    }

    /** The private key, for opening what else is sealed to it (owned by this object). */
    public X25519PrivateKey privateKey() {
        return pair.privateKey();
    }

    @Override
    public void close() {
        pair.close();
    }

    @Override
    public String toString() {
        return "RecoveryKey[private key redacted]";
    }
}
