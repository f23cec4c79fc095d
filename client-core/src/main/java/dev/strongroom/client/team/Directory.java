package dev.strongroom.client.team;

import dev.strongroom.client.account.KnownKeys;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.wire.Emails;
import dev.strongroom.model.wire.PublicAccountResponse;
import java.util.UUID;

/**
 * The server's public-key directory, read with suspicion: a bundle is returned only if its
 * self-signature verifies and it names the account and email that were asked for. That proves the
 * bundle is self-consistent, not that it is the person's: only a fingerprint check or an invite
 * code does that ({@link TeamService}).
 */
final class Directory {

    private final UnlockedSession session;

    Directory(UnlockedSession session) {
        this.session = session;
    }

    PublicBundle byEmail(String email) {
        String normalized = Emails.normalize(email);
        PublicAccountResponse r = session.server().directoryByEmail(session.token(), normalized);
        PublicBundle b = checked(r);
        if (!b.email().equals(normalized)) {
            throw new SecurityAlert(
                    SecurityAlertCode.KEY_SUBSTITUTION,
                    "the directory answered for " + normalized + " with another account's key");
        }
        return b;
    }

    /**
     * As {@link #byEmail}, and the key must be the one this session already verified for that
     * account, if any ({@link KnownKeys}: a member in a verified log, or a pinned key).
     */
    PublicBundle knownByEmail(String email) {
        PublicBundle b = byEmail(email);
        KnownKeys.of(session).check(b);
        return b;
    }

    /** By account id, checked against the keys this session already verified. */
    PublicBundle byId(String accountId) {
        PublicAccountResponse r =
                session.server().directoryById(session.token(), UUID.fromString(accountId));
        PublicBundle b = checked(r);
        if (!b.accountId().equals(accountId)) {
            throw new SecurityAlert(
                    SecurityAlertCode.KEY_SUBSTITUTION,
                    "the directory answered for " + accountId + " with another account's key");
        }
        KnownKeys.of(session).check(b);
        return b;
    }

    private static PublicBundle checked(PublicAccountResponse r) {
        PublicBundle b;
        try {
            b = r.publicBundle().toUnverified().verifySelfSignature();
        } catch (CryptoException | NullPointerException | IllegalArgumentException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.KEY_SUBSTITUTION, "a directory bundle does not verify");
        }
        if (r.accountId() == null
                || !r.accountId().toString().equals(b.accountId())
                || !b.email().equals(r.email())) {
            throw new SecurityAlert(
                    SecurityAlertCode.KEY_SUBSTITUTION,
                    "a directory answer does not match its bundle");
        }
        return b;
    }
}
