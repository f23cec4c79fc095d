package dev.strongroom.model.wire;

/** The server's SRP proof for the re-authentication, and how many other sessions were revoked. */
public record ChangePasswordResponse(byte[] serverProofM2, int revokedSessions) {}
