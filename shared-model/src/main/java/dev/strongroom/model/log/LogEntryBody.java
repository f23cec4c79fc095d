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

    public static final int FORMAT = 1;
}
