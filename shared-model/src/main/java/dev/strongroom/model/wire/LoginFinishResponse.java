package dev.strongroom.model.wire;

/**
 * A successful login: the server's proof M2 (the client must check it before trusting anything else
 * in this answer), the session token for {@code Authorization: Bearer}, the session and the
 * account.
 */
public record LoginFinishResponse(
        byte[] serverProofM2, String sessionToken, SessionInfo session, AccountResponse account) {}
