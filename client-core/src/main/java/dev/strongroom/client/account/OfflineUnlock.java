package dev.strongroom.client.account;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.session.ServerLogin;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.model.wire.AccountResponse;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.LoginFinishResponse;
import dev.strongroom.model.wire.PreloginResponse;
import java.util.Optional;

/**
 * Unlocking with the server down, from the device's {@link OfflineAccounts} record, and the login
 * that follows once the server is back.
 *
 * <p>Why this is as safe as an online unlock: the record is ciphertext the server served and the
 * device kept. Its KDF parameters pass the same floors and pin as a prelogin's (a weakened copy is
 * refused before the password is used); the wrapped account key opens only under the key the
 * password derives, so a wrong password and an altered record are the same failure; the private
 * keys and the bundle are checked as at login. What is not available offline is the server's proof
 * (SRP M2) that it still knows this password: that comes with the deferred login, which must name
 * the same account.
 */
final class OfflineUnlock {

    private final KdfPinStore pins;
    private final OfflineAccounts records;

    OfflineUnlock(KdfPinStore pins, OfflineAccounts records) {
        this.pins = pins;
        this.records = records;
    }

    Optional<UnlockedSession> unlock(
            ServerApi server, String email, char[] password, String deviceName) {
        String serverId = server.endpoint().id();
        Optional<OfflineAccounts.Record> found = records.find(serverId, email);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PreloginResponse pre = found.get().prelogin();
        AccountResponse account = found.get().account();
        KdfParams params = KdfPolicy.accept(pre.kdf(), pins.pinned(serverId, email));
        AccountService.checkSalts(pre);
        Credentials credentials = Credentials.derive(password, pre.kdf().salt(), params);
        try {
            AccountService.Unlocked unlocked;
            try {
                unlocked = AccountService.unlock(credentials, account, email);
            } catch (SecurityAlert e) {
                if (e.code() != SecurityAlertCode.TAMPERED_DATA) {
                    throw e;
                }
                // Without a server proof first, a wrap that does not open is a wrong password
                // (or a record altered on disk, which the same answer covers).
                throw new WrongPasswordException(e);
            }
            Login login = new Login(server, email, deviceName, credentials, account, pins);
            return Optional.of(
                    UnlockedSession.offline(
                            server,
                            login,
                            account.accountId(),
                            email,
                            unlocked.accountKey(),
                            unlocked.identity(),
                            unlocked.bundle()));
        } catch (RuntimeException e) {
            credentials.close();
            throw e;
        }
    }

    /** Keeps the offline record's prelogin and account data in step with a new password. */
    static void afterPasswordChange(
            OfflineAccounts records,
            String serverId,
            String email,
            dev.strongroom.model.wire.KdfParams kdf,
            byte[] srpSalt,
            byte[] wrappedAccountKey) {
        Optional<OfflineAccounts.Record> old = records.find(serverId, email);
        if (old.isEmpty()) {
            return;
        }
        AccountResponse a = old.get().account();
        records.save(
                serverId,
                email,
                new OfflineAccounts.Record(
                        new PreloginResponse(kdf, srpSalt),
                        new AccountResponse(
                                a.accountId(),
                                a.email(),
                                kdf,
                                wrappedAccountKey,
                                a.encryptedPrivateKeys(),
                                a.publicBundle(),
                                a.createdAt())));
    }

    /** The deferred login: SRP with the kept credentials, checked like any login. */
    private record Login(
            ServerApi server,
            String email,
            String deviceName,
            Credentials credentials,
            AccountResponse account,
            KdfPinStore pins)
            implements ServerLogin {

        @Override
        public Ticket login() {
            String serverId = server.endpoint().id();
            PreloginResponse pre = server.prelogin(email);
            KdfPolicy.accept(pre.kdf(), pins.pinned(serverId, email));
            AccountService.checkSalts(pre);
            LoginFinishResponse finish;
            try {
                finish =
                        AccountService.authenticate(
                                server,
                                email,
                                credentials,
                                pre.srpSalt(),
                                proof ->
                                        server.loginFinish(
                                                new LoginFinishRequest(proof, deviceName)),
                                LoginFinishResponse::serverProofM2);
            } catch (WrongPasswordException e) {
                throw new WrongPasswordException(
                        "the master password this device was unlocked with no longer logs in"
                                + " (changed on another device?): lock, then unlock again",
                        e);
            }
            if (!account.accountId().equals(finish.account().accountId())) {
                throw new SecurityAlert(
                        SecurityAlertCode.TAMPERED_DATA,
                        "the server answered the deferred login with another account");
            }
            return new Ticket(AccountService.sessionToken(finish), finish.session().sessionId());
        }

        @Override
        public void close() {
            credentials.close();
        }

        @Override
        public String toString() {
            return "OfflineUnlock.Login[redacted]";
        }
    }
}
