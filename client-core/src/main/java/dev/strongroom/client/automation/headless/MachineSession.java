package dev.strongroom.client.automation.headless;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ApiTransport;
import dev.strongroom.client.api.AuthenticationException;
import dev.strongroom.client.api.BearerToken;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.automation.SecretReference;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.sync.SnapshotPull;
import dev.strongroom.client.sync.SyncApi;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.MachineTokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine account at work, from its token alone: authenticates with the machine credential,
 * verifies the team's membership log from genesis, which must be the genesis the token pins (its
 * own {@code add_machine} entry, signed by an admin, must list exactly the keys in the token, and
 * must not have expired), then pulls and verifies the vaults the log grants it ({@link
 * SnapshotPull}, the sync engine's verifier), opening their keys with its private key. Everything
 * stays in memory; {@link #close()} wipes it.
 *
 * <p>Vaults are fetched on first use, so a reference by id costs one vault; a name is looked up
 * among every granted vault.
 */
public final class MachineSession implements AutoCloseable {

    /** A vault granted to this machine. */
    public record GrantedVault(String vaultId, String name, Permission permission) {}

    /** A field a machine wrote: the item and the revision it now is at. */
    public record Written(String vaultId, String itemId, long revision) {}

    record OpenedItem(String itemId, ItemContent content) {}

    private final String teamId;
    private final String machineId;
    private final IdentityKeys identity;
    private final SnapshotPull pull;
    private final MachineWriter writer;
    private final TeamState team;
    private String teamLabel;
    private final Map<String, SnapshotPull.Vault> vaults = new HashMap<>();
    private final Map<String, List<OpenedItem>> items = new HashMap<>();

    private MachineSession(String teamId, String machineId, IdentityKeys identity, SyncApi api) {
        this.teamId = teamId;
        this.machineId = machineId;
        this.identity = identity;
        this.pull = new SnapshotPull(api, teamId, machineId, identity);
        this.writer = new MachineWriter(api, teamId, machineId, identity);
        this.team = pull.team();
    }

    /** Opens a session; the token stays the caller's (close it when done). */
    public static MachineSession open(ApiTransport transport, MachineToken token, Clock clock) {
        byte[] secret = token.secret();
        BearerToken credential;
        try {
            credential = BearerToken.machine(token.machineId(), secret);
        } finally {
            Bytes.wipe(secret);
        }
        String teamId = token.teamId().toString();
        String machineId = token.machineId().toString();
        IdentityKeys identity = token.identity();
        try {
            SyncApi api = new SyncApi(transport, credential);
            MachineSession s = new MachineSession(teamId, machineId, identity, api);
            s.checkGenesis(token);
            s.checkListed(clock);
            return s;
        } catch (RuntimeException e) {
            identity.close();
            throw e;
        }
    }

    /** The log must be the team the admin created the token in, not one the server made up. */
    private void checkGenesis(MachineToken token) {
        byte[] pinned = token.genesisHash();
        try {
            if (!ConstantTime.equals(pinned, team.genesisHash())) {
                throw new SecurityAlert(
                        SecurityAlertCode.LOG_FORK,
                        "team "
                                + teamId
                                + ": the served membership log starts at another genesis than"
                                + " the one this machine token pins");
            }
        } finally {
            Bytes.wipe(pinned);
        }
    }

    private void checkListed(Clock clock) {
        TeamState.Machine m = team.machines().get(machineId);
        if (m == null) {
            throw new SecurityAlert(
                    SecurityAlertCode.UNAUTHORIZED_CHANGE,
                    "the verified membership log does not list this machine account");
        }
        boolean sameKeys =
                ConstantTime.equals(
                                m.bundle().encryptionKey().bytes(),
                                identity.encryptionPublicKey().bytes())
                        && ConstantTime.equals(
                                m.bundle().signingKey().bytes(),
                                identity.signingPublicKey().bytes());
        if (!sameKeys) {
            throw new SecurityAlert(
                    SecurityAlertCode.KEY_SUBSTITUTION,
                    "the membership log lists other keys for this machine account");
        }
        if (m.expiresAt() != null && clock.millis() >= m.expiresAt()) {
            throw new AuthenticationException(
                    401, MachineTokens.TOKEN_EXPIRED, "the machine token has expired");
        }
    }

    public String teamId() {
        return teamId;
    }

    /**
     * The team's name as this machine reads it: the clear name of an old team, the name sealed to
     * this machine, or the team id when none was sealed to it.
     */
    private String teamLabel() {
        if (teamLabel == null) {
            // opened once: the seal is an HPKE open, and every reference resolution asks
            teamLabel =
                    !team.namesSealed()
                            ? team.clearName().orElse(teamId)
                            : team.nameSealFor(machineId).isPresent()
                                    ? team.name(machineId, identity)
                                    : teamId;
        }
        return teamLabel;
    }

    public String teamName() {
        return teamLabel();
    }

    public String machineId() {
        return machineId;
    }

    /** Every vault the verified log grants this machine, with its name (fetches each). */
    public List<GrantedVault> vaults() {
        List<GrantedVault> out = new ArrayList<>();
        for (String id : team.vaults().keySet()) {
            team.permission(id, machineId)
                    .ifPresent(p -> out.add(new GrantedVault(id, vault(id).name(), p)));
        }
        return out;
    }

    /** The value a reference names; the caller closes it. */
    public SecretText resolve(SecretReference ref) {
        String vaultId = vaultId(ref.team(), ref.vault());
        OpenedItem item = item(vaultId, ref.item(), ref);
        return ItemFields.value(item.content(), ref.field())
                .orElseThrow(
                        () ->
                                new UnresolvedReferenceException(
                                        ref + ": the item has no field '" + ref.field() + "'"));
    }

    /**
     * Sets the field a reference names to {@code value} (copied; the caller wipes it) as a new
     * revision signed by this machine, then the vault's next head: an environment variable (added
     * if the set lacks it) or an existing custom field. Only where the verified log grants write.
     *
     * @throws WriteNotGrantedException for a vault this machine may only read, before any write
     */
    public Written write(SecretReference ref, char[] value) {
        String vaultId = vaultId(ref.team(), ref.vault());
        if (team.permission(vaultId, machineId).orElse(null) != Permission.WRITE) {
            throw new WriteNotGrantedException(
                    "this machine may only read vault '" + ref.vault() + "'");
        }
        OpenedItem item = item(vaultId, ref.item(), ref);
        Written written;
        try (ItemContent next = FieldWrite.apply(item.content(), ref.field(), value)) {
            written = writer.write(team, vault(vaultId), item.itemId(), next);
        }
        forget(vaultId); // the snapshot no longer is the vault: fetch it again if asked
        return written;
    }

    /** The id of a granted vault named by id or name in this session's team. */
    public String vaultId(String teamSegment, String vaultSegment) {
        if (!teamSegment.equals(teamId) && !teamSegment.equals(teamLabel())) {
            throw new UnresolvedReferenceException(
                    "team '" + teamSegment + "' is not this machine's team (" + teamLabel() + ")");
        }
        if (team.vaults().containsKey(vaultSegment)) {
            if (team.permission(vaultSegment, machineId).isEmpty()) {
                throw notGranted(vaultSegment);
            }
            return vaultSegment;
        }
        List<String> named = new ArrayList<>();
        for (GrantedVault v : vaults()) {
            if (v.name().equals(vaultSegment)) {
                named.add(v.vaultId());
            }
        }
        if (named.size() > 1) {
            throw new UnresolvedReferenceException(
                    "vault name '"
                            + vaultSegment
                            + "' matches "
                            + named.size()
                            + " vaults; use its id");
        }
        if (named.isEmpty()) {
            throw notGranted(vaultSegment);
        }
        return named.get(0);
    }

    /** The live items of a granted vault, decrypted (owned by the session: do not close). */
    List<OpenedItem> items(String vaultId) {
        List<OpenedItem> opened = items.get(vaultId);
        if (opened == null) {
            SnapshotPull.Vault v = vault(vaultId);
            opened = new ArrayList<>();
            for (CachedItem i : v.items()) {
                if (!i.deleted()) {
                    byte[] plain = v.open(i);
                    try {
                        opened.add(new OpenedItem(i.itemId(), ItemContent.fromBytes(plain)));
                    } finally {
                        Bytes.wipe(plain);
                    }
                }
            }
            items.put(vaultId, opened);
        }
        return opened;
    }

    private OpenedItem item(String vaultId, String segment, SecretReference ref) {
        List<OpenedItem> matches = new ArrayList<>();
        for (OpenedItem i : items(vaultId)) {
            if (i.itemId().equals(segment)) {
                return i;
            }
            if (i.content().name().equals(segment)) {
                matches.add(i);
            }
        }
        if (matches.size() > 1) {
            throw new UnresolvedReferenceException(
                    ref + ": the item name matches " + matches.size() + " items; use its id");
        }
        if (matches.isEmpty()) {
            throw new UnresolvedReferenceException(ref + ": no such item in the vault");
        }
        return matches.get(0);
    }

    private SnapshotPull.Vault vault(String vaultId) {
        SnapshotPull.Vault v = vaults.get(vaultId);
        if (v == null) {
            v = pull.vault(vaultId);
            vaults.put(vaultId, v);
        }
        return v;
    }

    private void forget(String vaultId) {
        List<OpenedItem> opened = items.remove(vaultId);
        if (opened != null) {
            opened.forEach(i -> i.content().close());
        }
        SnapshotPull.Vault v = vaults.remove(vaultId);
        if (v != null) {
            v.close();
        }
    }

    private UnresolvedReferenceException notGranted(String vault) {
        return new UnresolvedReferenceException(
                "no vault '" + vault + "' is granted to this machine in team " + teamLabel());
    }

    @Override
    public void close() {
        items.values().forEach(l -> l.forEach(i -> i.content().close()));
        items.clear();
        vaults.values().forEach(SnapshotPull.Vault::close);
        vaults.clear();
        identity.close();
    }
}
