package dev.strongroom.client.session;

import dev.strongroom.client.api.BearerToken;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.crypto.keys.AccountKey;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * An account logged in and unlocked on this device: the server session (token and id) and the
 * account's secrets, the {@link AccountKey} and the {@link IdentityKeys}, with the account's own
 * verified {@link PublicBundle}.
 *
 * <p>The session owns its keys. {@link #lock()} (or {@link #close()}) wipes them and drops the
 * token; afterwards every accessor throws {@link SessionLockedException}, so nothing can keep using
 * a locked session by accident. Keys handed out by the accessors are the session's own instances:
 * do not close them, and do not keep them beyond the session. Nothing secret appears in {@link
 * #toString()}. Thread-safe.
 */
public final class UnlockedSession implements AutoCloseable {

    private final ServerApi server;
    private BearerToken token;
    private UUID sessionId;
    private ServerLogin pendingLogin;
    private final LoginBackoff backoff;
    private final UUID accountId;
    private final String email;
    private final AccountKey accountKey;
    private final IdentityKeys identity;
    private final PublicBundle publicBundle;
    private boolean locked;

    /**
     * Takes ownership of {@code accountKey} and {@code identity} (they are wiped by {@link
     * #lock()}). Built by the account flows once every check has passed.
     */
    public UnlockedSession(
            ServerApi server,
            BearerToken token,
            UUID sessionId,
            UUID accountId,
            String email,
            AccountKey accountKey,
            IdentityKeys identity,
            PublicBundle publicBundle) {
        this(
                server,
                Objects.requireNonNull(token, "token"),
                Objects.requireNonNull(sessionId, "sessionId"),
                null,
                accountId,
                email,
                accountKey,
                identity,
                publicBundle,
                System::nanoTime);
    }

    private UnlockedSession(
            ServerApi server,
            BearerToken token,
            UUID sessionId,
            ServerLogin pendingLogin,
            UUID accountId,
            String email,
            AccountKey accountKey,
            IdentityKeys identity,
            PublicBundle publicBundle,
            LongSupplier nanoClock) {
        this.backoff = new LoginBackoff(nanoClock);
        this.server = Objects.requireNonNull(server, "server");
        this.token = token;
        this.sessionId = sessionId;
        this.pendingLogin = pendingLogin;
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.email = Objects.requireNonNull(email, "email");
        this.accountKey = Objects.requireNonNull(accountKey, "accountKey");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.publicBundle = Objects.requireNonNull(publicBundle, "publicBundle");
    }

    /**
     * A session unlocked with no server (from the device's offline record): it has no server
     * session until {@link #token()} first succeeds in logging in through {@code login}, which the
     * session then owns and closes.
     */
    public static UnlockedSession offline(
            ServerApi server,
            ServerLogin login,
            UUID accountId,
            String email,
            AccountKey accountKey,
            IdentityKeys identity,
            PublicBundle publicBundle) {
        return offline(
                server,
                login,
                accountId,
                email,
                accountKey,
                identity,
                publicBundle,
                System::nanoTime);
    }

    /** {@link #offline} with the clock the login backoff reads (tests). */
    static UnlockedSession offline(
            ServerApi server,
            ServerLogin login,
            UUID accountId,
            String email,
            AccountKey accountKey,
            IdentityKeys identity,
            PublicBundle publicBundle,
            LongSupplier nanoClock) {
        return new UnlockedSession(
                server,
                null,
                null,
                Objects.requireNonNull(login, "login"),
                accountId,
                email,
                accountKey,
                identity,
                publicBundle,
                nanoClock);
    }

    public synchronized ServerApi server() {
        requireUnlocked();
        return server;
    }

    /**
     * The server session's token. A session unlocked offline logs in first: each call tries again
     * while the server refuses connections, but after an attempt that timed out calls fail at once
     * for a while ({@link LoginBackoff}) so that a dead remote host does not stall every call.
     *
     * @throws ServerUnreachableException offline, server still down
     */
    public synchronized BearerToken token() {
        requireUnlocked();
        if (token == null) {
            backoff.checkMayAttempt();
            long started = backoff.now();
            ServerLogin.Ticket ticket;
            try {
                ticket = pendingLogin.login();
            } catch (ServerUnreachableException e) {
                backoff.failed(started);
                throw e;
            }
            token = ticket.token();
            sessionId = ticket.sessionId();
            pendingLogin.close();
            pendingLogin = null;
        }
        return token;
    }

    /** True while a session unlocked offline has not yet reached the server (false once locked). */
    public synchronized boolean isOffline() {
        return pendingLogin != null;
    }

    /**
     * The server's id of this session (to tell it apart in the session list); null while {@link
     * #isOffline()}.
     */
    public synchronized UUID sessionId() {
        requireUnlocked();
        return sessionId;
    }

    public synchronized UUID accountId() {
        requireUnlocked();
        return accountId;
    }

    /** The normalised email (the SRP identity and the email in the bundle). */
    public synchronized String email() {
        requireUnlocked();
        return email;
    }

    public synchronized AccountKey accountKey() {
        requireUnlocked();
        return accountKey;
    }

    public synchronized IdentityKeys identity() {
        requireUnlocked();
        return identity;
    }

    /** The account's own bundle, checked against the decrypted private keys at login. */
    public synchronized PublicBundle publicBundle() {
        requireUnlocked();
        return publicBundle;
    }

    public synchronized boolean isLocked() {
        return locked;
    }

    /** Wipes the account key and the identity private keys and drops the token. Idempotent. */
    public synchronized void lock() {
        if (locked) {
            return;
        }
        locked = true;
        try {
            accountKey.destroy();
        } finally {
            try {
                identity.close();
            } finally {
                if (token != null) {
                    token.forget();
                }
                if (pendingLogin != null) {
                    pendingLogin.close();
                    pendingLogin = null;
                }
            }
        }
    }

    @Override
    public void close() {
        lock();
    }

    private void requireUnlocked() {
        if (locked) {
            throw new SessionLockedException();
        }
    }

    @Override
    public synchronized String toString() {
        return "UnlockedSession[account="
                + accountId
                + ", server="
                + server.endpoint()
                + (locked ? ", locked]" : ", unlocked, secrets redacted]");
    }
}
