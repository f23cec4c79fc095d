package dev.strongroom.bench.recovery;

import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.recovery.Approvals;
import dev.strongroom.client.recovery.Decision;
import dev.strongroom.client.recovery.OpenRequest;
import dev.strongroom.client.recovery.OpenedVault;
import dev.strongroom.client.recovery.PolicyDraft;
import dev.strongroom.client.recovery.PrefetchedVault;
import dev.strongroom.client.recovery.RecoveryLog;
import dev.strongroom.client.recovery.RecoveryRequests;
import dev.strongroom.client.recovery.RecoverySetup;
import dev.strongroom.client.recovery.ScopeOpener;
import dev.strongroom.client.recovery.ScopeReadAhead;
import dev.strongroom.client.recovery.ShareCombiner;
import dev.strongroom.client.recovery.VaultMaterial;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.ItemKey;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamLogVerifier;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.VaultHeadResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 7's figure, run by hand: from the M-th approval to an opened vault of N items (default
 * 10,000), with no KDF in the path. A team log (owner, three approvers, a requester), a 3-of-3
 * policy, a vault of N signed items and its wrap to the recovery key are built in memory; each
 * round times what the requester's client does with the released material: verify the log, verify
 * the request and the three approvals, open the three re-sealed shares and combine them (checked
 * against the policy's key), open the vault key and then every item (author signature, item key,
 * content), and check the items against the vault's signed head, as a requester without a grant
 * does with what the server's released-scope endpoint serves. With {@code ahead}, the items are
 * read and checked before the M-th approval, as the requester's client does once the server serves
 * them (one approval short of the threshold): the round then times the release's work only (log,
 * shares, head again, keys and contents). Arguments: {@code [items=10000] [rounds=5] [full|ahead]}.
 */
public final class RecoveryOpenBench {

    private RecoveryOpenBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean ahead = args.length > 2 && args[2].equals("ahead");
        Scene s = new Scene(n);
        long[] ms = new long[rounds];
        long[] cpu = new long[rounds];
        long[] open = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            PrefetchedVault read = null;
            long readMs = 0;
            if (ahead) {
                // before the M-th approval: the requester's client checks the served items
                long a0 = System.nanoTime();
                read =
                        ScopeReadAhead.check(
                                RecoveryLog.verify(s.entries),
                                s.scope,
                                s.material.vaultId(),
                                s.material.items(),
                                s.head,
                                1);
                readMs = (System.nanoTime() - a0) / 1_000_000;
            }
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            RecoveryLog log = RecoveryLog.verify(s.entries);
            long combined;
            try (RecoveryKey key =
                    ShareCombiner.combine(
                            log,
                            s.request.signed(),
                            s.request.ephemeral().privateKey(),
                            s.decisions)) {
                // SLIP-39's share decryption (PBKDF2, 4 x 10,000 iterations) is the KDF here
                combined = System.nanoTime();
                try (OpenedVault v =
                        ahead
                                ? ScopeReadAhead.open(log, key, s.scope, read, unchanged(s), s.head)
                                : ScopeOpener.openServed(log, key, s.scope, s.material, s.head)) {
                    if (v.items().size() != n) {
                        throw new IllegalStateException("opened " + v.items().size());
                    }
                }
            }
            long end = System.nanoTime();
            ms[r] = (end - t0) / 1_000_000;
            open[r] = (end - combined) / 1_000_000;
            cpu[r] = (processCpuNanos() - c0) / 1_000_000;
            System.out.printf(
                    "round %d: %d items: %d ms in all, %d ms from the combined key to the opened"
                            + " vault (process CPU %d ms in all)%s%n",
                    r + 1,
                    n,
                    ms[r],
                    open[r],
                    cpu[r],
                    ahead
                            ? "; read and checked ahead of the M-th approval in " + readMs + " ms"
                            : "");
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        long[] sortedCpu = cpu.clone();
        Arrays.sort(sortedCpu);
        long[] sortedOpen = open.clone();
        Arrays.sort(sortedOpen);
        System.out.printf(
                "median after the KDF (combined key to opened vault): %d ms%n",
                sortedOpen[rounds / 2]);
        System.out.printf(
                "median: %d ms wall, %d ms process CPU on %d cores (M-th approval to opened vault,"
                        + " KDF excluded)%n",
                sorted[rounds / 2],
                sortedCpu[rounds / 2],
                Runtime.getRuntime().availableProcessors());
    }

    /** The release's changes when nothing changed since the reading ahead: no items, same wraps. */
    private static VaultMaterial unchanged(Scene s) {
        return new VaultMaterial(
                s.material.vaultId(), s.material.keyVersion(), s.material.wraps(), List.of());
    }

    /**
     * CPU time of every thread of this process (items are opened on the common pool): on a loaded
     * machine the wall time says more about the other builds than about this code.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The team, policy, vault and request, built once. */
    /** The bench team's name sealed by the founder to one person. */
    static String benchName(String team, IdentityKeys founder, PublicBundle to) {
        return dev.strongroom.model.log.TeamNames.seal(
                team, 1, to.accountId(), to.encryptionKey(), founder, "Bench");
    }

    private static final class Scene {
        final List<SignedLogEntry> entries = new ArrayList<>();
        final List<Decision> decisions = new ArrayList<>();
        final RecoveryScope scope;
        final OpenRequest request;
        final VaultMaterial material;
        final VaultHeadResponse head;
        private TeamState state;

        Scene(int n) {
            String team = UUID.randomUUID().toString();
            String vault = UUID.randomUUID().toString();
            IdentityKeys[] keys = new IdentityKeys[5];
            PublicBundle[] people = new PublicBundle[5];
            for (int i = 0; i < 5; i++) {
                keys[i] = IdentityKeys.generate();
                people[i] =
                        keys[i].publicBundle(
                                UUID.randomUUID().toString(),
                                "p" + i + "@bench.test",
                                System.currentTimeMillis());
            }
            append(
                    team,
                    keys[0],
                    people[0],
                    new LogAction.CreateTeam(
                            null,
                            PublicBundleJson.of(people[0]),
                            benchName(team, keys[0], people[0])));
            for (int i = 1; i < 5; i++) {
                append(
                        team,
                        keys[0],
                        people[0],
                        new LogAction.AddMember(
                                PublicBundleJson.of(people[i]),
                                Role.MEMBER,
                                "fingerprint",
                                benchName(team, keys[0], people[i])));
            }
            VaultKey vaultKey = VaultKey.generate(1);
            byte[] own =
                    VaultKeyWrap.seal(
                            vaultKey,
                            new VaultKeyWrap.Binding(
                                    team,
                                    vault,
                                    1,
                                    people[0].accountId(),
                                    people[0].encryptionKey()),
                            keys[0]);
            append(team, keys[0], people[0], new LogAction.CreateVault(vault, digest(own)));
            PolicyDraft draft =
                    RecoverySetup.draft(
                            state, keys[0], List.of(people[1], people[2], people[3]), 3, 0, false);
            append(team, keys[0], people[0], draft.action());
            X25519PublicKey recovery =
                    new X25519PublicKey(Base64Url.decode(draft.action().recoveryPublicKey()));
            byte[] wrap =
                    VaultKeyWrap.seal(
                            vaultKey,
                            new VaultKeyWrap.Binding(
                                    team, vault, 1, RecoveryKey.RECIPIENT_ID, recovery),
                            keys[0]);
            append(
                    team,
                    keys[0],
                    people[0],
                    new LogAction.GrantVault(
                            vault, RecoveryKey.RECIPIENT_ID, Permission.READ, digest(wrap)));
            List<ItemResponse> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(item(team, vault, vaultKey, keys[0], people[0].accountId(), i));
            }
            material = new VaultMaterial(vault, 1, wrap, items);
            head = head(team, vault, keys[0], people[0].accountId(), items);
            RecoveryLog log = RecoveryLog.verify(entries);
            scope = new RecoveryScope(RecoveryScope.VAULT, vault);
            request = RecoveryRequests.open(log, people[4].accountId(), keys[4], scope, "bench");
            for (int i = 1; i <= 3; i++) {
                decisions.add(
                        Approvals.approve(
                                log,
                                request.signed(),
                                people[i].accountId(),
                                keys[i],
                                draft.sealedShares().get(people[i].accountId())));
            }
        }

        private void append(String team, IdentityKeys author, PublicBundle who, LogAction action) {
            long seq = state == null ? 0 : state.seq() + 1;
            byte[] prev = state == null ? new byte[32] : state.headHash();
            SignedLogEntry e =
                    SignedLogEntry.sign(
                            new LogEntryBody(
                                    LogEntryBody.FORMAT,
                                    team,
                                    seq,
                                    Base64Url.encode(prev),
                                    who.accountId(),
                                    System.currentTimeMillis(),
                                    action),
                            author);
            state =
                    state == null
                            ? TeamLogVerifier.verifyFromGenesis(List.of(e))
                            : TeamLogVerifier.extend(state, List.of(e));
            entries.add(e);
        }

        private ItemResponse item(
                String team,
                String vault,
                VaultKey vaultKey,
                IdentityKeys author,
                String authorId,
                int i) {
            String itemId = UUID.randomUUID().toString();
            byte[] plain =
                    ItemContent.builder(
                                    new ApiKey(
                                            "AKIA" + i,
                                            SecretText.copyOf(("secret-" + i).toCharArray())),
                                    "item-" + i,
                                    Instant.parse("2026-01-02T03:04:05Z"))
                            .build()
                            .toBytes();
            try (ItemKey ik = ItemKey.generate()) {
                byte[] content = ik.sealContent(plain, vault, itemId, 1);
                byte[] wrap = vaultKey.wrapItemKey(ik, vault, itemId);
                byte[] sig =
                        ItemRevision.of(
                                        team,
                                        vault,
                                        itemId,
                                        1,
                                        1,
                                        wrap,
                                        content,
                                        false,
                                        authorId,
                                        state.seq())
                                .sign(author);
                return new ItemResponse(
                        UUID.fromString(itemId),
                        UUID.fromString(vault),
                        1,
                        1,
                        wrap,
                        content,
                        false,
                        UUID.fromString(authorId),
                        state.seq(),
                        sig,
                        null,
                        0L);
            }
        }

        /** The vault's head over {@code items}, signed by its creator as its writers sign it. */
        private VaultHeadResponse head(
                String team,
                String vault,
                IdentityKeys author,
                String authorId,
                List<ItemResponse> items) {
            Map<String, byte[]> hashes = new HashMap<>();
            for (ItemResponse r : items) {
                hashes.put(
                        r.itemId().toString(),
                        ItemRevision.of(
                                        team,
                                        vault,
                                        r.itemId().toString(),
                                        r.revision(),
                                        r.keyVersion(),
                                        r.itemKeyWrap(),
                                        r.content(),
                                        false,
                                        authorId,
                                        r.logSeq())
                                .revisionHash(r.signature()));
            }
            VaultHead h =
                    new VaultHead(
                            team,
                            vault,
                            1,
                            1,
                            VaultHead.digestOf(hashes),
                            items.size(),
                            authorId,
                            state.seq());
            return new VaultHeadResponse(
                    UUID.fromString(vault),
                    h.counter(),
                    h.keyVersion(),
                    h.itemsDigest(),
                    h.itemCount(),
                    UUID.fromString(authorId),
                    h.logSeq(),
                    h.sign(author),
                    0L);
        }

        private static String digest(byte[] b) {
            return Base64Url.encode(Sha256.hash(b));
        }
    }
}
