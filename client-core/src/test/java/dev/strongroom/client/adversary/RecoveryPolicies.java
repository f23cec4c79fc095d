package dev.strongroom.client.adversary;

import dev.strongroom.crypto.asym.X25519;
import dev.strongroom.crypto.asym.X25519KeyPair;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.wire.Base64Url;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Break-glass policy entries for the recovery attacks: a fresh recovery key pair's public half and
 * one random share digest per approver (the recovery issue adds the real sealed shares).
 */
final class RecoveryPolicies {

    private RecoveryPolicies() {}

    static LogAction.SetRecoveryPolicy policy(int version, String... approvers) {
        X25519KeyPair recovery = X25519.generate();
        return policy(version, recovery.publicKey().bytes(), approvers);
    }

    static LogAction.SetRecoveryPolicy policy(
            int version, byte[] recoveryKey, String... approvers) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String a : approvers) {
            digests.put(a, Base64Url.encode(Randoms.bytes(32)));
        }
        return new LogAction.SetRecoveryPolicy(
                version, Base64Url.encode(recoveryKey), List.of(approvers), digests, 2, 0, false);
    }
}
