package dev.strongroom.model.wire;

/**
 * {@code GET /api/v1/account/records/{kind}}: one opaque record the caller's clients sealed under a
 * key derived from the account key, and its version (0 and an empty record when none was stored).
 * The server can withhold or roll it back but cannot read or forge it (docs/CRYPTO.md, "Joined
 * teams across devices").
 */
public record AccountRecordResponse(byte[] record, long version) {}
