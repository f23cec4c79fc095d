package dev.strongroom.crypto.slip39;

import dev.strongroom.crypto.api.InvalidShareException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.shamir.Shamir;
import dev.strongroom.crypto.shamir.ShamirShare;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Steps 1 to 3 of SLIP-0039 "Combining the shares": checks that the shares form exactly one valid
 * set, recovers each group share from its members, then the encrypted master secret from the group
 * shares. Messages refer to shares by their 1-based position in the caller's list.
 */
final class ShareCombiner {

    private ShareCombiner() {}

    /** The encrypted master secret; the caller wipes it. */
    static byte[] recoverEncrypted(List<Slip39Share> shares) {
        if (shares == null || shares.isEmpty()) {
            throw new InvalidShareException("no shares to combine");
        }
        checkSameSplit(shares);
        Slip39Share first = shares.get(0);
        Map<Integer, List<Slip39Share>> groups = new TreeMap<>();
        for (Slip39Share share : shares) {
            groups.computeIfAbsent(share.groupIndex(), g -> new ArrayList<>()).add(share);
        }
        if (groups.size() < first.groupThreshold()) {
            throw new InvalidShareException(
                    "insufficient groups: "
                            + first.groupThreshold()
                            + " groups are needed, shares from "
                            + groups.size()
                            + " were given");
        }
        if (groups.size() > first.groupThreshold()) {
            throw new InvalidShareException(
                    "too many groups: exactly "
                            + first.groupThreshold()
                            + " groups are needed, shares from "
                            + groups.size()
                            + " were given");
        }
        List<ShamirShare> groupShares = new ArrayList<>(groups.size());
        try {
            for (Map.Entry<Integer, List<Slip39Share>> group : groups.entrySet()) {
                groupShares.add(recoverGroup(group.getKey(), group.getValue(), shares));
            }
            return recover(first.groupThreshold(), groupShares, "the group shares");
        } finally {
            groupShares.forEach(ShamirShare::close);
        }
    }

    private static void checkSameSplit(List<Slip39Share> shares) {
        Slip39Share first = shares.get(0);
        for (int i = 1; i < shares.size(); i++) {
            String mismatch = mismatch(first, shares.get(i));
            if (mismatch != null) {
                throw new InvalidShareException(
                        "share "
                                + (i + 1)
                                + " is not from the same split as share 1: different "
                                + mismatch);
            }
        }
    }

    /** The first parameter that must be common to all shares and differs, or null. */
    private static String mismatch(Slip39Share first, Slip39Share share) {
        if (share.identifier() != first.identifier()) {
            return "identifier";
        }
        if (share.extendable() != first.extendable()) {
            return "extendable flag";
        }
        if (share.iterationExponent() != first.iterationExponent()) {
            return "iteration exponent";
        }
        if (share.groupThreshold() != first.groupThreshold()) {
            return "group threshold";
        }
        if (share.groupCount() != first.groupCount()) {
            return "group count";
        }
        if (share.valueLength() != first.valueLength()) {
            return "length";
        }
        return null;
    }

    private static ShamirShare recoverGroup(
            int groupIndex, List<Slip39Share> members, List<Slip39Share> all) {
        String group = "group " + (groupIndex + 1);
        int threshold = members.get(0).memberThreshold();
        boolean[] seen = new boolean[Shamir.MAX_SHARES];
        for (Slip39Share member : members) {
            if (member.memberThreshold() != threshold) {
                throw new InvalidShareException(
                        "shares "
                                + position(members.get(0), all)
                                + " and "
                                + position(member, all)
                                + " of "
                                + group
                                + " have different member thresholds");
            }
            if (seen[member.memberIndex()]) {
                throw new InvalidShareException(
                        "share "
                                + position(member, all)
                                + " repeats member index "
                                + (member.memberIndex() + 1)
                                + " of "
                                + group);
            }
            seen[member.memberIndex()] = true;
        }
        if (members.size() != threshold) {
            throw new InvalidShareException(
                    group
                            + " needs exactly "
                            + threshold
                            + " member shares, "
                            + members.size()
                            + (members.size() < threshold
                                    ? " were given (too few)"
                                    : " were given (too many)"));
        }
        List<ShamirShare> points = new ArrayList<>(members.size());
        try {
            for (Slip39Share member : members) {
                points.add(ShamirShare.of(member.memberIndex(), member.value()));
            }
            byte[] groupSecret = recover(threshold, points, "the shares of " + group);
            ShamirShare groupShare = ShamirShare.of(groupIndex, groupSecret);
            Bytes.wipe(groupSecret);
            return groupShare;
        } finally {
            points.forEach(ShamirShare::close);
        }
    }

    private static byte[] recover(int threshold, List<ShamirShare> points, String what) {
        try {
            return Shamir.recover(threshold, points);
        } catch (InvalidShareException e) {
            throw new InvalidShareException(e.getMessage() + " (" + what + ")");
        }
    }

    private static int position(Slip39Share share, List<Slip39Share> all) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == share) {
                return i + 1;
            }
        }
        return -1;
    }
}
