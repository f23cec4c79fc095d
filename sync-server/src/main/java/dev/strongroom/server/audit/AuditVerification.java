package dev.strongroom.server.audit;

/**
 * The outcome of verifying the audit chain: how many events were read, the last verified seq and
 * hash (record it elsewhere to detect a wholesale rewrite later), and the first problem found.
 */
public record AuditVerification(
        boolean ok,
        long eventsChecked,
        long lastVerifiedSeq,
        String lastVerifiedHashHex,
        String problem,
        long firstBadSeq) {}
