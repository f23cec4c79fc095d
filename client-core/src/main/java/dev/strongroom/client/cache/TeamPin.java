package dev.strongroom.client.cache;

import dev.strongroom.model.log.LogEntries;
import java.util.Arrays;
import java.util.Objects;

/**
 * How far a team's membership log has been verified: the genesis hash (which never changes), the
 * last verified sequence and the hash of the entry at that sequence. The sync engine verifies
 * forward from here; {@link LocalCache} refuses a pin that moves back or forks.
 *
 * @param teamId the team
 * @param genesisHash hash of entry 0 ({@code LogEntries.hash}), 32 bytes
 * @param lastSeq last verified sequence, at least 0
 * @param headHash hash of the entry at {@code lastSeq}, 32 bytes (equal to the genesis at 0)
 */
public record TeamPin(String teamId, byte[] genesisHash, long lastSeq, byte[] headHash) {

    public TeamPin {
        Objects.requireNonNull(teamId, "teamId");
        genesisHash = requireHash(genesisHash, "genesisHash");
        headHash = requireHash(headHash, "headHash");
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq must not be negative");
        }
        if (lastSeq == 0 && !Arrays.equals(genesisHash, headHash)) {
            throw new IllegalArgumentException("at sequence 0 the head is the genesis entry");
        }
    }

    private static byte[] requireHash(byte[] hash, String name) {
        Objects.requireNonNull(hash, name);
        if (hash.length != LogEntries.HASH_LENGTH) {
            throw new IllegalArgumentException(
                    name + " must be " + LogEntries.HASH_LENGTH + " bytes");
        }
        return hash.clone();
    }

    @Override
    public byte[] genesisHash() {
        return genesisHash.clone();
    }

    @Override
    public byte[] headHash() {
        return headHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TeamPin other
                && teamId.equals(other.teamId)
                && lastSeq == other.lastSeq
                && Arrays.equals(genesisHash, other.genesisHash)
                && Arrays.equals(headHash, other.headHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(teamId, lastSeq, Arrays.hashCode(headHash));
    }

    @Override
    public String toString() {
        return "TeamPin[" + teamId + " @" + lastSeq + "]";
    }
}
