package dev.strongroom.model.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.model.wire.WireJson;

/**
 * A membership-log entry as stored and transported: the exact body bytes (base64url JSON) and the
 * author's Ed25519 signature over them. Verifiers check the signature over these bytes and then
 * parse the same bytes, so no canonical JSON is needed and nothing is read twice differently.
 */
public record SignedLogEntry(String body, String signature) {

    /** Serialises and signs a body with the author's identity keys. */
    public static SignedLogEntry sign(LogEntryBody body, IdentityKeys author) {
        try {
            byte[] bytes = WireJson.mapper().writeValueAsBytes(body);
            byte[] signature = author.sign(LogEntries.signedMessage(bytes));
            return new SignedLogEntry(Base64Url.encode(bytes), Base64Url.encode(signature));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("log entry body did not serialise", e);
        }
    }
}
