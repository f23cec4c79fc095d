package dev.strongroom.client.sync;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.ItemKey;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.ChangesResponse;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.ItemRewrap;
import dev.strongroom.model.wire.KeyWrapUpload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the append that rotates a vault's key: a fresh key at the next version wrapped (HPKE auth
 * mode, context V1) to every current grantee's verified key, a signed rotate_vault_key entry naming
 * the digest of each wrap, and for every live item a new revision whose item key is re-wrapped
 * under the new version (content kept byte for byte), signed at the rotation's log position.
 *
 * <p>Grantees and their keys come only from the verified team state (bundles checked when they were
 * added, the recovery key from the signed policy), never from the server. The engine's cache must
 * be freshly pulled: the server refuses a rotation that does not re-wrap exactly the live items at
 * their current revisions. {@link SyncEngine#rotateVaultKey} sends it and seals the head.
 */
public final class KeyRotation {

    static final String RECOVERY_GRANTEE = "recovery";

    private KeyRotation() {}

    /** The signed append for rotating {@code vaultId}, from the engine's verified state. */
    public static AppendLogRequest build(SyncEngine engine, String vaultId) {
        return prepare(engine, vaultId).request();
    }

    /** A rotation ready to send: the append, and the re-wrapped revisions it carries as cached. */
    record Prepared(AppendLogRequest request, List<CachedItem> revisions) {

        /** This account's wrap of the new key, or null if it is not a grantee. */
        KeyWrapUpload wrapFor(String accountId) {
            return request.wraps().stream()
                    .filter(w -> w.recipientId().equals(accountId))
                    .findFirst()
                    .orElse(null);
        }

        /**
         * The vault's change position once the server stored this rotation, if nothing else was
         * written since {@code since}: the server takes one change sequence value per wrap, then
         * one per re-wrapped item in the order sent, all under the vault's row lock.
         */
        long positionAfter(long since) {
            return since + request.wraps().size() + revisions.size();
        }
    }

    /**
     * True if the server holds nothing since {@code since} but this rotation: a one-item page just
     * before {@link Prepared#positionAfter} must serve the rotation's last re-wrapped revision,
     * byte for byte, as the vault's latest change, with no key wrap or head after it. Anything else
     * (another write landed between the pull and the rotation, or the server numbers differently)
     * answers false and the caller fetches and checks the changes in full.
     */
    static boolean onlyOwnSince(
            SyncApi api, VaultVerifier verifier, String vaultId, long since, Prepared rotation) {
        List<CachedItem> own = rotation.revisions();
        if (own.isEmpty()) {
            return false;
        }
        long after = rotation.positionAfter(since);
        ChangesResponse page = api.changes(vaultId, after - 1, 1);
        if (page.hasMore()
                || page.cursor() != after
                || page.head() != null
                || !page.wraps().isEmpty()
                || page.items().size() != 1) {
            return false;
        }
        ItemResponse served = page.items().get(0);
        CachedItem last = own.get(own.size() - 1);
        return verifier.servedHere(served)
                && served.signature() != null
                && last.itemId().equals(String.valueOf(served.itemId()))
                && ConstantTime.equals(
                        verifier.describe(served).revisionHash(served.signature()),
                        last.revision().revisionHash(last.signature()));
    }

    /**
     * The signed append for rotating {@code vaultId} to exactly {@code recipients} (grantee id to
     * verified X25519 key). The log refuses the entry unless they are exactly the current grantees.
     */
    public static AppendLogRequest build(
            SyncEngine engine, String vaultId, Map<String, X25519PublicKey> recipients) {
        return prepare(engine, vaultId, recipients).request();
    }

    /** As {@link #build(SyncEngine, String)}, with the re-wrapped revisions. */
    static Prepared prepare(SyncEngine engine, String vaultId) {
        String teamId = engine.teamOf(vaultId);
        TeamState state = engine.team(teamId).orElseThrow();
        Map<String, X25519PublicKey> recipients = new LinkedHashMap<>();
        for (String grantee : state.vaults().get(vaultId).grants().keySet()) {
            recipients.put(grantee, keyOf(state, grantee));
        }
        return prepare(engine, vaultId, recipients);
    }

    private static Prepared prepare(
            SyncEngine engine, String vaultId, Map<String, X25519PublicKey> recipients) {
        String teamId = engine.teamOf(vaultId);
        TeamState state = engine.team(teamId).orElseThrow();
        String me = engine.session().accountId().toString();
        long seq = state.seq() + 1;
        int version = state.vaults().get(vaultId).keyVersion() + 1;
        try (VaultKey next = VaultKey.generate(version)) {
            List<KeyWrapUpload> wraps = new ArrayList<>();
            Map<String, String> digests = new LinkedHashMap<>();
            recipients.forEach(
                    (id, key) -> {
                        byte[] wrap =
                                VaultKeyWrap.seal(
                                        next,
                                        new VaultKeyWrap.Binding(teamId, vaultId, version, id, key),
                                        engine.session().identity());
                        wraps.add(new KeyWrapUpload(version, id, wrap));
                        digests.put(id, Base64Url.encode(Sha256.hash(wrap)));
                    });
            List<CachedItem> live =
                    engine.cache().items(vaultId).stream().filter(i -> !i.deleted()).toList();
            // the engine's key map is not thread-safe: open every old version here first
            Map<Integer, VaultKey> old = new HashMap<>();
            for (CachedItem item : live) {
                old.computeIfAbsent(item.revision().keyVersion(), v -> engine.vaultKey(vaultId, v));
            }
            // one unwrap, one wrap and one signature per item: in parallel for a large vault
            List<CachedItem> rewrapped =
                    (live.size() >= ServedItems.PARALLEL_FROM
                                    ? live.parallelStream()
                                    : live.stream())
                            .map(item -> rewrap(engine, teamId, old, next, item, me, seq))
                            .toList();
            List<ItemRewrap> items = new ArrayList<>();
            for (int k = 0; k < live.size(); k++) {
                CachedItem r = rewrapped.get(k);
                items.add(
                        new ItemRewrap(
                                UUID.fromString(r.itemId()),
                                live.get(k).revisionNumber(),
                                r.wrappedItemKey(),
                                r.signature()));
            }
            LogEntryBody body =
                    new LogEntryBody(
                            LogEntryBody.FORMAT,
                            teamId,
                            seq,
                            Base64Url.encode(state.headHash()),
                            me,
                            System.currentTimeMillis(),
                            new LogAction.RotateVaultKey(vaultId, version, digests));
            return new Prepared(
                    new AppendLogRequest(
                            SignedLogEntry.sign(body, engine.session().identity()),
                            null,
                            wraps,
                            items),
                    rewrapped);
        }
    }

    /** The item's next revision: its key re-wrapped under {@code next}, content kept. */
    private static CachedItem rewrap(
            SyncEngine engine,
            String teamId,
            Map<Integer, VaultKey> old,
            VaultKey next,
            CachedItem item,
            String me,
            long seq) {
        VaultKey was = old.get(item.revision().keyVersion());
        byte[] wrap;
        try (ItemKey ik = was.unwrapItemKey(item.wrappedItemKey(), item.vaultId(), item.itemId())) {
            wrap = next.wrapItemKey(ik, item.vaultId(), item.itemId());
        }
        byte[] content = item.content();
        ItemRevision revision =
                ItemRevision.of(
                        teamId,
                        item.vaultId(),
                        item.itemId(),
                        item.revisionNumber() + 1,
                        next.version(),
                        wrap,
                        content,
                        false,
                        me,
                        seq);
        return CachedItem.of(revision, wrap, content, revision.sign(engine.session().identity()));
    }

    private static X25519PublicKey keyOf(TeamState state, String grantee) {
        TeamState.Member m = state.members().get(grantee);
        if (m != null) {
            return m.bundle().encryptionKey();
        }
        TeamState.Machine machine = state.machines().get(grantee);
        if (machine != null) {
            return machine.bundle().encryptionKey();
        }
        if (RECOVERY_GRANTEE.equals(grantee) && state.recoveryPolicy().isPresent()) {
            return new X25519PublicKey(
                    Base64Url.decode(state.recoveryPolicy().get().entry().recoveryPublicKey()));
        }
        throw new IllegalStateException("grantee " + grantee + " has no verified key");
    }
}
