package dev.strongroom.model.wire;

/**
 * One audit event as team admins see it: when, who (account, machine, or anonymous with its
 * address), what, on which object, with which result, and its place in the hash chain.
 */
public record AuditEventView(
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
        byte[] eventHash) {}
