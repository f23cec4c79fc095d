package dev.strongroom.model.log;

/**
 * The signed content of a membership-log entry. {@code prevHash} is the hash of the previous entry
 * (32 zero bytes at genesis), so the entries form a chain that a server cannot fork, reorder or
 * rewind without breaking a hash or a signature.
 */
public record LogEntryBody(
        int format,
        String teamId,
        long seq,
        String prevHash,
        String authorId,
        long timestamp,
        LogAction action) {

    /**
     * The format new entries are written in. Format 2 seals the team's name per member (see {@link
     * TeamNames}); format 1 logs (clear name in the genesis) are still verified, but an entry may
     * never go back to a lower format than the one before it.
     */
    public static final int FORMAT = 2;

    /** The first format: the team's name in clear in create_team. Verified, never written. */
    public static final int FORMAT_CLEAR_NAME = 1;
}
