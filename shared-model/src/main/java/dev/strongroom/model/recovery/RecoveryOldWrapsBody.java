package dev.strongroom.model.recovery;

import java.util.List;

/**
 * An owner's or admin's signed announcement of a vault's older key versions wrapped to the current
 * recovery key. The log announces the current version's wrap (grant_vault to {@code recovery}) and
 * every later one (each rotation wraps to that grantee); key versions from before the policy exist
 * only here, so "every vault key version, existing and future" is covered. Each digest is SHA-256
 * over the V1 wrap, whose HPKE auth-mode sender is the author.
 */
public record RecoveryOldWrapsBody(
        int v,
        String teamId,
        int policyVersion,
        String vaultId,
        String authorId,
        List<VersionDigest> wraps,
        long createdAt) {

    public static final int VERSION = 1;

    /** One older key version and the digest of its wrap to the recovery key. */
    public record VersionDigest(int keyVersion, String digest) {}

    public RecoveryOldWrapsBody {
        wraps = wraps == null ? null : List.copyOf(wraps);
    }
}
