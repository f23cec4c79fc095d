package dev.strongroom.model.wire;

/**
 * The result of verifying the whole audit chain: intact or not, how many events, the last verified
 * sequence and hash (record it to detect a wholesale rewrite later), the first problem.
 */
public record AuditVerifyResponse(
        boolean ok,
        long eventsChecked,
        long lastVerifiedSeq,
        String lastVerifiedHash,
        String problem) {}
