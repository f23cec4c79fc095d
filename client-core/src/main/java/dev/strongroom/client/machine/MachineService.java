package dev.strongroom.client.machine;

import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.team.RemovalReport;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.MachineTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Machine accounts for automation, managed by a team owner or admin over their {@link SyncEngine}.
 *
 * <p>{@link #create} generates the machine's identity key pairs on this device, signs an
 * add_machine entry (the machine's self-signed bundle, its name and expiry) and one grant_vault
 * entry per vault (the vault key wrapped by HPKE to the machine, exactly as for a member), and
 * registers the SHA-256 of a fresh 32-byte API secret. The token holding the secret and the private
 * keys is returned once and kept nowhere. {@link #revoke} signs a remove_machine entry and rotates
 * the vault keys the machine held, as a member's removal does. {@link #rotateToken} replaces the
 * API secret. Other clients verify all of it in the membership log like any member's entries. Not
 * thread-safe, like the engine.
 */
public final class MachineService {

    private final SyncEngine engine;
    private final TeamService teams;
    private final MachineCalls calls;
    private final MachineEntries entries;
    private final String me;

    public MachineService(SyncEngine engine, TeamService teams) {
        this.engine = engine;
        this.teams = teams;
        this.calls = new MachineCalls(engine.session());
        this.entries = new MachineEntries(engine);
        this.me = engine.session().accountId().toString();
    }

    /**
     * Creates a machine account with access to {@code grants} (vault id to permission, at least
     * one; every vault must be one this account holds) and an optional expiry. Returns its token,
     * the only copy: the caller prints or hands it over, then closes it.
     *
     * @throws MachineException for a bad name, grant or expiry, before anything is sent
     */
    public MachineToken create(
            String teamId, String name, Map<String, Permission> grants, Instant expiresAt) {
        MachineLabel.check(name);
        TeamState state = entries.fresh(teamId);
        requireAdmin(state);
        checkGrants(state, grants);
        Long expiry = expiresAt == null ? null : expiresAt.toEpochMilli();
        if (expiry != null && expiry <= System.currentTimeMillis()) {
            throw new MachineException("the expiry must be in the future");
        }
        UUID machineId = UUID.randomUUID();
        byte[] secret = Randoms.bytes(MachineTokens.SECRET_BYTES);
        try (IdentityKeys keys = IdentityKeys.generate()) {
            PublicBundle bundle =
                    keys.publicBundle(
                            machineId.toString(),
                            MachineLabel.of(name),
                            System.currentTimeMillis());
            calls.create(
                    teamId,
                    entries.sign(
                            state,
                            new LogAction.AddMachine(
                                    PublicBundleJson.of(bundle),
                                    expiry,
                                    sealedNameFor(state, bundle))),
                    name,
                    Sha256.hash(secret));
            grantAll(teamId, machineId.toString(), grants);
            return MachineToken.of(
                    UUID.fromString(teamId), state.genesisHash(), machineId, secret, keys);
        } finally {
            Bytes.wipe(secret);
        }
    }

    /** The team's current name sealed to the new machine, or null for a clear-name team. */
    private String sealedNameFor(TeamState state, PublicBundle machine) {
        if (!state.namesSealed()) {
            return null;
        }
        return dev.strongroom.model.log.TeamNames.seal(
                state.teamId(),
                state.nameVersion(),
                machine.accountId(),
                machine.encryptionKey(),
                engine.session().identity(),
                state.name(me, engine.session().identity()));
    }

    /**
     * The team's machine accounts, revoked ones included: the verified log joined with the server's
     * list.
     */
    public List<MachineInfo> list(String teamId) {
        TeamState state = entries.fresh(teamId);
        return MachineListing.of(state, calls.list(teamId));
    }

    /**
     * Finds a machine of the team by id or by name (names need not be unique: then the id must be
     * used). Revoked machines are found too.
     *
     * @throws IllegalArgumentException if none or several match
     */
    public MachineInfo find(String teamId, String idOrName) {
        List<MachineInfo> matches =
                list(teamId).stream()
                        .filter(m -> m.machineId().equals(idOrName) || idOrName.equals(m.name()))
                        .toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no machine account " + idOrName);
        }
        if (matches.size() > 1) {
            List<MachineInfo> active = matches.stream().filter(m -> !m.revoked()).toList();
            if (active.size() == 1) {
                return active.get(0);
            }
            throw new MachineException(
                    "several machine accounts are called " + idOrName + ": use the id");
        }
        return matches.get(0);
    }

    /**
     * Revokes a machine: a signed remove_machine entry, after which the server refuses its token on
     * the next request; then the key of every vault it held that this account can write is rotated,
     * and the report lists every item revision it could decrypt.
     */
    public RemovalReport revoke(String teamId, String machineId) {
        TeamState state = entries.fresh(teamId);
        requireAdmin(state);
        if (!state.machines().containsKey(machineId)) {
            throw new IllegalArgumentException("no active machine account " + machineId);
        }
        List<String> held = new ArrayList<>();
        state.vaults()
                .forEach(
                        (id, v) -> {
                            if (v.grants().containsKey(machineId)) {
                                held.add(id);
                            }
                        });
        calls.revoke(
                teamId, machineId, entries.sign(state, new LogAction.RemoveMachine(machineId)));
        return teams.afterLoss(teamId, machineId, held);
    }

    /**
     * Replaces a machine's API secret; the old one stops working at once. The machine's key pairs
     * stay (they are in the signed log), so the current token is needed to build the new one: this
     * client never keeps a machine's private keys. A token that leaked calls for {@link #revoke}
     * and a new machine, since its keys leaked with it.
     *
     * @throws MachineException if {@code current} is not this team's machine with the keys the log
     *     holds
     */
    public MachineToken rotateToken(String teamId, MachineToken current) {
        TeamState state = entries.fresh(teamId);
        requireAdmin(state);
        String machineId = current.machineId().toString();
        TeamState.Machine machine = state.machines().get(machineId);
        if (!current.teamId().toString().equals(teamId)
                || machine == null
                || !ConstantTime.equals(current.genesisHash(), state.genesisHash())) {
            throw new MachineException("the token is not one of this team's active machines");
        }
        byte[] secret = Randoms.bytes(MachineTokens.SECRET_BYTES);
        try (IdentityKeys keys = current.identity()) {
            boolean same =
                    keys.encryptionPublicKey().equals(machine.bundle().encryptionKey())
                            && keys.signingPublicKey().equals(machine.bundle().signingKey());
            if (!same) {
                throw new MachineException(
                        "the token's keys are not the machine's keys in the log");
            }
            calls.rotateSecret(teamId, machineId, Sha256.hash(secret));
            return MachineToken.of(
                    current.teamId(), state.genesisHash(), current.machineId(), secret, keys);
        } finally {
            Bytes.wipe(secret);
        }
    }

    private void grantAll(String teamId, String machineId, Map<String, Permission> grants) {
        engine.pull();
        try {
            grants.forEach((vaultId, permission) -> teams.grant(vaultId, machineId, permission));
        } catch (RuntimeException e) {
            // The token is never returned, so a half-granted machine is useless: revoke it
            // rather than leave an account nobody can use or see the secret of.
            try {
                revoke(teamId, machineId);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        engine.pull();
    }

    private void requireAdmin(TeamState state) {
        Role role = state.roleOf(me).orElse(null);
        if (role != Role.OWNER && role != Role.ADMIN) {
            throw new MachineException("only team owners and admins manage machine accounts");
        }
    }

    private void checkGrants(TeamState state, Map<String, Permission> grants) {
        if (grants == null || grants.isEmpty()) {
            throw new MachineException("a machine account needs at least one vault");
        }
        for (Map.Entry<String, Permission> g : new LinkedHashMap<>(grants).entrySet()) {
            if (g.getValue() == null) {
                throw new MachineException("a grant needs read or write");
            }
            if (state.permission(g.getKey(), me).isEmpty()) {
                throw new MachineException(
                        "vault " + g.getKey() + " is not one of this team's vaults you hold");
            }
        }
    }
}
