package dev.strongroom.client.alert;

/**
 * The stable kinds of {@link SecurityAlert}. The names and {@link #id()} strings are part of the
 * client's interface (JSON output, exit-code documentation, tests): never rename one, only add.
 */
public enum SecurityAlertCode {
    /** The server offered KDF parameters below the floors or weaker than the ones pinned. */
    KDF_DOWNGRADE("the server offered weaker password-hashing parameters than allowed"),
    /** The server offered KDF parameters beyond the ceilings (would exhaust memory or time). */
    KDF_OUT_OF_RANGE("the server offered password-hashing parameters outside the allowed range"),
    /** The server could not prove it knows this account's SRP verifier (wrong M2 or bad B). */
    SERVER_NOT_AUTHENTICATED("the server could not prove it holds this account's login verifier"),
    /** The pinned TLS certificate fingerprint did not match the certificate presented. */
    TLS_PIN_MISMATCH("the server's TLS certificate does not match the pinned fingerprint"),
    /** A signature (bundle, log entry, revision, head) did not verify. */
    BAD_SIGNATURE("a signature from the server did not verify"),
    /** A public key presented for an account is not that account's key. */
    KEY_SUBSTITUTION("a public key was substituted"),
    /** A key changed that is pinned or verified and must not change silently. */
    UNEXPECTED_KEY_CHANGE("a pinned key changed unexpectedly"),
    /** Ciphertext from the server failed authentication although the password is right. */
    TAMPERED_DATA("data from the server was altered"),
    /** An envelope or document of an older, unknown or unauthenticated format. */
    FORMAT_DOWNGRADE("the server sent data in an unsupported or weaker format"),
    /** The membership log forks from the pinned chain. */
    LOG_FORK("the team's membership log was forked"),
    /** The membership log is shorter or older than the last verified position. */
    LOG_ROLLBACK("the team's membership log was rolled back"),
    /** A vault head is older than the highest one pinned. */
    HEAD_ROLLBACK("a vault was rolled back to an older state"),
    /** An item or field was swapped, moved, dropped or duplicated. */
    ITEM_TAMPERING("items were swapped, moved, dropped or duplicated"),
    /** Security state (role, membership, policy, recovery key) that no verified entry supports. */
    UNAUTHENTICATED_STATE("the server presented security settings nobody authorised"),
    /** A change made by someone whose verified role does not allow it. */
    UNAUTHORIZED_CHANGE("a change was made by someone not allowed to make it");

    private final String description;

    SecurityAlertCode(String description) {
        this.description = description;
    }

    /** A plain-language sentence, the start of every alert message of this kind. */
    public String description() {
        return description;
    }

    /** The stable snake_case id, e.g. {@code kdf_downgrade}, for JSON output. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
