package dev.strongroom.client.recovery;

import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.model.log.TeamState;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an offline kit is opened against: the head of the team log the exporter's client verified,
 * as {@code SEQ:HASH} (the head entry's sequence number, then its SHA-256 as 64 hex digits in
 * groups of eight). The hash chains back to the genesis, so it names the team; pinning the head
 * rather than the genesis also refuses a kit built from an older prefix of the same log (before a
 * member was removed or the policy changed), which the public recovery key alone cannot tell apart.
 * The sequence is there for the error message and as a typing check; the hash decides.
 */
public final class KitAnchor {

    private static final Pattern FORM = Pattern.compile("(\\d{1,18}):([0-9a-f]{64})");
    private static final Pattern GENESIS_ONLY = Pattern.compile("[0-9a-f]{64}");

    private final long seq;
    private final byte[] headHash;

    private KitAnchor(long seq, byte[] headHash) {
        this.seq = seq;
        this.headHash = headHash.clone();
    }

    /** The anchor of a verified log's head. */
    public static KitAnchor of(TeamState verified) {
        return new KitAnchor(verified.seq(), verified.headHash());
    }

    /**
     * Reads a typed anchor; spaces and dashes between the hex groups and capitals are accepted.
     *
     * @throws RecoveryException if it is missing or not of the form {@code SEQ:HASH}, including the
     *     genesis-only anchor of version 1 kits, which cannot tell an older kit from the latest
     */
    public static KitAnchor parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new RecoveryException(
                    "a kit opens only against the anchor printed when it was exported");
        }
        String s = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (GENESIS_ONLY.matcher(s).matches()) {
            throw new RecoveryException(
                    "that is a genesis-only team anchor, which cannot tell an older kit from the"
                            + " latest: give the SEQ:HASH anchor printed by 'kit export'");
        }
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new RecoveryException(
                    "the kit anchor must be SEQ:HASH (a number, a colon, 64 hex digits)");
        }
        return new KitAnchor(Long.parseLong(m.group(1)), HexFormat.of().parseHex(m.group(2)));
    }

    /**
     * Refuses a kit whose verified log does not end exactly at this anchor's head.
     *
     * @throws RecoveryException naming where the kit's log ends against the anchor's entry
     */
    public void requireHead(TeamState kitLog) {
        boolean same = ConstantTime.equals(headHash, kitLog.headHash());
        if (kitLog.seq() == seq && same) {
            return;
        }
        if (kitLog.seq() < seq) {
            throw new RecoveryException(
                    "the kit's log ends at entry "
                            + kitLog.seq()
                            + ", before the anchor's entry "
                            + seq
                            + ": an older or cut-back kit, refused");
        }
        if (kitLog.seq() > seq) {
            throw new RecoveryException(
                    "the kit's log ends at entry "
                            + kitLog.seq()
                            + ", after the anchor's entry "
                            + seq
                            + ": the anchor belongs to another kit");
        }
        throw new RecoveryException(
                "the kit's log head does not match the anchor: another team's log or a forged one");
    }

    public long seq() {
        return seq;
    }

    byte[] headHash() {
        return headHash.clone();
    }

    /** {@code SEQ:xxxxxxxx-xxxxxxxx-...} (eight groups of eight hex digits). */
    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(headHash);
        StringBuilder out = new StringBuilder().append(seq).append(':');
        for (int i = 0; i < hex.length(); i += 8) {
            out.append(i == 0 ? "" : "-").append(hex, i, i + 8);
        }
        return out.toString();
    }
}
