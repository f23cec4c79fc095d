package dev.strongroom.client.account;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.AuthenticationException;
import dev.strongroom.client.api.BearerToken;
import dev.strongroom.client.api.MalformedResponseException;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.keys.AccountKey;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.MasterKey;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.srp.SrpClient;
import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.wire.AccountResponse;
import dev.strongroom.model.wire.ChangePasswordRequest;
import dev.strongroom.model.wire.ChangePasswordResponse;
import dev.strongroom.model.wire.DeleteAccountRequest;
import dev.strongroom.model.wire.Emails;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.LoginFinishResponse;
import dev.strongroom.model.wire.LoginStartResponse;
import dev.strongroom.model.wire.PreloginResponse;
import dev.strongroom.model.wire.PublicAccountResponse;
import dev.strongroom.model.wire.RegisterRequest;
import dev.strongroom.model.wire.SessionInfo;
import dev.strongroom.model.wire.SrpProof;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The account flows of a client against a server it does not trust: register, log in and unlock,
 * change the master password, log out, manage sessions, delete the account, and look up other
 * accounts' public bundles.
 *
 * <p>What is refused, and how:
 *
 * <ul>
 *   <li>KDF parameters below the floors, beyond the ceilings, or weaker than the ones pinned for
 *       this account on this server: {@link SecurityAlert} {@code KDF_DOWNGRADE} / {@code
 *       KDF_OUT_OF_RANGE}, before the password is used at all;
 *   <li>a server that cannot prove knowledge of the SRP verifier (wrong M2, B = 0 mod N): {@code
 *       SERVER_NOT_AUTHENTICATED}; nothing from its answer is used;
 *   <li>a wrapped account key or sealed private keys that do not authenticate although the SRP
 *       proof succeeded: {@code TAMPERED_DATA} (an unknown envelope format: {@code
 *       FORMAT_DOWNGRADE}); a public bundle whose keys are not the decrypted private keys' or which
 *       names another account: {@code KEY_SUBSTITUTION}; a bad self-signature: {@code
 *       BAD_SIGNATURE};
 *   <li>a wrong email or password: {@link WrongPasswordException}.
 * </ul>
 *
 * Passwords are {@code char[]} that are read, never modified or kept: the caller wipes them. Every
 * KDF run costs what the account's parameters say (default Argon2id 64 MiB, t = 3).
 */
public final class AccountService {

    static final int SRP_SALT_BYTES = 16;

    private final KdfPinStore pins;
    private final OfflineAccounts offline;

    /** Accounts with no offline unlock on this device. */
    public AccountService(KdfPinStore pins) {
        this(pins, null);
    }

    /**
     * Accounts that keep, in {@code offline}, what {@link #unlockOffline} needs (renewed at each
     * login and password change, dropped at logout and deletion).
     */
    public AccountService(KdfPinStore pins, OfflineAccounts offline) {
        this.pins = Objects.requireNonNull(pins, "pins");
        this.offline = offline;
    }

    /**
     * Creates an account: fresh account id, KDF and SRP salts, account key and identity key pairs;
     * the SRP verifier, wrapped account key, sealed private keys and self-signed bundle go to the
     * server; the KDF parameters are pinned locally. Does not log in.
     *
     * @param kdf the password-hashing parameters to use (validated by their record)
     */
    public Registration register(ServerApi server, String email, char[] password, KdfParams kdf) {
        Objects.requireNonNull(kdf, "kdf");
        requirePassword(password);
        String normalized = normalize(email);
        UUID accountId = randomUuid();
        String id = accountId.toString();
        byte[] kdfSalt = MasterKey.newSalt();
        byte[] srpSalt = Randoms.bytes(SRP_SALT_BYTES);
        RegisterRequest request;
        PublicBundle bundle;
        try (Credentials credentials = Credentials.derive(password, kdfSalt, kdf);
                AccountKey accountKey = AccountKey.generate();
                IdentityKeys identity = IdentityKeys.generate()) {
            bundle = identity.publicBundle(id, normalized, System.currentTimeMillis());
            request =
                    new RegisterRequest(
                            accountId,
                            normalized,
                            KdfPolicy.toWire(kdf, kdfSalt),
                            srpSalt,
                            credentials.verifier(normalized, srpSalt),
                            credentials.kek().wrap(accountKey, id),
                            accountKey.sealIdentity(identity, id),
                            PublicBundleJson.of(bundle));
        }
        AccountResponse created;
        try {
            created = server.register(request);
        } finally {
            // The verifier is not password-equivalent but allows offline guessing: drop it.
            Bytes.wipe(request.srpVerifier());
        }
        if (!created.accountId().equals(accountId) || !created.email().equals(normalized)) {
            throw new MalformedResponseException(
                    "the server confirmed a registration for another account");
        }
        pins.pin(server.endpoint().id(), normalized, kdf);
        return new Registration(accountId, normalized, bundle);
    }

    /**
     * Logs in with SRP-6a and unlocks the account: prelogin (parameters checked against floors and
     * pin), one KDF run, SRP with the server's proof M2 verified, then the account key unwrapped,
     * the private keys opened and the account's public bundle checked against them. Pins the KDF
     * parameters on success (first login included).
     *
     * @param deviceName shown in the session list (1 to 100 characters)
     * @throws WrongPasswordException if the email or password is wrong
     * @throws SecurityAlert if the server tried any of the attacks listed on this class
     */
    public UnlockedSession login(
            ServerApi server, String email, char[] password, String deviceName) {
        requirePassword(password);
        Objects.requireNonNull(deviceName, "deviceName");
        String normalized = normalize(email);
        String serverId = server.endpoint().id();
        PreloginResponse pre = server.prelogin(normalized);
        KdfParams params = KdfPolicy.accept(pre.kdf(), pins.pinned(serverId, normalized));
        checkSalts(pre);
        try (Credentials credentials = Credentials.derive(password, pre.kdf().salt(), params)) {
            LoginFinishResponse finish =
                    authenticate(
                            server,
                            normalized,
                            credentials,
                            pre.srpSalt(),
                            proof -> server.loginFinish(new LoginFinishRequest(proof, deviceName)),
                            LoginFinishResponse::serverProofM2);
            BearerToken token = sessionToken(finish);
            AccountResponse account = finish.account();
            Unlocked unlocked = unlock(credentials, account, normalized);
            pins.pin(serverId, normalized, params);
            if (offline != null) {
                offline.save(serverId, normalized, new OfflineAccounts.Record(pre, account));
            }
            return new UnlockedSession(
                    server,
                    token,
                    finish.session().sessionId(),
                    account.accountId(),
                    normalized,
                    unlocked.accountKey(),
                    unlocked.identity(),
                    unlocked.bundle());
        }
    }

    /**
     * Changes the master password: the same account key is re-wrapped under the new password's
     * key-encryption key and a new SRP verifier replaces the old one, in one server transaction
     * that also revokes every other session. Proves the current password with a fresh SRP run and
     * checks the server's M2. Two KDF runs (current and new parameters). Re-pins the KDF to the new
     * parameters, which the user chose.
     *
     * @return how many other sessions the server revoked
     */
    public int changePassword(
            UnlockedSession session, char[] currentPassword, char[] newPassword, KdfParams kdf) {
        Objects.requireNonNull(kdf, "kdf");
        requirePassword(currentPassword);
        requirePassword(newPassword);
        ServerApi server = session.server();
        String email = session.email();
        String serverId = server.endpoint().id();
        PreloginResponse pre = server.prelogin(email);
        KdfParams params = KdfPolicy.accept(pre.kdf(), pins.pinned(serverId, email));
        checkSalts(pre);
        byte[] kdfSalt = MasterKey.newSalt();
        byte[] srpSalt = Randoms.bytes(SRP_SALT_BYTES);
        byte[] verifier;
        byte[] wrapped;
        try (Credentials next = Credentials.derive(newPassword, kdfSalt, kdf)) {
            verifier = next.verifier(email, srpSalt);
            wrapped = next.kek().wrap(session.accountKey(), session.accountId().toString());
        }
        ChangePasswordResponse response;
        try (Credentials current = Credentials.derive(currentPassword, pre.kdf().salt(), params)) {
            response =
                    authenticate(
                            server,
                            email,
                            current,
                            pre.srpSalt(),
                            proof ->
                                    server.changePassword(
                                            session.token(),
                                            new ChangePasswordRequest(
                                                    proof,
                                                    KdfPolicy.toWire(kdf, kdfSalt),
                                                    srpSalt,
                                                    verifier,
                                                    wrapped)),
                            ChangePasswordResponse::serverProofM2);
        } finally {
            Bytes.wipe(verifier);
        }
        pins.pin(serverId, email, kdf);
        if (offline != null) {
            OfflineUnlock.afterPasswordChange(
                    offline, serverId, email, KdfPolicy.toWire(kdf, kdfSalt), srpSalt, wrapped);
        }
        return response.revokedSessions();
    }

    /**
     * The password-hashing parameters this device has pinned for the session's account (what the
     * last login or password change accepted); empty if none is pinned. Front ends show it and
     * offer {@link #changePassword} with stronger parameters (the same password twice) as a KDF
     * upgrade.
     */
    public java.util.Optional<KdfParams> pinnedKdf(UnlockedSession session) {
        return pins.pinned(session.server().endpoint().id(), session.email());
    }

    /**
     * Unlocks from this device's offline record when the server cannot be reached: the same KDF,
     * unwrap and bundle checks as a login, with no server session until one is needed (see {@link
     * UnlockedSession#offline}). Empty if this device keeps no record for the account.
     *
     * @throws WrongPasswordException if the password does not open the record
     */
    public java.util.Optional<UnlockedSession> unlockOffline(
            ServerApi server, String email, char[] password, String deviceName) {
        requirePassword(password);
        Objects.requireNonNull(deviceName, "deviceName");
        if (offline == null) {
            return java.util.Optional.empty();
        }
        return new OfflineUnlock(pins, offline)
                .unlock(server, normalize(email), password, deviceName);
    }

    /** Ends the session on the server, then locks it locally (also if the server call fails). */
    public void logout(UnlockedSession session) {
        if (offline != null) {
            offline.forget(session.server().endpoint().id(), session.email());
        }
        try {
            session.server().logout(session.token());
        } finally {
            session.lock();
        }
    }

    /** The account's live sessions (one per logged-in device). */
    public List<SessionInfo> listSessions(UnlockedSession session) {
        return session.server().sessions(session.token());
    }

    /** Revokes one of the account's sessions (another device, or this one). */
    public void revokeSession(UnlockedSession session, UUID sessionId) {
        session.server().revokeSession(session.token(), Objects.requireNonNull(sessionId));
    }

    /**
     * Deletes the account after a fresh proof of the master password, forgets its KDF pin and locks
     * the session.
     */
    public void deleteAccount(UnlockedSession session, char[] password) {
        requirePassword(password);
        ServerApi server = session.server();
        String email = session.email();
        String serverId = server.endpoint().id();
        PreloginResponse pre = server.prelogin(email);
        KdfParams params = KdfPolicy.accept(pre.kdf(), pins.pinned(serverId, email));
        checkSalts(pre);
        try (Credentials credentials = Credentials.derive(password, pre.kdf().salt(), params)) {
            authenticate(
                    server,
                    email,
                    credentials,
                    pre.srpSalt(),
                    proof -> {
                        server.deleteAccount(session.token(), new DeleteAccountRequest(proof));
                        return null;
                    },
                    null);
        }
        pins.forget(serverId, email);
        if (offline != null) {
            offline.forget(serverId, email);
        }
        session.lock();
    }

    /**
     * Another account's public bundle from the server's directory, by email, with its
     * self-signature verified and its account id and email checked against the query. The server
     * could still answer with a key pair of its own making: before trusting the bundle, compare its
     * {@code fingerprint()} out of band (or check an invite code).
     *
     * @throws dev.strongroom.client.api.NotFoundException if there is no such account
     *     <p>A bundle for an account whose key this session already verified (a member in a
     *     verified membership log, or a key pinned after a fingerprint check) must be that key
     *     ({@link KnownKeys}).
     * @throws SecurityAlert BAD_SIGNATURE, KEY_SUBSTITUTION, or UNEXPECTED_KEY_CHANGE
     */
    public PublicBundle lookup(UnlockedSession session, String email) {
        String normalized = normalize(email);
        PublicAccountResponse r = session.server().directoryByEmail(session.token(), normalized);
        return known(session, Bundles.verifyDirectoryEntry(r, normalized, null));
    }

    /** As {@link #lookup(UnlockedSession, String)}, by account id. */
    public PublicBundle lookup(UnlockedSession session, UUID accountId) {
        PublicAccountResponse r =
                session.server().directoryById(session.token(), Objects.requireNonNull(accountId));
        return known(session, Bundles.verifyDirectoryEntry(r, null, accountId));
    }

    /** A directory bundle checked against the keys this session already verified (gap 4). */
    private static PublicBundle known(UnlockedSession session, PublicBundle served) {
        KnownKeys.of(session).check(served);
        return served;
    }

    /**
     * SRP step one, the client's response, the caller's step two, then the server's proof M2 (when
     * the step answers one). A refused proof is a wrong password.
     */
    static <T> T authenticate(
            ServerApi server,
            String email,
            Credentials credentials,
            byte[] srpSalt,
            Function<SrpProof, T> stepTwo,
            Function<T, byte[]> serverProof) {
        LoginStartResponse start = server.loginStart(email);
        if (start.serverPublicB().length != Credentials.GROUP.length()) {
            throw new SecurityAlert(
                    SecurityAlertCode.SERVER_NOT_AUTHENTICATED,
                    "the server's SRP value B has the wrong length");
        }
        try (SrpClient srp = credentials.srpClient(email, srpSalt)) {
            byte[] m1;
            try {
                m1 = srp.respond(start.serverPublicB());
            } catch (AuthenticationFailedException e) {
                throw new SecurityAlert(
                        SecurityAlertCode.SERVER_NOT_AUTHENTICATED,
                        "the server sent an invalid SRP value B",
                        e);
            }
            T answer;
            try {
                answer = stepTwo.apply(new SrpProof(start.loginId(), srp.publicA(), m1));
            } catch (AuthenticationException e) {
                if (e.is(ErrorCode.LOGIN_FAILED)) {
                    throw new WrongPasswordException(e);
                }
                throw e;
            }
            if (serverProof != null) {
                try {
                    srp.verifyServer(serverProof.apply(answer));
                } catch (AuthenticationFailedException e) {
                    throw new SecurityAlert(
                            SecurityAlertCode.SERVER_NOT_AUTHENTICATED,
                            "its SRP proof M2 is wrong; nothing from it was used",
                            e);
                }
            }
            return answer;
        }
    }

    record Unlocked(AccountKey accountKey, IdentityKeys identity, PublicBundle bundle) {}

    /** Unwraps the account key, opens the private keys and checks the own bundle against them. */
    static Unlocked unlock(Credentials credentials, AccountResponse account, String normalized) {
        if (!account.email().equals(normalized)) {
            throw new SecurityAlert(
                    SecurityAlertCode.TAMPERED_DATA,
                    "the server answered a login with another account's data");
        }
        String id = account.accountId().toString();
        AccountKey accountKey =
                Envelopes.open(
                        () -> credentials.kek().unwrap(account.wrappedAccountKey(), id),
                        "the account key");
        try {
            IdentityKeys identity =
                    Envelopes.open(
                            () -> accountKey.openIdentity(account.encryptedPrivateKeys(), id),
                            "the account's private keys");
            try {
                PublicBundle bundle =
                        Bundles.verifyOwn(account.publicBundle(), identity, id, normalized);
                return new Unlocked(accountKey, identity, bundle);
            } catch (RuntimeException e) {
                identity.close();
                throw e;
            }
        } catch (RuntimeException e) {
            accountKey.close();
            throw e;
        }
    }

    static void checkSalts(PreloginResponse pre) {
        if (pre.kdf().salt().length != MasterKey.SALT_LENGTH
                || pre.srpSalt().length != SRP_SALT_BYTES) {
            throw new MalformedResponseException(
                    "the server's prelogin reply has salts of the wrong length");
        }
    }

    private static void requirePassword(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("the master password must not be empty");
        }
    }

    /** The session token of a login reply, checked for shape. */
    static BearerToken sessionToken(LoginFinishResponse finish) {
        try {
            return BearerToken.of(finish.sessionToken());
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException(
                    "the server's login reply carries no valid session token");
        }
    }

    static String normalize(String email) {
        return Emails.normalize(email);
    }

    /** A version-4 UUID from the project's one SecureRandom. */
    static UUID randomUuid() {
        byte[] b = Randoms.bytes(16);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong());
    }
}
