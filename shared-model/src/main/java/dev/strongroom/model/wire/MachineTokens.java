package dev.strongroom.model.wire;

import java.util.UUID;

/**
 * The machine-account credential: header {@code Authorization: Machine <machineId>.<secret>} where
 * the secret is 32 random bytes in base64url without padding (43 characters). The server stores
 * only SHA-256 of the secret. Also the 401 codes a machine may get besides {@code unauthenticated}.
 */
public final class MachineTokens {

    /** The authorization scheme name. */
    public static final String SCHEME = "Machine";

    /** Secret length in bytes. */
    public static final int SECRET_BYTES = 32;

    /** 401: the machine account was revoked (remove_machine). */
    public static final String TOKEN_REVOKED = "token_revoked";

    /** 401: the machine account's expiry (from its add_machine entry) has passed. */
    public static final String TOKEN_EXPIRED = "token_expired";

    private MachineTokens() {}

    /** The header value for a machine id and its raw secret. */
    public static String header(UUID machineId, byte[] secret) {
        return SCHEME + " " + machineId + "." + Base64Url.encode(secret);
    }
}
