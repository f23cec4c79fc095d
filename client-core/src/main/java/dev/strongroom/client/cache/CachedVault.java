package dev.strongroom.client.cache;

import java.util.Arrays;
import java.util.Objects;

/**
 * A vault known to the cache. A vault never changes team: the cache refuses that as {@link
 * RollbackRefusedException.Reason#VAULT_TEAM_CHANGED}.
 *
 * @param vaultId the vault
 * @param teamId the team that owns it (must be pinned first)
 * @param metadata the vault's encrypted metadata (its name) as the server sends it; may be empty
 */
public record CachedVault(String vaultId, String teamId, byte[] metadata) {

    public CachedVault {
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(teamId, "teamId");
        metadata = Objects.requireNonNull(metadata, "metadata").clone();
    }

    @Override
    public byte[] metadata() {
        return metadata.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CachedVault other
                && vaultId.equals(other.vaultId)
                && teamId.equals(other.teamId)
                && Arrays.equals(metadata, other.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vaultId, teamId, Arrays.hashCode(metadata));
    }

    @Override
    public String toString() {
        return "CachedVault[" + vaultId + " in " + teamId + "]";
    }
}
