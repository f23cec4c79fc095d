package dev.strongroom.model.wire;

/** Who decided what on a request and when (approve, deny or veto); no share. */
public record RecoveryDecisionSummary(String deciderId, String decision, long decidedAt) {}
