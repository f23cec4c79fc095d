package dev.strongroom.crypto.keys;

/**
 * Pinned outputs of the key hierarchy for fixed inputs. If one of these changes, every existing
 * account would stop unlocking: change them only together with a format version and a migrator.
 */
final class KnownAnswers {

    private KnownAnswers() {}

    /** HKDF-SHA256(master key 00..1f, info "strongroom/v1/auth-secret"), computed independently. */
    static final String AUTH_SECRET =
            "c240f264785646e90b97c1b9c0872eeebc3ceb98737aeaf247619d056903cc16";

    static final String KEY_ENCRYPTION_KEY =
            "7907c529a8552d1426979fb33ea6b57aca38330a4a5fffc528f25d5cf6d0600a";

    // Context encodings, computed independently from docs/CRYPTO.md.
    static final String ACCOUNT_KEY_CONTEXT =
            "000000197374726f6e67726f6f6d2f76312f6163636f756e742d6b657900000003616363";
    static final String VAULT_KEY_INFO =
            "000000177374726f6e67726f6f6d2f76312f7661756c742d6b6579000000047465616d0000000576"
                    + "61756c74000000040000000200000003626f62000000200707070707070707070707070707070707"
                    + "070707070707070707070707070707";
    static final String ITEM_KEY_CONTEXT =
            "000000167374726f6e67726f6f6d2f76312f6974656d2d6b6579000000057661756c74000000046974656d"
                    + "0000000400000002";
    static final String ITEM_CONTENT_CONTEXT =
            "0000001a7374726f6e67726f6f6d2f76312f6974656d2d636f6e74656e74000000057661756c740000000469"
                    + "74656d000000080000000000000009";

    /**
     * Fingerprint of the identity whose private keys are the bytes 0..63 (pinned from our code).
     */
    static final String FINGERPRINT_DIGITS =
            "37893 16999 15802 12171 46017 59551 67974 06115 88433 64884 38024 95667";
}
