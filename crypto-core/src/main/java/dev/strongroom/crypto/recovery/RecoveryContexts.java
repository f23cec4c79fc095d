package dev.strongroom.crypto.recovery;

import dev.strongroom.crypto.common.Canonical;

/**
 * HPKE info strings of break-glass recovery (contexts R1 and R2 in docs/CRYPTO.md). Each binds
 * every id the sealed share belongs to, so a share cannot be replayed to another team, policy,
 * approver, request or requester key.
 */
final class RecoveryContexts {

    private static final String FORMAT = "strongroom/v1";

    private RecoveryContexts() {}

    /** R1: a share sealed by the policy's author to one approver. */
    static byte[] share(ShareBinding b) {
        return Canonical.of(FORMAT + "/recovery-share")
                .add(b.teamId())
                .add(b.policyVersion())
                .add(b.approverId())
                .add(b.approverKey().bytes())
                .toBytes();
    }

    /** R2: a share re-sealed by an approver to one request's ephemeral key. */
    static byte[] approval(ApprovalBinding b) {
        return Canonical.of(FORMAT + "/recovery-approval")
                .add(b.teamId())
                .add(b.requestId())
                .add(b.requestDigest())
                .add(b.approverId())
                .add(b.requestKey().bytes())
                .toBytes();
    }
}
