package dev.strongroom.client.recovery;

import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.envelope.Envelope;
import dev.strongroom.crypto.hpke.Hpke;
import dev.strongroom.crypto.hpke.HpkeSealed;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.kdf.Pbkdf2Params;
import dev.strongroom.crypto.keys.AuthSecret;
import dev.strongroom.crypto.keys.KeyEncryptionKey;
import dev.strongroom.crypto.keys.MasterKey;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.crypto.srp.SrpGroup;
import dev.strongroom.crypto.srp.SrpVerifier;
import dev.strongroom.model.recovery.RecoveryScope;
import java.nio.charset.StandardCharsets;

/**
 * Forgotten-password recovery. Enrolling seals the member's account key to the recovery key (HPKE
 * auth mode from the member's own key, so nobody else can enrol a key in their name; info binds
 * team, policy version, account and recovery key). Recovering opens it with the combined recovery
 * key, only under an account scope naming that member, and wraps the same account key under a new
 * master password (context A1, as at registration), so the member's identity keys and items are
 * untouched.
 */
public final class AccountRecovery {

    private static final int SRP_SALT_BYTES = 16;

    private AccountRecovery() {}

    /** The member's account key sealed to the current recovery key. */
    public static byte[] enrol(RecoveryLog log, UnlockedSession session) {
        String me = session.accountId().toString();
        log.member(me);
        byte[] raw = session.accountKey().copyBytes();
        try {
            return Hpke.sealAuth(
                            log.recoveryPublicKey(),
                            session.identity().encryptionPrivateKey(),
                            info(log, me, log.recoveryPublicKey()),
                            new byte[0],
                            raw)
                    .toBytes();
        } finally {
            Bytes.wipe(raw);
        }
    }

    /**
     * @throws RecoveryException if the scope is not this account, or the enrolment does not open
     */
    public static NewCredentials reset(
            RecoveryLog log,
            RecoveryKey key,
            RecoveryScope scope,
            byte[] enrolment,
            char[] newPassword,
            KdfParams kdf) {
        if (!RecoveryScope.ACCOUNT.equals(scope.kind())) {
            throw new RecoveryException("the request's scope is not an account");
        }
        String accountId = scope.target();
        dev.strongroom.crypto.keys.PublicBundle member = log.member(accountId);
        byte[] accountKey;
        try {
            accountKey =
                    Hpke.openAuth(
                            key.privateKey(),
                            member.encryptionKey(),
                            HpkeSealed.fromBytes(enrolment),
                            info(log, accountId, key.publicKey()),
                            new byte[0]);
        } catch (CryptoException e) {
            throw new RecoveryException("the account's enrolment does not open with this key");
        }
        byte[] kdfSalt = MasterKey.newSalt();
        byte[] srpSalt = Randoms.bytes(SRP_SALT_BYTES);
        try (MasterKey master = MasterKey.derive(newPassword, kdfSalt, kdf);
                AuthSecret auth = master.authSecret();
                KeyEncryptionKey kek = master.keyEncryptionKey();
                SymmetricKey wrapKey = SymmetricKey.takeOwnership(kek.copyBytes())) {
            byte[] secret = auth.copyBytes();
            byte[] verifier;
            try {
                verifier =
                        SrpVerifier.compute(
                                SrpGroup.RFC5054_4096_SHA256,
                                member.email().getBytes(StandardCharsets.UTF_8),
                                secret,
                                srpSalt);
            } finally {
                Bytes.wipe(secret);
            }
            byte[] wrapped =
                    Envelope.seal(
                            wrapKey,
                            0,
                            accountKey,
                            Canonical.of("strongroom/v1/account-key").add(accountId).toBytes());
            return new NewCredentials(accountId, toWire(kdf, kdfSalt), srpSalt, verifier, wrapped);
        } finally {
            Bytes.wipe(accountKey);
        }
    }

    private static byte[] info(RecoveryLog log, String accountId, X25519PublicKey recoveryKey) {
        return Canonical.of("strongroom/v1/recovery-account-key")
                .add(log.state().teamId())
                .add(log.policy().policyVersion())
                .add(accountId)
                .add(recoveryKey.bytes())
                .toBytes();
    }

    private static dev.strongroom.model.wire.KdfParams toWire(KdfParams params, byte[] salt) {
        if (params instanceof Argon2idParams a) {
            return dev.strongroom.model.wire.KdfParams.argon2id(
                    a.memoryKiB(), a.iterations(), a.parallelism(), salt);
        }
        return dev.strongroom.model.wire.KdfParams.pbkdf2(
                ((Pbkdf2Params) params).iterations(), salt);
    }
}
