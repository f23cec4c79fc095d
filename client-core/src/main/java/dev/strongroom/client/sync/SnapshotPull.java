package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.model.log.LogVerificationException;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.ChangesResponse;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.LogEntriesResponse;
import dev.strongroom.model.wire.VaultHeadResponse;
import dev.strongroom.model.wire.VaultKeyWrap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A from-scratch verified read of one team for a principal that keeps no cache (a machine account's
 * headless session): the whole membership log verified from its genesis by {@link LogHistory}, then
 * a vault's every page checked by the same {@link VaultVerifier} a {@link SyncEngine} pull uses
 * (wraps against the log entries that announced them, every revision's signature, its author's
 * write access at its log position and its envelope, the signed head, and that the items hash to
 * it). Nothing is written anywhere: the caller holds the result in memory.
 *
 * <p>There is no pinned state, so a rollback to an older but validly signed state cannot be
 * detected here; everything else a pull refuses is refused the same way, as a {@link
 * SecurityAlert}.
 */
public final class SnapshotPull {

    /**
     * A verified vault: its name, opened keys by version, latest revision of every item, and the
     * signed head they match (null for a vault nothing was written to yet), which a writer needs to
     * sign the next head.
     */
    public record Vault(
            String vaultId,
            String name,
            Map<Integer, VaultKey> keys,
            List<CachedItem> items,
            VaultHead head)
            implements AutoCloseable {

        /** The decrypted content bytes of a verified item (the caller wipes them). */
        public byte[] open(CachedItem item) {
            return ItemContents.open(keys.get(item.revision().keyVersion()), item);
        }

        @Override
        public void close() {
            keys.values().forEach(VaultKey::close);
        }
    }

    private final SyncApi api;
    private final String teamId;
    private final String me;
    private final IdentityKeys identity;
    private LogHistory log;

    /** {@code me} is the principal's id (a machine id), {@code identity} its private keys. */
    public SnapshotPull(SyncApi api, String teamId, String me, IdentityKeys identity) {
        this.api = api;
        this.teamId = teamId;
        this.me = me;
        this.identity = identity;
    }

    /** The team state after the whole served log, verified from genesis (fetched once). */
    public TeamState team() {
        if (log == null) {
            log = fetchLog();
        }
        return log.current();
    }

    /** Fetches and verifies one vault, retrying once as a pull does when a writer was mid-way. */
    public Vault vault(String vaultId) {
        team();
        try {
            return vaultOnce(vaultId);
        } catch (LogAheadException e) {
            log = fetchLog(); // a writer signed at a log position appended after our fetch
        } catch (SecurityAlert a) {
            if (a.code() != SecurityAlertCode.ITEM_TAMPERING) {
                throw a;
            }
            sleep(300); // a writer may be between its item write and its head write
        }
        try {
            return vaultOnce(vaultId);
        } catch (LogAheadException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.UNAUTHORIZED_CHANGE,
                    e.getMessage() + " names a log position the server does not serve");
        }
    }

    private LogHistory fetchLog() {
        List<SignedLogEntry> fetched = new ArrayList<>();
        while (true) {
            LogEntriesResponse page = api.log(teamId, fetched.size() - 1L, SyncEngine.LOG_PAGE);
            fetched.addAll(page.entries());
            if (page.entries().size() < SyncEngine.LOG_PAGE || fetched.size() > page.headSeq()) {
                break;
            }
        }
        if (fetched.isEmpty()) {
            throw new SecurityAlert(SecurityAlertCode.LOG_ROLLBACK, "empty team log");
        }
        try {
            return LogHistory.fromGenesis(fetched);
        } catch (LogVerificationException e) {
            throw Alerts.log(teamId, e);
        }
    }

    private Vault vaultOnce(String vaultId) {
        List<ItemResponse> served = new ArrayList<>();
        List<VaultKeyWrap> wraps = new ArrayList<>();
        VaultHeadResponse head = null;
        byte[] metadata = null;
        long cursor = 0;
        while (true) {
            ChangesResponse page = api.changes(vaultId, cursor, SyncEngine.CHANGES_PAGE);
            if (!vaultId.equals(String.valueOf(page.vaultId())) || page.cursor() < cursor) {
                throw new SecurityAlert(
                        SecurityAlertCode.TAMPERED_DATA, "vault " + vaultId + ": bad changes page");
            }
            served.addAll(page.items());
            wraps.addAll(page.wraps());
            head = page.head() != null ? page.head() : head;
            metadata = page.vault() != null ? page.vault().metadata() : metadata;
            cursor = page.cursor();
            if (!page.hasMore()) {
                break;
            }
        }
        VaultVerifier verifier = new VaultVerifier(teamId, vaultId, me, identity, log);
        Map<Integer, VaultKey> keys = new HashMap<>();
        try {
            for (VaultKeyWrap w : wraps) {
                VaultKey old =
                        keys.put(w.keyVersion(), verifier.openWrap(w.keyVersion(), w.wrap()));
                if (old != null) {
                    old.close();
                }
            }
            Map<String, CachedItem> items = new TreeMap<>();
            for (ItemResponse r : served) {
                String id = String.valueOf(r.itemId());
                items.put(id, verifier.item(r, items.get(id), keys));
            }
            VaultHead verifiedHead = null;
            if (head != null) {
                verifiedHead = verifier.head(head, Optional.empty()).head();
                verifier.requireMatches(verifiedHead, items);
            } else if (!items.isEmpty()) {
                throw new SecurityAlert(
                        SecurityAlertCode.ITEM_TAMPERING,
                        "vault " + vaultId + ": items but no head");
            }
            String name = VaultNames.open(metadata, teamId, vaultId, keys::get).name();
            return new Vault(vaultId, name, keys, List.copyOf(items.values()), verifiedHead);
        } catch (RuntimeException e) {
            keys.values().forEach(VaultKey::close);
            throw e;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
