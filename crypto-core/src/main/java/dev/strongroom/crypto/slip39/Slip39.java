package dev.strongroom.crypto.slip39;

import dev.strongroom.crypto.api.InvalidShareException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.shamir.Shamir;
import dev.strongroom.crypto.shamir.ShamirShare;
import java.util.ArrayList;
import java.util.List;

/**
 * SLIP-0039 secret sharing: splits a master secret into mnemonic shares with a two-level (groups of
 * members) threshold scheme, and combines them back. Interoperable with other SLIP-0039
 * implementations (checked against the official test vectors).
 *
 * <p>Strongroom uses {@link #splitSingleGroup} to split the team recovery private key among
 * break-glass approvers; {@link #split} is the full scheme.
 */
public final class Slip39 {

    /** Most groups per split, and most members per group (indices are 4 bits). */
    public static final int MAX_GROUPS = Shamir.MAX_SHARES;

    /** Iteration exponent {@link #splitSingleGroup} uses: PBKDF2 runs 20000 times in total. */
    public static final int DEFAULT_ITERATION_EXPONENT = 1;

    private static final int MAX_ITERATION_EXPONENT = 15;

    private Slip39() {}

    /**
     * GenerateShares: encrypts {@code masterSecret} with {@code passphrase}, splits it into group
     * shares ({@code groupThreshold} of {@code groups.size()} needed) and each group share into
     * member shares per its {@link GroupSpec}. Returns one list of member shares per group, in
     * group order; the caller owns and closes them.
     *
     * @param masterSecret 16 to 256 bytes, even length; the caller keeps (and wipes) it
     * @param passphrase printable ASCII (32..126), may be empty or null (= empty); the caller keeps
     *     (and wipes) it. A wrong passphrase is not detectable at combine time: it yields a
     *     different secret, by design of SLIP-0039
     * @param iterationExponent e in 0..15: PBKDF2 runs 10000 * 2^e iterations in total
     * @param extendable SLIP-0039 says new shares SHOULD set it: the identifier is then not used as
     *     salt, so the same secret and passphrase can later be re-split into a new set
     * @throws ParameterRejectedException for parameters outside these ranges
     */
    public static List<List<Slip39Share>> split(
            byte[] masterSecret,
            char[] passphrase,
            int groupThreshold,
            List<GroupSpec> groups,
            int iterationExponent,
            boolean extendable) {
        if (masterSecret.length < ShareCodec.MIN_VALUE_LENGTH
                || masterSecret.length > ShareCodec.MAX_VALUE_LENGTH
                || masterSecret.length % 2 != 0) {
            throw new ParameterRejectedException(
                    "SLIP-39 master secret must be 16 to 256 bytes of even length, got "
                            + masterSecret.length
                            + " bytes");
        }
        if (iterationExponent < 0 || iterationExponent > MAX_ITERATION_EXPONENT) {
            throw new ParameterRejectedException(
                    "SLIP-39 iteration exponent must be in [0, 15], got " + iterationExponent);
        }
        checkGroups(groupThreshold, groups);
        byte[] passphraseBytes = MasterSecretCipher.passphraseBytes(passphrase);
        int identifier = Randoms.uniform(1 << 15);
        byte[] encrypted = null;
        try {
            encrypted =
                    MasterSecretCipher.encrypt(
                            masterSecret,
                            passphraseBytes,
                            iterationExponent,
                            identifier,
                            extendable);
            return splitEncrypted(
                    encrypted, identifier, extendable, iterationExponent, groupThreshold, groups);
        } finally {
            Bytes.wipe(encrypted);
            Bytes.wipe(passphraseBytes);
        }
    }

    /**
     * The single-level M-of-N scheme Strongroom uses for break-glass recovery: one group (1-of-1),
     * {@code threshold}-of-{@code count} members, extendable flag set, iteration exponent {@value
     * #DEFAULT_ITERATION_EXPONENT}. Any {@code threshold} of the returned shares recover the
     * secret. A threshold of 1 requires a count of 1 (SLIP-0039 forbids 1-of-N).
     */
    public static List<Slip39Share> splitSingleGroup(
            byte[] masterSecret, char[] passphrase, int threshold, int count) {
        return split(
                        masterSecret,
                        passphrase,
                        1,
                        List.of(new GroupSpec(threshold, count)),
                        DEFAULT_ITERATION_EXPONENT,
                        true)
                .get(0);
    }

    /**
     * Combines shares into the master secret. As SLIP-0039 requires, the shares must come from one
     * split and give exactly the group threshold of groups, each with exactly its member threshold
     * of shares (pass exactly M shares even if more are at hand). The caller owns (and wipes) the
     * result.
     *
     * @param passphrase the passphrase used at split time (null = empty); a wrong one silently
     *     gives a different secret, by design of SLIP-0039
     * @throws InvalidShareException if the shares are too few or too many, do not belong together,
     *     repeat a member index, or fail the digest check; the message names the problem and the
     *     position of the offending share, never a share value
     * @throws ParameterRejectedException if the passphrase is not printable ASCII
     */
    public static byte[] combine(List<Slip39Share> shares, char[] passphrase) {
        byte[] passphraseBytes = MasterSecretCipher.passphraseBytes(passphrase);
        byte[] encrypted = null;
        try {
            encrypted = ShareCombiner.recoverEncrypted(shares);
            Slip39Share first = shares.get(0);
            return MasterSecretCipher.decrypt(
                    encrypted,
                    passphraseBytes,
                    first.iterationExponent(),
                    first.identifier(),
                    first.extendable());
        } finally {
            Bytes.wipe(encrypted);
            Bytes.wipe(passphraseBytes);
        }
    }

    /** Steps 5 to 7 of GenerateShares, after the passphrase encryption. */
    static List<List<Slip39Share>> splitEncrypted(
            byte[] encrypted,
            int identifier,
            boolean extendable,
            int iterationExponent,
            int groupThreshold,
            List<GroupSpec> groups) {
        List<List<Slip39Share>> result = new ArrayList<>(groups.size());
        List<ShamirShare> groupShares = Shamir.split(groupThreshold, groups.size(), encrypted);
        try {
            for (int g = 0; g < groups.size(); g++) {
                GroupSpec spec = groups.get(g);
                byte[] groupSecret = groupShares.get(g).copyBytes();
                List<ShamirShare> members;
                try {
                    members = Shamir.split(spec.memberThreshold(), spec.memberCount(), groupSecret);
                } finally {
                    Bytes.wipe(groupSecret);
                }
                List<Slip39Share> group = new ArrayList<>(members.size());
                for (ShamirShare member : members) {
                    group.add(
                            new Slip39Share(
                                    identifier,
                                    extendable,
                                    iterationExponent,
                                    g,
                                    groupThreshold,
                                    groups.size(),
                                    member.index(),
                                    spec.memberThreshold(),
                                    member.copyBytes()));
                    member.close();
                }
                result.add(List.copyOf(group));
            }
            return List.copyOf(result);
        } finally {
            groupShares.forEach(ShamirShare::close);
        }
    }

    private static void checkGroups(int groupThreshold, List<GroupSpec> groups) {
        if (groups.isEmpty() || groups.size() > MAX_GROUPS) {
            throw new ParameterRejectedException(
                    "SLIP-39 needs 1 to " + MAX_GROUPS + " groups, got " + groups.size());
        }
        if (groupThreshold < 1 || groupThreshold > groups.size()) {
            throw new ParameterRejectedException(
                    "SLIP-39 group threshold must be in [1, "
                            + groups.size()
                            + "], got "
                            + groupThreshold);
        }
        for (GroupSpec group : groups) {
            if (group == null) {
                throw new ParameterRejectedException("SLIP-39 group spec must not be null");
            }
        }
    }
}
