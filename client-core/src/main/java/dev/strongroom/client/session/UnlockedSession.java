package dev.strongroom.client.session;

import dev.strongroom.client.api.BearerToken;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.crypto.keys.AccountKey;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import java.util.Objects;
import java.util.UUID;

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
    private final BearerToken token;
    private final UUID sessionId;
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
        this.server = Objects.requireNonNull(server, "server");
        this.token = Objects.requireNonNull(token, "token");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.email = Objects.requireNonNull(email, "email");
        this.accountKey = Objects.requireNonNull(accountKey, "accountKey");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.publicBundle = Objects.requireNonNull(publicBundle, "publicBundle");
    }

    public synchronized ServerApi server() {
        requireUnlocked();
        return server;
    }

    public synchronized BearerToken token() {
        requireUnlocked();
        return token;
    }

    /** The server's id of this session (to tell it apart in the session list). */
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
                token.forget();
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
