package dev.strongroom.server.audit;

import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.mac.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * An audit event as stored: its place in the chain (seq), the previous event's hash and its own.
 * The hash covers the previous hash and the canonical encoding of every stored field, so editing,
 * deleting or reordering any row breaks the chain from there on.
 */
public record ChainedEvent(
        long seq,
        long at,
        String actorKind,
        String actorId,
        String address,
        String action,
        String teamId,
        String targetKind,
        String targetId,
        String result,
        String detail,
        byte[] prevHash,
        byte[] eventHash) {

    static final String PURPOSE = "strongroom/v1/audit-event";

    /** The hash this event must have, computed from its content and prevHash. */
    public byte[] expectedHash() {
        return hash(
                prevHash,
                seq,
                at,
                actorKind,
                actorId,
                address,
                action,
                teamId,
                targetKind,
                targetId,
                result,
                detail);
    }

    static byte[] hash(
            byte[] prevHash,
            long seq,
            long at,
            String actorKind,
            String actorId,
            String address,
            String action,
            String teamId,
            String targetKind,
            String targetId,
            String result,
            String detail) {
        byte[] content =
                Canonical.of(PURPOSE)
                        .add(seq)
                        .add(at)
                        .add(optional(actorKind))
                        .add(optional(actorId))
                        .add(optional(address))
                        .add(optional(action))
                        .add(optional(teamId))
                        .add(optional(targetKind))
                        .add(optional(targetId))
                        .add(optional(result))
                        .add(optional(detail))
                        .toBytes();
        return Sha256.hash(prevHash, content);
    }

    /** 0x00 for null, 0x01 followed by UTF-8 otherwise, so null and "" differ. */
    private static byte[] optional(String value) {
        if (value == null) {
            return new byte[] {0};
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        out[0] = 1;
        System.arraycopy(utf8, 0, out, 1, utf8.length);
        return out;
    }
}
