package dev.strongroom.model.wire;

import java.util.UUID;

/** A team the caller belongs to, with the server's log head (clients verify it themselves). */
public record TeamSummary(
        UUID teamId, String role, long headSeq, byte[] headHash, byte[] genesisHash) {}
