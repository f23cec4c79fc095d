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
import dev.strongroom.crypto.keys.AccountKey;
import dev.strongroom.crypto.keys.AuthSecret;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.KeyEncryptionKey;
import dev.strongroom.crypto.keys.MasterKey;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.crypto.srp.SrpGroup;
import dev.strongroom.crypto.srp.SrpVerifier;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.wire.RecoveryAccountResetRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

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
     * The member's new credentials for the server, signed with the member's own identity key
     * (opened with the recovered account key), as the account-reset endpoint requires.
     *
     * @param encryptedPrivateKeys the member's identity keys under their account key (served with
     *     the released request)
     * @throws RecoveryException if the scope is not an account, the enrolment does not open, or the
     *     recovered keys are not the member's keys in the verified log
     */
    public static RecoveryAccountResetRequest reset(
            RecoveryLog log,
            RecoveryKey key,
            RecoveryScope scope,
            String requestId,
            byte[] enrolment,
            byte[] encryptedPrivateKeys,
            char[] newPassword,
            KdfParams kdf) {
        if (!RecoveryScope.ACCOUNT.equals(scope.kind())) {
            throw new RecoveryException("the request's scope is not an account");
        }
        String accountId = scope.target();
        PublicBundle member = log.member(accountId);
        byte[] accountKey = openEnrolment(log, key, member, enrolment);
        byte[] kdfSalt = MasterKey.newSalt();
        byte[] srpSalt = Randoms.bytes(SRP_SALT_BYTES);
        try (MasterKey master = MasterKey.derive(newPassword, kdfSalt, kdf);
                AuthSecret auth = master.authSecret();
                KeyEncryptionKey kek = master.keyEncryptionKey();
                SymmetricKey wrapKey = SymmetricKey.takeOwnership(kek.copyBytes())) {
            byte[] verifier = verifier(auth, member.email(), srpSalt);
            byte[] wrapped =
                    Envelope.seal(
                            wrapKey,
                            0,
                            accountKey,
                            Canonical.of("strongroom/v1/account-key").add(accountId).toBytes());
            dev.strongroom.model.wire.KdfParams wireKdf = toWire(kdf, kdfSalt);
            byte[] message =
                    RecoveryAccountResetRequest.message(
                            UUID.fromString(log.state().teamId()),
                            UUID.fromString(requestId),
                            UUID.fromString(accountId),
                            wireKdf,
                            srpSalt,
                            verifier,
                            wrapped);
            return new RecoveryAccountResetRequest(
                    wireKdf,
                    srpSalt,
                    verifier,
                    wrapped,
                    signAsMember(kek, wrapped, encryptedPrivateKeys, member, message));
        } finally {
            Bytes.wipe(accountKey);
        }
    }

    private static byte[] openEnrolment(
            RecoveryLog log, RecoveryKey key, PublicBundle member, byte[] enrolment) {
        try {
            return Hpke.openAuth(
                    key.privateKey(),
                    member.encryptionKey(),
                    HpkeSealed.fromBytes(enrolment),
                    info(log, member.accountId(), key.publicKey()),
                    new byte[0]);
        } catch (CryptoException e) {
            throw new RecoveryException("the account's enrolment does not open with this key");
        }
    }

    private static byte[] verifier(AuthSecret auth, String email, byte[] srpSalt) {
        byte[] secret = auth.copyBytes();
        try {
            return SrpVerifier.compute(
                    SrpGroup.RFC5054_4096_SHA256,
                    email.getBytes(StandardCharsets.UTF_8),
                    secret,
                    srpSalt);
        } finally {
            Bytes.wipe(secret);
        }
    }

    /** Opens the member's identity with the account key just re-wrapped, and signs as them. */
    private static byte[] signAsMember(
            KeyEncryptionKey kek,
            byte[] wrapped,
            byte[] encryptedPrivateKeys,
            PublicBundle member,
            byte[] message) {
        String accountId = member.accountId();
        try (AccountKey ak = kek.unwrap(wrapped, accountId);
                IdentityKeys id = ak.openIdentity(encryptedPrivateKeys, accountId)) {
            if (!id.encryptionPublicKey().equals(member.encryptionKey())
                    || !id.signingPublicKey().equals(member.signingKey())) {
                throw new RecoveryException(
                        "the recovered keys are not the member's keys in the team log");
            }
            return id.sign(message);
        } catch (CryptoException e) {
            throw new RecoveryException("the member's private keys do not open");
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
