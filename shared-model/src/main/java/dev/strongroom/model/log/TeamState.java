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

    /** The team's name sealed to one member at a name version, by the entry's author. */
    public record NameSeal(int version, PublicBundle author, String sealed) {}

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
    int format;
    String clearName;
    boolean namesSealed;
    int nameVersion;
    final Map<String, NameSeal> nameSeals = new LinkedHashMap<>();
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
        copy.format = format;
        copy.clearName = clearName;
        copy.namesSealed = namesSealed;
        copy.nameVersion = nameVersion;
        copy.nameSeals.putAll(nameSeals);
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

    /** The name of an old (format 1) team, which its genesis carried in clear. */
    public Optional<String> clearName() {
        return Optional.ofNullable(clearName);
    }

    /** Whether the team's name is sealed per member (a format 2 genesis). */
    public boolean namesSealed() {
        return namesSealed;
    }

    /** The current name version (0 for a team whose name is in clear). */
    public int nameVersion() {
        return nameVersion;
    }

    /** The seal of the current name a member can open, if the log gave them one. */
    public Optional<NameSeal> nameSealFor(String memberId) {
        return Optional.ofNullable(nameSeals.get(memberId));
    }

    /**
     * The team's name as {@code readerId} reads it: the clear name of an old team, or the seal the
     * log gave this reader, opened with its key and authenticated as its author's.
     *
     * @throws LogVerificationException {@code bad_team_name} if the reader has no seal or it does
     *     not open (forged, swapped or bound to another member, team or version)
     */
    public String name(String readerId, dev.strongroom.crypto.keys.IdentityKeys reader) {
        if (!namesSealed) {
            return clearName;
        }
        NameSeal seal = nameSeals.get(readerId);
        if (seal == null) {
            throw new LogVerificationException(
                    "bad_team_name", "team " + teamId + " has no name sealed to this reader");
        }
        try {
            return TeamNames.open(
                    teamId,
                    seal.version(),
                    readerId,
                    reader.encryptionPrivateKey(),
                    seal.author().encryptionKey(),
                    seal.sealed());
        } catch (dev.strongroom.crypto.api.CryptoException e) {
            throw new LogVerificationException(
                    "bad_team_name",
                    "the name of team "
                            + teamId
                            + " sealed to this reader (version "
                            + seal.version()
                            + ") does not open");
        }
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
