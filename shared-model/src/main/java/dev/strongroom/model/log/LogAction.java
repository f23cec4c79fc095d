package dev.strongroom.model.log;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.strongroom.model.identity.PublicBundleJson;
import java.util.List;
import java.util.Map;

/**
 * What one membership-log entry does. Every change to who may read or write what is one of these,
 * signed by a member whose role allows it at that point of the chain (see {@link TeamLogVerifier}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LogAction.CreateTeam.class, name = "create_team"),
    @JsonSubTypes.Type(value = LogAction.AddMember.class, name = "add_member"),
    @JsonSubTypes.Type(value = LogAction.ChangeRole.class, name = "change_role"),
    @JsonSubTypes.Type(value = LogAction.RemoveMember.class, name = "remove_member"),
    @JsonSubTypes.Type(value = LogAction.CreateVault.class, name = "create_vault"),
    @JsonSubTypes.Type(value = LogAction.GrantVault.class, name = "grant_vault"),
    @JsonSubTypes.Type(value = LogAction.RevokeVault.class, name = "revoke_vault"),
    @JsonSubTypes.Type(value = LogAction.DeleteVault.class, name = "delete_vault"),
    @JsonSubTypes.Type(value = LogAction.RotateVaultKey.class, name = "rotate_vault_key"),
    @JsonSubTypes.Type(value = LogAction.SetRecoveryPolicy.class, name = "set_recovery_policy"),
    @JsonSubTypes.Type(value = LogAction.AddMachine.class, name = "add_machine"),
    @JsonSubTypes.Type(value = LogAction.RemoveMachine.class, name = "remove_machine"),
    @JsonSubTypes.Type(value = LogAction.RenameTeam.class, name = "rename_team")
})
public sealed interface LogAction {

    /**
     * Genesis: the founder (the entry's author) becomes the first owner. Format 2 carries the
     * team's name only as {@code sealedName}, sealed to the founder ({@link TeamNames}); format 1
     * (old logs) carried it in clear as {@code name}.
     */
    record CreateTeam(String name, PublicBundleJson founder, String sealedName)
            implements LogAction {}

    /**
     * Adds a member whose bundle the author verified out of band ({@code verifiedBy}). In a team
     * whose names are sealed, {@code sealedName} is the current name sealed to the new member.
     */
    record AddMember(PublicBundleJson member, Role role, String verifiedBy, String sealedName)
            implements LogAction {}

    record ChangeRole(String memberId, Role role) implements LogAction {}

    /** Removal, or leaving when the author removes themselves. */
    record RemoveMember(String memberId) implements LogAction {}

    /** A new vault at key version 1; the author holds write access to it. */
    record CreateVault(String vaultId, String authorWrapDigest) implements LogAction {}

    /**
     * Gives a member or machine account access to a vault at its current key version. {@code
     * wrapDigest} is the SHA-256 of the HPKE wrap, so the server cannot substitute another wrap.
     */
    record GrantVault(String vaultId, String granteeId, Permission permission, String wrapDigest)
            implements LogAction {}

    record RevokeVault(String vaultId, String granteeId) implements LogAction {}

    /**
     * Deletes a vault for everyone: its grants end and its id can never be used again. Only owners
     * and admins may; the server then drops the vault's ciphertext.
     */
    record DeleteVault(String vaultId) implements LogAction {}

    /** The vault's next key version, with the digest of each remaining grantee's new wrap. */
    record RotateVaultKey(String vaultId, int newKeyVersion, Map<String, String> wrapDigests)
            implements LogAction {}

    /**
     * Break-glass policy: the recovery public key, who holds shares (with the digest of each sealed
     * share), the threshold, the delay and whether any owner may veto.
     */
    record SetRecoveryPolicy(
            int policyVersion,
            String recoveryPublicKey,
            List<String> approverIds,
            Map<String, String> shareDigests,
            int threshold,
            int delayHours,
            boolean ownerVeto)
            implements LogAction {}

    /**
     * A machine account with its own identity, optionally expiring. Its vault access comes from
     * {@link GrantVault} entries naming it, like a member's. In a team whose names are sealed,
     * {@code sealedName} (optional) is the current name sealed to the machine, so that it can
     * resolve {@code sr://<team name>/...}; without one it knows the team by id only.
     */
    record AddMachine(PublicBundleJson machine, Long expiresAt, String sealedName)
            implements LogAction {

        public AddMachine(PublicBundleJson machine, Long expiresAt) {
            this(machine, expiresAt, null);
        }
    }

    record RemoveMachine(String machineId) implements LogAction {}

    /**
     * Renames a team whose names are sealed: the next name version, sealed to exactly the current
     * members (member id to sealed name). Owners and admins only.
     */
    record RenameTeam(int nameVersion, Map<String, String> sealedNames) implements LogAction {}
}
