package dev.strongroom.client.exposure;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.item.FieldChange;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemDiff;
import dev.strongroom.client.rotation.RotationFinding;
import dev.strongroom.client.rotation.RotationSubject;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exposure report: for everyone who lost access to a vault (removed, left, revoked, machine
 * removed), every item and revision they could decrypt, because its item key was wrapped under a
 * vault key version they held. Derived from this device's verified membership logs and the item
 * histories in its cache. A finding stays {@code MUST_ROTATE} until a later revision changes a
 * secret field of the item (then {@code ROTATED}) or someone dismisses it with a reason (kept per
 * device, see {@link DismissalStore}). A key rotation alone does not close a finding: it protects
 * what is written later, not what they already could read.
 */
public final class ExposureReport {

    private final SyncEngine engine;
    private final LocalCache cache;
    private final DismissalStore dismissals;

    public ExposureReport(SyncEngine engine, VaultService vaults, DismissalStore dismissals) {
        this.engine = engine;
        this.cache = engine.cache();
        this.dismissals = dismissals;
    }

    /** Every finding of every team, most recent loss first, then by vault and item. */
    public List<ExposureFinding> findings() {
        List<ExposureFinding> out = new ArrayList<>();
        for (String teamId : engine.teams()) {
            out.addAll(findings(teamId));
        }
        return out;
    }

    /** The findings of one team. */
    public List<ExposureFinding> findings(String teamId) {
        byte[] head = engine.team(teamId).orElseThrow().headHash();
        AccessHistory history = new AccessHistory(cache.logEntries(teamId), head);
        String me = engine.session().accountId().toString();
        ServedHistory served = new ServedHistory(engine.session(), history);
        Map<String, DismissalStore.Dismissal> dismissed = dismissals.all();
        Map<String, VaultRevisions> byVault = new HashMap<>();
        List<ExposureFinding> out = new ArrayList<>();
        for (AccessHistory.Loss loss : history.standingLosses()) {
            if (loss.principalId().equals(me)) {
                continue;
            }
            VaultRevisions vault =
                    byVault.computeIfAbsent(
                            loss.vaultId(),
                            v -> new VaultRevisions(cache.items(v), cache.histories(v)));
            for (CachedItem latest : vault.latest()) {
                finding(teamId, loss, latest, vault.older(latest), served, dismissed)
                        .ifPresent(out::add);
            }
        }
        out.sort(
                Comparator.comparingLong(ExposureFinding::lostAtSeq)
                        .reversed()
                        .thenComparing(ExposureFinding::vaultId)
                        .thenComparing(ExposureFinding::itemId)
                        .thenComparing(ExposureFinding::principalId));
        return out;
    }

    /**
     * The open findings as rotation-report entries (kind EXPOSED, due now), so the rotation report
     * lists exposed secrets beside expired and overdue ones. Items no longer readable here are
     * skipped.
     */
    public static List<RotationFinding> asRotationFindings(
            List<ExposureFinding> findings, VaultService vaults, Clock clock) {
        List<RotationFinding> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ExposureFinding f : findings) {
            String ref = f.vaultId() + "/" + f.itemId();
            if (!f.open() || !seen.add(ref)) {
                continue; // one entry per item, however many people could read it
            }
            Optional<ItemView> item = vaults.get(f.vaultId(), f.itemId());
            if (item.isEmpty()) {
                continue;
            }
            try (ItemView view = item.get()) {
                if (view.deleted() || view.content() == null) {
                    continue;
                }
                out.add(
                        new RotationFinding(
                                RotationSubject.of(ref, view.content()),
                                RotationFinding.Kind.EXPOSED,
                                RotationFinding.Source.ACCESS_LOSS,
                                clock.instant(),
                                0));
            }
        }
        return out;
    }

    /** Closes a finding by its {@link ExposureFinding#ref()} with a reason (this device). */
    public void dismiss(String ref, String reason) {
        dismissals.dismiss(ref, reason);
    }

    /** A vault's cached items, read once per report: latest revisions and older ones by item. */
    private record VaultRevisions(List<CachedItem> latest, Map<String, List<CachedItem>> history) {
        List<CachedItem> older(CachedItem item) {
            return history.getOrDefault(item.itemId(), List.of());
        }
    }

    private Optional<ExposureFinding> finding(
            String teamId,
            AccessHistory.Loss loss,
            CachedItem latest,
            List<CachedItem> older,
            ServedHistory served,
            Map<String, DismissalStore.Dismissal> dismissed) {
        List<CachedItem> revisions = revisions(teamId, loss.vaultId(), latest, older, served);
        List<CachedItem> exposed =
                revisions.stream()
                        .filter(r -> !r.deleted())
                        .filter(r -> loss.versions().contains(r.revision().keyVersion()))
                        .toList();
        if (exposed.isEmpty()) {
            return Optional.empty();
        }
        CachedItem last = exposed.get(exposed.size() - 1);
        ExposureFinding.Status status =
                rotatedSince(revisions, last, latest)
                        ? ExposureFinding.Status.ROTATED
                        : ExposureFinding.Status.MUST_ROTATE;
        String ref = loss.vaultId() + "/" + latest.itemId() + "/" + loss.principalId();
        Optional<DismissalStore.Dismissal> d = Optional.ofNullable(dismissed.get(ref));
        if (status == ExposureFinding.Status.MUST_ROTATE && d.isPresent()) {
            status = ExposureFinding.Status.DISMISSED;
        }
        return Optional.of(
                new ExposureFinding(
                        teamId,
                        loss.vaultId(),
                        latest.itemId(),
                        loss.principalId(),
                        loss.email(),
                        loss.atSeq(),
                        exposed.stream().map(CachedItem::revisionNumber).toList(),
                        status,
                        d.map(DismissalStore.Dismissal::reason).orElse(null)));
    }

    /**
     * Every revision of the item this device knows: the cache's, plus (only when the cache has a
     * gap) the verified ones the server still keeps.
     */
    private List<CachedItem> revisions(
            String teamId,
            String vaultId,
            CachedItem latest,
            List<CachedItem> older,
            ServedHistory served) {
        Map<Long, CachedItem> byRevision = new TreeMap<>();
        older.forEach(i -> byRevision.put(i.revisionNumber(), i));
        byRevision.put(latest.revisionNumber(), latest);
        if (byRevision.size() < latest.revisionNumber()) {
            for (CachedItem i : served.revisions(teamId, vaultId, latest.itemId())) {
                if (i.revisionNumber() <= latest.revisionNumber()) {
                    byRevision.putIfAbsent(i.revisionNumber(), i);
                }
            }
        }
        return new ArrayList<>(byRevision.values());
    }

    /** A later, live revision whose secret fields differ from the last exposed one. */
    private boolean rotatedSince(
            List<CachedItem> revisions, CachedItem exposed, CachedItem latest) {
        if (latest.deleted()
                || latest.revisionNumber() <= exposed.revisionNumber()
                || java.util.Arrays.equals(
                        latest.revision().contentDigest(), exposed.revision().contentDigest())) {
            return false;
        }
        ContentOpener opener = new ContentOpener(engine, revisions);
        try (ItemContent before = opener.open(exposed);
                ItemContent after = opener.open(latest)) {
            return ItemDiff.between(before, after).stream().anyMatch(FieldChange::secret);
        } catch (RuntimeException unreadable) {
            return false; // cannot tell: keep it open
        }
    }
}
