package dev.strongroom.model.log;

import dev.strongroom.crypto.keys.PublicBundle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A team as established by a verified prefix of its membership log: who is in it with which role,
 * which machine accounts exist, which vaults exist at which key version and who holds each, and the
 * recovery policy. Only {@link TeamLogVerifier} changes it; callers read it.
 */
public final class TeamState {

    /** A member with the bundle that was verified when they were added. */
    public record Member(PublicBundle bundle, Role role) {}

    public record Machine(PublicBundle bundle, Long expiresAt) {}

    /** One grantee's access to a vault and the digest of the wrap it was given. */
    public record Grant(Permission permission, String wrapDigest) {}

    public record RecoveryPolicy(LogAction.SetRecoveryPolicy entry) {}

    /** A vault's key version, its grants, and whether a removal left it waiting for rotation. */
    public static final class Vault {
        int keyVersion = 1;
        final Map<String, Grant> grants = new LinkedHashMap<>();
        boolean rotationDue;

        Vault copy() {
            Vault copy = new Vault();
            copy.keyVersion = keyVersion;
            copy.grants.putAll(grants);
            copy.rotationDue = rotationDue;
            return copy;
        }

        public int keyVersion() {
            return keyVersion;
        }

        public Map<String, Grant> grants() {
            return Collections.unmodifiableMap(grants);
        }

        public boolean rotationDue() {
            return rotationDue;
        }
    }

    final String teamId;
    String name;
    long seq;
    byte[] headHash;
    final byte[] genesisHash;
    final Map<String, Member> members = new LinkedHashMap<>();
    final Map<String, Machine> machines = new LinkedHashMap<>();
    final Map<String, Vault> vaults = new LinkedHashMap<>();
    final java.util.Set<String> deletedVaults = new java.util.LinkedHashSet<>();
    RecoveryPolicy recovery;

    TeamState(String teamId, byte[] genesisHash) {
        this.teamId = teamId;
        this.genesisHash = genesisHash.clone();
        this.headHash = genesisHash.clone();
    }

    /** A deep copy, so a batch of entries is applied all-or-nothing. */
    public TeamState copy() {
        TeamState copy = new TeamState(teamId, genesisHash);
        copy.name = name;
        copy.seq = seq;
        copy.headHash = headHash.clone();
        copy.members.putAll(members);
        copy.machines.putAll(machines);
        vaults.forEach((id, vault) -> copy.vaults.put(id, vault.copy()));
        copy.deletedVaults.addAll(deletedVaults);
        copy.recovery = recovery;
        return copy;
    }

    public String teamId() {
        return teamId;
    }

    public String name() {
        return name;
    }

    public long seq() {
        return seq;
    }

    public byte[] headHash() {
        return headHash.clone();
    }

    public byte[] genesisHash() {
        return genesisHash.clone();
    }

    public Map<String, Member> members() {
        return Collections.unmodifiableMap(members);
    }

    public Map<String, Machine> machines() {
        return Collections.unmodifiableMap(machines);
    }

    public Map<String, Vault> vaults() {
        return Collections.unmodifiableMap(vaults);
    }

    /** Vaults deleted by a delete_vault entry; their ids are never reused. */
    public java.util.Set<String> deletedVaults() {
        return Collections.unmodifiableSet(deletedVaults);
    }

    public Optional<RecoveryPolicy> recoveryPolicy() {
        return Optional.ofNullable(recovery);
    }

    public Optional<Role> roleOf(String memberId) {
        return Optional.ofNullable(members.get(memberId)).map(Member::role);
    }

    /** The access a member or machine holds on a vault, if any. */
    public Optional<Permission> permission(String vaultId, String principalId) {
        Vault vault = vaults.get(vaultId);
        return Optional.ofNullable(vault)
                .map(v -> v.grants.get(principalId))
                .map(Grant::permission);
    }

    long ownerCount() {
        return members.values().stream().filter(m -> m.role() == Role.OWNER).count();
    }

    /** Everyone (members and machines) currently holding a grant on the vault. */
    Set<String> grantees(String vaultId) {
        return new LinkedHashSet<>(vaults.get(vaultId).grants.keySet());
    }

    @Override
    public String toString() {
        return "TeamState[" + teamId + " @" + seq + ", " + members.size() + " members]";
    }
}
