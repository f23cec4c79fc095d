package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.cache.KeyWrap;
import dev.strongroom.client.cache.VaultHeadPin;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemValidationException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.ItemKey;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.VaultHeadResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks everything one vault's sync response claims, against the verified membership log and the
 * cache's pinned state, before any of it may be applied: key wraps, every item revision (signature,
 * author's write permission at its log position, digests, the AEAD under its binding, no rollback)
 * and the signed head (signature, writer, no rollback, and that the items hash to its digest).
 * Throws a {@link SecurityAlert} on the first failure.
 */
final class VaultVerifier {

    /** What a verified response brings: keys opened, latest revision per changed item, head. */
    record Verified(
            Map<Integer, VaultKey> keys,
            Map<String, CachedItem> items,
            List<KeyWrap> newWraps,
            Optional<VaultHeadPin> head) {}

    private final String teamId;
    private final String vaultId;
    private final String me;
    private final IdentityKeys identity;
    private final LogHistory log;
    private final Optional<VaultHeadPin> pinned;

    VaultVerifier(String teamId, String vaultId, String me, IdentityKeys identity, LogHistory log) {
        this(teamId, vaultId, me, identity, log, Optional.empty());
    }

    /**
     * @param pinned the head this client had pinned before the response: revisions new to the
     *     client are checked against it for backdating (see {@link #item})
     */
    VaultVerifier(
            String teamId,
            String vaultId,
            String me,
            IdentityKeys identity,
            LogHistory log,
            Optional<VaultHeadPin> pinned) {
        this.teamId = teamId;
        this.vaultId = vaultId;
        this.me = me;
        this.identity = identity;
        this.log = log;
        this.pinned = pinned;
    }

    /** Opens a wrap of this account after checking it against the log entry that announced it. */
    VaultKey openWrap(int version, byte[] wrap) {
        LogHistory.WrapSource source =
                log.wrap(vaultId, version, me)
                        .orElseThrow(
                                () ->
                                        alert(
                                                SecurityAlertCode.KEY_SUBSTITUTION,
                                                "a key wrap no log entry announced"));
        byte[] digest;
        try {
            digest = Base64Url.decode(source.digest());
        } catch (IllegalArgumentException e) {
            throw alert(SecurityAlertCode.KEY_SUBSTITUTION, "malformed wrap digest");
        }
        if (!ConstantTime.equals(Sha256.hash(wrap), digest)) {
            throw alert(
                    SecurityAlertCode.KEY_SUBSTITUTION, "a key wrap does not match its log entry");
        }
        PublicBundle sender =
                bundle(source.senderId())
                        .orElseThrow(
                                () ->
                                        alert(
                                                SecurityAlertCode.KEY_SUBSTITUTION,
                                                "unknown wrap sender"));
        try {
            return VaultKeyWrap.open(
                    wrap,
                    new VaultKeyWrap.Binding(
                            teamId, vaultId, version, me, identity.encryptionPublicKey()),
                    identity.encryptionPrivateKey(),
                    sender.encryptionKey());
        } catch (UnsupportedFormatException e) {
            throw alert(SecurityAlertCode.FORMAT_DOWNGRADE, "a key wrap in an unknown format");
        } catch (CryptoException e) {
            throw alert(SecurityAlertCode.KEY_SUBSTITUTION, "a key wrap did not open");
        }
    }

    /**
     * The member's (or machine account's) bundle from the latest verified state that lists them: a
     * machine with write access signs its items and heads like a member.
     */
    Optional<PublicBundle> bundle(String memberId) {
        for (long s = log.seq(); s >= 0; s--) {
            TeamState state = log.at(s).orElseThrow();
            TeamState.Member m = state.members().get(memberId);
            if (m != null) {
                return Optional.of(m.bundle());
            }
            TeamState.Machine machine = state.machines().get(memberId);
            if (machine != null) {
                return Optional.of(machine.bundle());
            }
        }
        return Optional.empty();
    }

    /** True if the response names this vault and an item id. */
    boolean servedHere(ItemResponse r) {
        return vaultId.equals(String.valueOf(r.vaultId())) && r.itemId() != null;
    }

    /** What a served revision claims, described in this vault and team (nothing checked yet). */
    ItemRevision describe(ItemResponse r) {
        return ItemRevision.of(
                teamId,
                vaultId,
                String.valueOf(r.itemId()),
                r.revision(),
                r.keyVersion(),
                r.itemKeyWrap() == null ? new byte[0] : r.itemKeyWrap(),
                r.content() == null ? new byte[0] : r.content(),
                r.deleted(),
                String.valueOf(r.authorId()),
                r.logSeq());
    }

    /**
     * Verifies one item revision as served.
     *
     * @param cached the cache's latest revision of the item, if any
     * @param keys the verified vault keys by version
     */
    CachedItem item(ItemResponse r, CachedItem cached, Map<Integer, VaultKey> keys) {
        if (!vaultId.equals(String.valueOf(r.vaultId())) || r.itemId() == null) {
            throw alert(SecurityAlertCode.ITEM_TAMPERING, "an item of another vault was served");
        }
        String itemId = r.itemId().toString();
        byte[] wrap = r.itemKeyWrap() == null ? new byte[0] : r.itemKeyWrap();
        byte[] content = r.content() == null ? new byte[0] : r.content();
        String author = String.valueOf(r.authorId());
        ItemRevision revision = describe(r);
        PublicBundle authorBundle =
                bundle(author)
                        .orElseThrow(
                                () ->
                                        alert(
                                                SecurityAlertCode.UNAUTHORIZED_CHANGE,
                                                "an item written by a non-member"));
        if (r.signature() == null || !revision.verify(authorBundle.signingKey(), r.signature())) {
            throw alert(SecurityAlertCode.BAD_SIGNATURE, "item " + itemId + " r" + r.revision());
        }
        CachedItem verified = CachedItem.of(revision, wrap, content, r.signature());
        boolean rewrap =
                log.isRotation(vaultId, author, r.logSeq(), r.keyVersion())
                        && isReWrap(verified, cached, keys);
        if (r.logSeq() > log.seq()) {
            throw new LogAheadException("vault " + vaultId + ": item " + itemId);
        }
        if (!(rewrap || log.canWrite(vaultId, author, r.logSeq()))) {
            throw alert(
                    SecurityAlertCode.UNAUTHORIZED_CHANGE,
                    "item " + itemId + " written without write access");
        }
        boolean isNew = cached == null || r.revision() > cached.revisionNumber();
        if (isNew && !rewrap) {
            refuseBackdated(itemId, author, r.logSeq());
        }
        if (cached != null) {
            if (r.revision() < cached.revisionNumber()) {
                throw alert(
                        SecurityAlertCode.HEAD_ROLLBACK,
                        "item " + itemId + " rolled back to r" + r.revision());
            }
            if (r.revision() == cached.revisionNumber() && !verified.equals(cached)) {
                throw alert(SecurityAlertCode.ITEM_TAMPERING, "item " + itemId + " rewritten");
            }
        }
        if (!r.deleted()) {
            checkOpens(verified, keys, rewrap ? r.revision() - 1 : r.revision());
        }
        return verified;
    }

    /**
     * Whether a revision at a key rotation's log position, by its author, under its new key
     * version, is one of the rotation's re-wraps (which the rotator may sign without write access)
     * rather than the rotator's own write made right after it (judged like any write). A re-wrap
     * keeps the previous revision's content byte for byte; where that revision is not known here (a
     * new device), it is the content that opens only under an earlier revision's binding.
     */
    private boolean isReWrap(CachedItem item, CachedItem cached, Map<Integer, VaultKey> keys) {
        if (item.deleted() || item.revisionNumber() < 2) {
            return false;
        }
        if (cached != null && cached.revisionNumber() == item.revisionNumber() - 1) {
            return java.util.Arrays.equals(cached.content(), item.content());
        }
        VaultKey vk = keys.get(item.revision().keyVersion());
        if (vk == null) {
            return false; // checkOpens reports the missing key
        }
        byte[] plain = null;
        try (ItemKey ik = vk.unwrapItemKey(item.wrappedItemKey(), vaultId, item.itemId())) {
            plain = ik.openContent(item.content(), vaultId, item.itemId(), item.revisionNumber());
            return false;
        } catch (CryptoException e) {
            return true;
        } finally {
            Bytes.wipe(plain);
        }
    }

    /**
     * The backdating rule (docs/CRYPTO.md, "Backdated signatures"): a revision this client has not
     * seen, signed at log position {@code at} by an author who lost write access at a later
     * position R, is refused if the head this client pinned was sealed at a position at least R.
     * That head's writer had verified the log through R before listing the vault's items, so it
     * covers everything the author wrote while allowed; a revision it does not cover was signed
     * after the author lost access, with an old position.
     */
    private void refuseBackdated(String itemId, String author, long at) {
        if (pinned.isEmpty()) {
            return;
        }
        Optional<Long> lost = log.writeLostAfter(vaultId, author, at);
        if (lost.isPresent() && pinned.get().head().logSeq() >= lost.get()) {
            throw alert(
                    SecurityAlertCode.UNAUTHORIZED_CHANGE,
                    "item "
                            + itemId
                            + " is signed at log position "
                            + at
                            + " by an author who lost write access at "
                            + lost.get()
                            + ", and the vault was sealed after that without it (backdated)");
        }
    }

    /** The envelope must open under the right binding and hold a readable item. */
    private void checkOpens(CachedItem item, Map<Integer, VaultKey> keys, long sealedUpTo) {
        VaultKey vk = keys.get(item.revision().keyVersion());
        if (vk == null) {
            throw alert(SecurityAlertCode.KEY_SUBSTITUTION, "no verified vault key for an item");
        }
        byte[] plain = null;
        try (ItemKey ik = vk.unwrapItemKey(item.wrappedItemKey(), vaultId, item.itemId())) {
            plain =
                    sealedUpTo == item.revisionNumber()
                            ? ik.openContent(
                                    item.content(), vaultId, item.itemId(), item.revisionNumber())
                            : ItemContents.openWith(ik, item, sealedUpTo);
            ItemContent.fromBytes(plain).close();
        } catch (UnsupportedFormatException | ItemValidationException e) {
            throw alert(SecurityAlertCode.FORMAT_DOWNGRADE, "item " + item.itemId());
        } catch (CryptoException e) {
            throw alert(
                    SecurityAlertCode.ITEM_TAMPERING, "item " + item.itemId() + " did not open");
        } finally {
            Bytes.wipe(plain);
        }
    }

    /** Verifies a served head's signature, writer and that it is not older than the pin. */
    VaultHeadPin head(VaultHeadResponse h, Optional<VaultHeadPin> pinned) {
        VaultHead head =
                new VaultHead(
                        teamId,
                        vaultId,
                        h.counter(),
                        h.keyVersion(),
                        h.itemsDigest() == null ? new byte[0] : h.itemsDigest(),
                        h.itemCount(),
                        String.valueOf(h.authorId()),
                        h.logSeq());
        PublicBundle author =
                bundle(head.authorId())
                        .orElseThrow(
                                () ->
                                        alert(
                                                SecurityAlertCode.UNAUTHORIZED_CHANGE,
                                                "a vault head signed by a non-member"));
        if (h.signature() == null || !head.verify(author.signingKey(), h.signature())) {
            throw alert(SecurityAlertCode.BAD_SIGNATURE, "vault head #" + h.counter());
        }
        if (h.logSeq() > log.seq()) {
            throw new LogAheadException("vault " + vaultId + ": head #" + h.counter());
        }
        if (!log.canWrite(vaultId, head.authorId(), h.logSeq())) {
            throw alert(SecurityAlertCode.UNAUTHORIZED_CHANGE, "vault head by a non-writer");
        }
        VaultHeadPin pin = new VaultHeadPin(head, h.signature());
        if (pinned.isPresent()
                && head.counter() > pinned.get().head().counter()
                && head.logSeq() < pinned.get().head().logSeq()) {
            throw alert(
                    SecurityAlertCode.UNAUTHORIZED_CHANGE,
                    "vault head #"
                            + head.counter()
                            + " names log position "
                            + head.logSeq()
                            + ", older than the pinned head's "
                            + pinned.get().head().logSeq()
                            + " (backdated)");
        }
        if (pinned.isPresent()) {
            VaultHead old = pinned.get().head();
            if (head.counter() < old.counter()
                    || (head.counter() == old.counter() && !pin.equals(pinned.get()))) {
                throw alert(
                        SecurityAlertCode.HEAD_ROLLBACK,
                        "vault head #"
                                + head.counter()
                                + " is older than pinned #"
                                + old.counter());
            }
        }
        return pin;
    }

    /** Revision hashes of the latest revision of every item. */
    static Map<String, byte[]> hashes(Map<String, CachedItem> items) {
        Map<String, byte[]> out = new HashMap<>();
        items.forEach((id, i) -> out.put(id, i.revision().revisionHash(i.signature())));
        return out;
    }

    /** The items must be exactly what the head describes. */
    void requireMatches(VaultHead head, Map<String, CachedItem> items) {
        requireMatchesHashes(head, hashes(items));
    }

    /** As {@link #requireMatches}, from each item's revision hash. */
    void requireMatchesHashes(VaultHead head, Map<String, byte[]> hashes) {
        byte[] digest = VaultHead.digestOf(hashes);
        if (head.itemCount() != hashes.size() || !ConstantTime.equals(digest, head.itemsDigest())) {
            throw alert(
                    SecurityAlertCode.ITEM_TAMPERING,
                    "the items do not match vault head #" + head.counter());
        }
    }

    private SecurityAlert alert(SecurityAlertCode code, String detail) {
        return new SecurityAlert(code, "vault " + vaultId + ": " + detail);
    }
}
