package dev.strongroom.model.wire;

import dev.strongroom.model.identity.PublicBundleJson;
import java.util.UUID;

/**
 * The public-key directory's answer: an account's self-signed public bundle. The server cannot be
 * trusted for this binding; clients authenticate it out of band (fingerprint or invite code).
 */
public record PublicAccountResponse(UUID accountId, String email, PublicBundleJson publicBundle) {}
