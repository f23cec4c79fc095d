package dev.strongroom.client.recovery;

import dev.strongroom.crypto.asym.X25519;
import dev.strongroom.crypto.asym.X25519KeyPair;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.model.recovery.RecoveryRequestBody;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.RecoveryVerificationException;
import dev.strongroom.model.recovery.RecoveryVerifier;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.recovery.VerifiedRecoveryRequest;
import dev.strongroom.model.wire.Base64Url;
import java.util.UUID;

/**
 * Opening a break-glass request (a fresh ephemeral X25519 pair and a signed body naming the scope,
 * reason and policy version) and checking one against the verified log.
 */
public final class RecoveryRequests {

    private RecoveryRequests() {}

    /**
     * @throws RecoveryException if the scope names nothing in the team or the reason is empty or
     *     too long (checked as every approver will check it)
     */
    public static OpenRequest open(
            RecoveryLog log, String me, IdentityKeys identity, RecoveryScope scope, String reason) {
        X25519KeyPair ephemeral = X25519.generate();
        String id = UUID.randomUUID().toString();
        RecoveryRequestBody body =
                new RecoveryRequestBody(
                        RecoveryRequestBody.VERSION,
                        id,
                        log.state().teamId(),
                        log.policy().policyVersion(),
                        scope,
                        reason,
                        Base64Url.encode(ephemeral.publicKey().bytes()),
                        me,
                        System.currentTimeMillis());
        SignedRecoveryMessage signed = SignedRecoveryMessage.signRequest(body, identity);
        try {
            verify(log, signed);
        } catch (RecoveryException e) {
            ephemeral.close();
            throw e;
        }
        return new OpenRequest(id, signed, ephemeral);
    }

    /**
     * The request as the verified log allows it.
     *
     * @throws RecoveryException naming why it does not verify
     */
    public static VerifiedRecoveryRequest verify(RecoveryLog log, SignedRecoveryMessage signed) {
        try {
            return RecoveryVerifier.verifyRequest(signed, log.state());
        } catch (RecoveryVerificationException e) {
            throw new RecoveryException("the recovery request does not verify: " + e.getMessage());
        }
    }
}
