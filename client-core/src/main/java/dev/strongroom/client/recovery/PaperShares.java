package dev.strongroom.client.recovery;

import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.crypto.slip39.Slip39Share;
import java.util.List;

/**
 * Paper shares: an approver's share as SLIP-39 words (the same codec the official test vectors
 * check), and combining typed words back into the recovery key, checked against the policy's public
 * key. Every failure is one plain sentence: a mistyped word fails the SLIP-39 checksum, shares of
 * different splits or too few of them do not combine, shares of an older split give another key.
 */
public final class PaperShares {

    private PaperShares() {}

    /** This approver's share as words (the caller wipes the array). */
    public static char[] export(RecoveryLog log, String me, IdentityKeys identity, byte[] sealed) {
        try (Slip39Share share = Approvals.openOwnShare(log, me, identity, sealed)) {
            return share.toMnemonicChars();
        }
    }

    /**
     * @throws RecoveryException if the words are not a well-formed SLIP-39 share
     */
    public static Slip39Share parse(char[] words) {
        try {
            return Slip39Share.fromMnemonic(words);
        } catch (CryptoException | IllegalArgumentException e) {
            throw new RecoveryException(
                    "the words are not a valid SLIP-39 share (a word or the checksum is wrong)");
        }
    }

    /**
     * @throws RecoveryException if the shares are fewer than M, of different splits, or of another
     *     recovery key than {@code expected}
     */
    public static RecoveryKey combine(List<Slip39Share> shares, X25519PublicKey expected) {
        if (shares.isEmpty()) {
            throw new RecoveryException("no shares were given");
        }
        int threshold = shares.get(0).memberThreshold();
        if (shares.size() < threshold) {
            throw new RecoveryException(
                    "the shares need " + threshold + " sets of words, " + shares.size() + " given");
        }
        try {
            return RecoveryKey.combine(shares, expected);
        } catch (CryptoException e) {
            throw new RecoveryException("the shares do not combine: " + e.getMessage());
        }
    }
}
