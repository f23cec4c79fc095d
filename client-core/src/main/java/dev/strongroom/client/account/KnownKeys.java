package dev.strongroom.client.account;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.keys.PublicBundle;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The other accounts' keys an unlocked session already knows from verified sources: members'
 * bundles in the verified membership logs of its cache (registered by the sync engine) and keys a
 * person pinned after comparing fingerprints or using an invite code (registered by the team
 * service). A directory answer is compared with them (docs/SECURITY.md, gap 4): the server may
 * answer with a self-consistent bundle of its own making, which only these comparisons, or a
 * person, can catch.
 *
 * <p>One instance per session ({@link #of}); sources register themselves and unregister when they
 * close. Sources are read at each check, so a key learnt at the last pull counts at once.
 */
public final class KnownKeys {

    /** A key known for an account: its id, email, fingerprint digest and where it was verified. */
    public record Known(String accountId, String email, byte[] fingerprint, String where) {}

    /** Something that knows verified keys (a cache's logs, a pin store). */
    public interface Source {
        List<Known> known();
    }

    private static final Map<UnlockedSession, KnownKeys> BY_SESSION =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final List<Source> sources = new CopyOnWriteArrayList<>();

    private KnownKeys() {}

    /** The registry of one session. */
    public static KnownKeys of(UnlockedSession session) {
        return BY_SESSION.computeIfAbsent(session, s -> new KnownKeys());
    }

    /** Stops using a session's registry (its last source closed). */
    private static void forgetIfEmpty(KnownKeys keys) {
        if (keys.sources.isEmpty()) {
            BY_SESSION.values().remove(keys);
        }
    }

    public void add(Source source) {
        sources.add(source);
    }

    public void remove(Source source) {
        sources.remove(source);
        forgetIfEmpty(this);
    }

    /**
     * Refuses a bundle for an account (by id or email) whose verified key is another one.
     *
     * @throws SecurityAlert UNEXPECTED_KEY_CHANGE naming the account and where its key was verified
     */
    public void check(PublicBundle served) {
        for (Source s : sources) {
            for (Known k : s.known()) {
                boolean same = k.accountId().equals(served.accountId());
                if (!same && !k.email().equals(served.email())) {
                    continue;
                }
                if (!same || !served.fingerprint().matches(k.fingerprint())) {
                    throw new SecurityAlert(
                            SecurityAlertCode.UNEXPECTED_KEY_CHANGE,
                            "the directory's key for "
                                    + served.email()
                                    + " differs from the one verified "
                                    + k.where()
                                    + "; it was not used");
                }
            }
        }
    }
}
