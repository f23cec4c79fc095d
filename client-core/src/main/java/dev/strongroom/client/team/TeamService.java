package dev.strongroom.client.team;

import dev.strongroom.client.account.KnownKeys;
import dev.strongroom.client.api.ConflictException;
import dev.strongroom.client.exposure.DismissalStore;
import dev.strongroom.client.exposure.ExposureFinding;
import dev.strongroom.client.exposure.ExposureReport;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.sync.TeamNameCheck;
import dev.strongroom.client.sync.UnjoinedTeam;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.KeyWrapUpload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Teams and sharing for one unlocked account, over its {@link SyncEngine}: creating a team,
 * authenticating people's keys out of band (fingerprints, one-time invite codes), adding and
 * removing members, roles, granting and revoking vaults, and rotating vault keys when someone loses
 * access. Every decision is read from the verified membership log, and every key used for a new
 * member is one this device verified (pinned): an unverified key is never used. Grants wrap the
 * vault key to the member's bundle as recorded in the verified log, so they cost O(1) in the
 * vault's size.
 *
 * <p>Local state (pins, pending invite keys, exposure dismissals) lives in sealed files under
 * {@code stateDir}, per account and device. Not thread-safe, like the engine.
 */
public final class TeamService implements AutoCloseable {

    private final SyncEngine engine;
    private final VaultService vaults;
    private final UnlockedSession session;
    private final String me;
    private final TrustStore store;
    private final DismissalStore dismissals;
    private final Directory directory;
    private final KeyPins pins;
    private final LogWriter log;
    private final InviteFlow invites;
    private final KnownKeys.Source pinnedKeys;
    private final NameSeals names;

    public TeamService(VaultService vaults, SyncEngine engine, Path stateDir) {
        this.engine = engine;
        this.vaults = vaults;
        this.session = engine.session();
        this.me = session.accountId().toString();
        this.store = new TrustStore(stateDir.resolve("team-trust.sealed"), session);
        this.dismissals =
                new DismissalStore(stateDir.resolve("exposure-dismissals.sealed"), session);
        this.directory = new Directory(session);
        this.pins = new KeyPins(store, directory);
        this.log = new LogWriter(engine);
        this.invites =
                new InviteFlow(
                        session,
                        directory,
                        pins,
                        store,
                        log,
                        engine.joins(),
                        new NameSeals(session));
        this.pinnedKeys = pins::known;
        this.names = new NameSeals(session);
        KnownKeys.of(session).add(pinnedKeys);
    }

    // ---- teams ----

    /** Creates a team of one (its signed genesis entry) and pins its genesis; returns its id. */
    public String createTeam(String name) {
        String id = vaults.createTeam(name);
        engine.joins().join(id, state(id).genesisHash(), "created");
        return id;
    }

    /**
     * Teams the server lists for this account that it never created, accepted or joined on this
     * device: not synced (docs/SECURITY.md, gap 3). Each carries its alert and who added the
     * account. As of the last pull.
     */
    public List<UnjoinedTeam> unjoinedTeams() {
        return engine.unjoinedTeams();
    }

    /**
     * Joins a team someone added this account to after comparing fingerprints (or a team joined on
     * another device of the account): the member who signed this account's add_member entry must be
     * a key this device verified ({@link #verify}), so the person knows who added them. Pins the
     * team's genesis; the next pull syncs it.
     *
     * @throws UnverifiedKeyException if the adder's key is not verified here
     */
    public UnjoinedTeam join(String teamId) {
        UnjoinedTeam t = engine.joins().inspect(teamId);
        if (!pins.isPinned(t.addedBy())) {
            throw new UnverifiedKeyException(
                    "you were added to team "
                            + teamId
                            + " by "
                            + t.addedBy().email()
                            + ", whose key is not verified on this device: compare fingerprints"
                            + " and run verify first");
        }
        engine.joins().join(teamId, t.genesisHash(), "joined");
        return t;
    }

    /** The teams in this device's verified cache. */
    public List<TeamInfo> teams() {
        List<TeamInfo> out = new ArrayList<>();
        for (String id : engine.teams()) {
            TeamState s = engine.team(id).orElseThrow();
            out.add(
                    new TeamInfo(
                            id,
                            TeamNameCheck.read(s, me, session.identity()),
                            s.roleOf(me).orElse(null),
                            s.members().size(),
                            s.vaults().size(),
                            s.seq()));
        }
        return out;
    }

    /**
     * Members as the verified log records them. A member whose key this device pinned (by
     * fingerprint or invite code) but whom the log records with another key raises {@code
     * UNEXPECTED_KEY_CHANGE}: the key was substituted somewhere along the way.
     */
    public List<TeamMember> members(String teamId) {
        TeamState s = state(teamId);
        s.members().values().forEach(m -> pins.checkAgainstPin(m.bundle()));
        List<TeamMember> out = new ArrayList<>();
        s.members()
                .forEach(
                        (id, m) -> {
                            Map<String, Permission> access = new TreeMap<>();
                            s.vaults()
                                    .forEach(
                                            (vid, v) -> {
                                                if (v.grants().containsKey(id)) {
                                                    access.put(
                                                            vid, v.grants().get(id).permission());
                                                }
                                            });
                            out.add(
                                    new TeamMember(
                                            id,
                                            m.bundle().email(),
                                            m.role(),
                                            m.bundle().fingerprint().digits(),
                                            access));
                        });
        return out;
    }

    /** The member id of an email in the verified log. */
    public String memberId(String teamId, String email) {
        String normalized = dev.strongroom.model.wire.Emails.normalize(email);
        return state(teamId).members().values().stream()
                .map(TeamState.Member::bundle)
                .filter(b -> b.email().equals(normalized))
                .map(PublicBundle::accountId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no member " + normalized));
    }

    // ---- keys ----

    /** This account's own safety number, to read to others. */
    public KeyFingerprint myFingerprint() {
        return KeyFingerprint.of(session.publicBundle(), true);
    }

    /** The safety number of the key the server presents for {@code email}, to compare. */
    public KeyFingerprint fingerprint(String email) {
        PublicBundle b = directory.byEmail(email);
        return KeyFingerprint.of(b, pins.isPinned(b));
    }

    /**
     * Pins {@code email}'s key after a person compared its fingerprint (digits or words).
     *
     * @throws dev.strongroom.client.alert.SecurityAlert KEY_SUBSTITUTION if it does not match
     */
    public KeyFingerprint verify(String email, String fingerprint) {
        return pins.verify(email, fingerprint);
    }

    /**
     * A member's bundle from the verified log, only if this device verified that very key (by
     * fingerprint or invite code, or it is this account's own): what break-glass shares are sealed
     * to.
     *
     * @throws UnverifiedKeyException if this device never verified the member's key
     */
    public PublicBundle verifiedMember(String teamId, String memberId) {
        TeamState.Member m = state(teamId).members().get(memberId);
        if (m == null) {
            throw new IllegalArgumentException("no such member");
        }
        if (!memberId.equals(me) && !pins.isPinned(m.bundle())) {
            throw new UnverifiedKeyException(
                    "the key of "
                            + m.bundle().email()
                            + " is not verified on this device: compare fingerprints first");
        }
        pins.checkAgainstPin(m.bundle());
        return m.bundle();
    }

    // ---- members ----

    /**
     * Adds a member whose key this device verified by fingerprint.
     *
     * @throws UnverifiedKeyException if the key is not pinned
     */
    public String addMember(String teamId, String email, Role role) {
        PublicBundle b = pins.pinnedBundle(email);
        TeamState s = log.fresh(teamId);
        log.append(
                s,
                new LogAction.AddMember(
                        PublicBundleJson.of(b),
                        role,
                        KeyPins.BY_FINGERPRINT,
                        names.forNewMember(s, b)));
        engine.pull();
        return b.accountId();
    }

    /**
     * Renames a team: the new name sealed to every current member at the next name version (owners
     * and admins). Old teams whose name is in clear cannot be renamed.
     */
    public void rename(String teamId, String name) {
        TeamState s = log.fresh(teamId);
        s.members().values().forEach(m -> pins.checkAgainstPin(m.bundle()));
        log.append(s, names.rename(s, name));
        engine.pull();
    }

    /** Creates an invite by one-time code; hand {@link PendingInvite#code()} over in person. */
    public PendingInvite invite(String teamId, String email, Role role) {
        return invites.create(teamId, email, role);
    }

    /** As the invitee: accepts the invite the code belongs to; returns its team id. */
    public String accept(char[] code) {
        return invites.accept(code);
    }

    /** As the inviter: adds everyone who accepted with a proof that verifies; returns their ids. */
    public List<String> completeInvites(String teamId) {
        List<String> added = invites.complete(teamId);
        engine.pull();
        return added;
    }

    public void changeRole(String teamId, String memberId, Role role) {
        log.append(log.fresh(teamId), new LogAction.ChangeRole(memberId, role));
        engine.pull();
    }

    /**
     * Leaves the team. The vaults this account held stay due for rotation until a remaining writer
     * rotates them ({@link #rotateVaultKey}); this account can no longer do it.
     */
    public void leave(String teamId) {
        log.append(log.fresh(teamId), new LogAction.RemoveMember(me));
    }

    /**
     * Removes a member, rotates the key of every vault they held that this account can write, and
     * reports what they could decrypt.
     */
    public RemovalReport remove(String teamId, String memberId) {
        TeamState s = log.fresh(teamId);
        if (!s.members().containsKey(memberId)) {
            throw new IllegalArgumentException("no such member");
        }
        List<String> held = new ArrayList<>();
        s.vaults()
                .forEach(
                        (id, v) -> {
                            if (v.grants().containsKey(memberId)) {
                                held.add(id);
                            }
                        });
        log.append(s, new LogAction.RemoveMember(memberId));
        return afterLoss(teamId, memberId, held);
    }

    /**
     * After a member or machine account lost access to {@code held} (already in the log): rotates
     * the key of each of those vaults this account can write, leaves the others pending, and
     * reports every item revision the principal could decrypt.
     */
    public RemovalReport afterLoss(String teamId, String principalId, List<String> held) {
        List<String> rotated = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        rotateAll(teamId, held, rotated, pending);
        List<ExposureFinding> exposed =
                exposure().findings(teamId).stream()
                        .filter(f -> f.principalId().equals(principalId))
                        .toList();
        return new RemovalReport(teamId, principalId, rotated, pending, exposed);
    }

    // ---- vaults ----

    /**
     * Grants a vault to a member (or machine account): one HPKE wrap to their bundle in the
     * verified log, appended on top of the cached verified state (a stale state is refused by the
     * server; then it pulls and tries once more), so the grant costs the same whatever the vault's
     * size. It returns once the server has accepted the signed entry; this device's cache learns it
     * on its next pull, like any other change (a pull re-checks every cached item of the vault
     * against its head, which grows with the vault).
     */
    public void grant(String vaultId, String memberId, Permission permission) {
        String teamId = engine.teamOf(vaultId);
        try {
            grantOn(state(teamId), vaultId, memberId, permission);
        } catch (ConflictException stale) {
            grantOn(log.fresh(teamId), vaultId, memberId, permission);
        }
    }

    private void grantOn(TeamState s, String vaultId, String memberId, Permission permission) {
        TeamState.Member m = s.members().get(memberId);
        TeamState.Machine machine = s.machines().get(memberId);
        if (m == null && machine == null) {
            throw new IllegalArgumentException("no such member");
        }
        // A machine's bundle was made by an admin's client and signed into the log; a member's
        // must still match what this device pinned.
        PublicBundle bundle = m != null ? m.bundle() : machine.bundle();
        if (m != null) {
            pins.checkAgainstPin(bundle);
        }
        int version = s.vaults().get(vaultId).keyVersion();
        VaultKey key = engine.vaultKey(vaultId, version);
        byte[] wrap =
                VaultKeyWrap.seal(
                        key,
                        new VaultKeyWrap.Binding(
                                s.teamId(), vaultId, version, memberId, bundle.encryptionKey()),
                        session.identity());
        log.append(
                s,
                new LogAction.GrantVault(
                        vaultId, memberId, permission, Base64Url.encode(Sha256.hash(wrap))),
                List.of(new KeyWrapUpload(version, memberId, wrap)),
                List.of());
    }

    /** Revokes a grant and rotates the vault key if this account can (returns whether it did). */
    public boolean revoke(String vaultId, String memberId) {
        String teamId = engine.teamOf(vaultId);
        log.append(log.fresh(teamId), new LogAction.RevokeVault(vaultId, memberId));
        List<String> rotated = new ArrayList<>();
        rotateAll(teamId, List.of(vaultId), rotated, new ArrayList<>());
        return !rotated.isEmpty();
    }

    /** Who holds the vault, with which permission, from the verified log. */
    public Map<String, Permission> vaultMembers(String vaultId) {
        TeamState s = state(engine.teamOf(vaultId));
        Map<String, Permission> out = new TreeMap<>();
        s.vaults().get(vaultId).grants().forEach((id, g) -> out.put(id, g.permission()));
        return out;
    }

    /** Rotates a vault's key now; returns the new key version. */
    public int rotateVaultKey(String vaultId) {
        return engine.rotateVaultKey(vaultId);
    }

    /** The exposure report over this device's verified logs and item histories. */
    public ExposureReport exposure() {
        return new ExposureReport(engine, vaults, dismissals);
    }

    private void rotateAll(
            String teamId, List<String> vaultIds, List<String> rotated, List<String> pending) {
        for (String vaultId : vaultIds) {
            TeamState s = log.fresh(teamId);
            if (s.permission(vaultId, me).orElse(null) == Permission.WRITE) {
                engine.rotateVaultKey(vaultId);
                rotated.add(vaultId);
            } else {
                pending.add(vaultId);
            }
        }
        engine.pull();
    }

    private TeamState state(String teamId) {
        return engine.team(teamId)
                .orElseThrow(() -> new IllegalArgumentException("no such team: " + teamId));
    }

    /** Wipes the account-key copies of the local stores. */
    @Override
    public void close() {
        KnownKeys.of(session).remove(pinnedKeys);
        store.close();
        dismissals.close();
    }
}
