package dev.strongroom.model.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.model.wire.WireJson;

/**
 * A recovery request or decision as transported: the exact body bytes (base64url JSON) and the
 * signer's Ed25519 signature over a domain-separated message, like membership-log entries. The
 * purpose label differs per kind, so a request signature can never pass as a decision or a log
 * entry.
 */
public record SignedRecoveryMessage(String body, String signature) {

    static final String REQUEST = "strongroom/v1/recovery-request-signature";
    static final String DECISION = "strongroom/v1/recovery-decision-signature";
    static final String OLD_WRAPS = "strongroom/v1/recovery-old-wraps-signature";

    public static SignedRecoveryMessage signRequest(RecoveryRequestBody body, IdentityKeys signer) {
        return sign(body, REQUEST, signer);
    }

    public static SignedRecoveryMessage signDecision(
            RecoveryDecisionBody body, IdentityKeys signer) {
        return sign(body, DECISION, signer);
    }

    public static SignedRecoveryMessage signOldWraps(
            RecoveryOldWrapsBody body, IdentityKeys signer) {
        return sign(body, OLD_WRAPS, signer);
    }

    static byte[] message(String purpose, byte[] body) {
        return Canonical.of(purpose).add(body).toBytes();
    }

    private static SignedRecoveryMessage sign(Object body, String purpose, IdentityKeys signer) {
        try {
            byte[] bytes = WireJson.mapper().writeValueAsBytes(body);
            return new SignedRecoveryMessage(
                    Base64Url.encode(bytes),
                    Base64Url.encode(signer.sign(message(purpose, bytes))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recovery message did not serialise", e);
        }
    }
}
