package dev.strongroom.crypto.slip39;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.shamir.Shamir;

/**
 * One group of a SLIP-0039 split: {@code memberThreshold} of its {@code memberCount} member shares
 * recover the group's share. 1 <= memberThreshold <= memberCount <= 16, and a threshold of 1
 * requires a count of 1: SLIP-0039 forbids 1-of-N groups because their N shares would differ only
 * in the member index (hand out copies of a 1-of-1 share instead).
 */
public record GroupSpec(int memberThreshold, int memberCount) {

    public GroupSpec {
        if (memberThreshold < 1
                || memberThreshold > memberCount
                || memberCount > Shamir.MAX_SHARES) {
            throw new ParameterRejectedException(
                    "group needs 1 <= member threshold <= member count <= "
                            + Shamir.MAX_SHARES
                            + ", got "
                            + memberThreshold
                            + "-of-"
                            + memberCount);
        }
        if (memberThreshold == 1 && memberCount > 1) {
            throw new ParameterRejectedException(
                    "a group with member threshold 1 must have exactly 1 member (SLIP-0039), got"
                            + " 1-of-"
                            + memberCount);
        }
    }
}
