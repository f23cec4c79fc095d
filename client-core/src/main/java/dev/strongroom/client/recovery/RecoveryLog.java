package dev.strongroom.client.recovery;

import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogVerificationException;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamLogVerifier;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.log.UnverifiedLogEntry;
import dev.strongroom.model.recovery.RecoveryOldWrapsBody;
import dev.strongroom.model.recovery.RecoveryVerificationException;
import dev.strongroom.model.recovery.RecoveryVerifier;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.wire.Base64Url;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A team's membership log verified from its genesis entry, read for what recovery needs: the
 * current state (policy, approvers, members), and for each vault key version wrapped to the
 * recovery key the digest the log announced and the bundle of the member who made the wrap (the
 * HPKE auth-mode sender). Works on the entries a device cached or an offline kit carries; nothing
 * the server says outside the signed entries is trusted.
 */
public final class RecoveryLog {

    /** The announced wrap of one vault key version to the recovery key. */
    public record RecoveryWrap(
            String vaultId,
            int keyVersion,
            byte[] digest,
            PublicBundle sender,
            int policyVersion) {}

    private final TeamState state;
    private final Map<String, RecoveryWrap> wraps = new HashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private final Map<String, PublicBundle> everyone = new HashMap<>();
    private final List<SignedLogEntry> entries;
    private PublicBundle policyAuthor;

    private RecoveryLog(TeamState state, List<SignedLogEntry> entries) {
        this.state = state;
        this.entries = entries;
    }

    /**
     * @throws RecoveryException if the entries do not verify as one chain from genesis
     */
    public static RecoveryLog verify(List<SignedLogEntry> entries) {
        if (entries.isEmpty()) {
            throw new RecoveryException("the team log is empty");
        }
        try {
            List<TeamState> states = new java.util.ArrayList<>();
            TeamState state = TeamLogVerifier.verifyFromGenesis(List.of(entries.get(0)));
            states.add(state);
            for (SignedLogEntry e : entries.subList(1, entries.size())) {
                state = TeamLogVerifier.extend(state, List.of(e));
                states.add(state);
            }
            RecoveryLog log = new RecoveryLog(state, List.copyOf(entries));
            for (int i = 0; i < entries.size(); i++) {
                log.index(entries.get(i), states.get(i));
            }
            return log;
        } catch (LogVerificationException | IllegalArgumentException e) {
            throw new RecoveryException("the team log does not verify", e);
        }
    }

    /** Indexes a verified entry; {@code after} is the state it produced (its author is in it). */
    private void index(SignedLogEntry e, TeamState after) {
        var body = UnverifiedLogEntry.decode(e).allegedBody(); // verified above
        LogAction action = body.action();
        after.members().forEach((id, m) -> everyone.put(id, m.bundle()));
        TeamState.Member author = after.members().get(body.authorId());
        if (author == null) {
            return; // a member leaving: authors nothing recovery reads
        }
        if (action instanceof LogAction.SetRecoveryPolicy) {
            policyAuthor = author.bundle();
        } else if (action instanceof LogAction.CreateVault v) {
            versions.put(v.vaultId(), 1);
        } else if (action instanceof LogAction.GrantVault g
                && RecoveryGrants.GRANTEE.equals(g.granteeId())) {
            int version = versions.getOrDefault(g.vaultId(), 1);
            put(g.vaultId(), version, g.wrapDigest(), author, after);
        } else if (action instanceof LogAction.RotateVaultKey r) {
            versions.put(r.vaultId(), r.newKeyVersion());
            String digest = r.wrapDigests().get(RecoveryGrants.GRANTEE);
            if (digest != null) {
                put(r.vaultId(), r.newKeyVersion(), digest, author, after);
            }
        }
    }

    private void put(
            String vaultId, int version, String digest, TeamState.Member author, TeamState after) {
        int policy = after.recoveryPolicy().map(p -> p.entry().policyVersion()).orElse(0);
        wraps.put(
                vaultId + "|" + version,
                new RecoveryWrap(
                        vaultId, version, Base64Url.decode(digest), author.bundle(), policy));
    }

    /**
     * Adds the announced wraps of older key versions (see {@code OldKeyWraps}), each announcement
     * verified against this log's state first; a version the log itself announced under the current
     * policy keeps the log's wrap. Returns this log.
     *
     * @throws RecoveryException if an announcement does not verify
     */
    public RecoveryLog withOldWraps(List<SignedRecoveryMessage> announcements) {
        int current = policy().policyVersion();
        for (SignedRecoveryMessage a : announcements) {
            RecoveryOldWrapsBody body;
            try {
                body = RecoveryVerifier.verifyOldWraps(a, state);
            } catch (RecoveryVerificationException e) {
                throw new RecoveryException(
                        "an announcement of older recovery wraps does not verify: "
                                + e.getMessage());
            }
            PublicBundle author = member(body.authorId());
            for (RecoveryOldWrapsBody.VersionDigest d : body.wraps()) {
                String k = body.vaultId() + "|" + d.keyVersion();
                RecoveryWrap logged = wraps.get(k);
                if (logged == null || logged.policyVersion() != current) {
                    wraps.put(
                            k,
                            new RecoveryWrap(
                                    body.vaultId(),
                                    d.keyVersion(),
                                    Base64Url.decode(d.digest()),
                                    author,
                                    current));
                }
            }
        }
        return this;
    }

    public TeamState state() {
        return state;
    }

    public List<SignedLogEntry> entries() {
        return entries;
    }

    /** The signed policy, or a clear error when the team has none. */
    public LogAction.SetRecoveryPolicy policy() {
        return state.recoveryPolicy()
                .map(TeamState.RecoveryPolicy::entry)
                .orElseThrow(() -> new RecoveryException("the team has no recovery policy"));
    }

    public X25519PublicKey recoveryPublicKey() {
        return new X25519PublicKey(Base64Url.decode(policy().recoveryPublicKey()));
    }

    /**
     * The wrap of the vault's key {@code version} to the recovery key, if the log announced one.
     */
    public Optional<RecoveryWrap> wrap(String vaultId, int version) {
        return Optional.ofNullable(wraps.get(vaultId + "|" + version));
    }

    /** The bundle of the owner who signed the current policy (the sender of every R1 share). */
    public PublicBundle policyAuthor() {
        policy();
        return policyAuthor;
    }

    /** The bundle of anyone who was ever a member, as the log recorded it last. */
    public java.util.Optional<PublicBundle> everMember(String id) {
        return java.util.Optional.ofNullable(everyone.get(id));
    }

    /** A current member's bundle as the log recorded it. */
    public PublicBundle member(String memberId) {
        TeamState.Member m = state.members().get(memberId);
        if (m == null) {
            throw new RecoveryException("not a member of the team: " + memberId);
        }
        return m.bundle();
    }
}
