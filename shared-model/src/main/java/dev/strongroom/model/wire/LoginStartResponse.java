package dev.strongroom.model.wire;

import java.util.UUID;

/**
 * The server's SRP public value B and the id of this single-use login attempt, valid until {@code
 * expiresAt}. Answered for unknown emails too (with a value that can never verify).
 */
public record LoginStartResponse(UUID loginId, byte[] serverPublicB, long expiresAt) {}
