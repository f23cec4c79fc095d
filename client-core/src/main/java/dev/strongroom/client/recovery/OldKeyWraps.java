package dev.strongroom.client.recovery;

import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryOldWraps;
import dev.strongroom.model.recovery.RecoveryOldWrapsBody;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.KeyWrapUpload;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps each vault's older key versions (those from before the policy: the log's grant covers the
 * current version, and every rotation wraps the next one to the {@code recovery} grantee) to the
 * current recovery key, with a signed announcement of their digests, so revisions still under an
 * old key version open after a recovery too. Runs at setup and at every re-split.
 */
final class OldKeyWraps {

    private OldKeyWraps() {}

    /**
     * Wraps and announces every older key version this device holds; returns those it could not
     * (this account never received that version), as {@code vaultId vN}.
     */
    static List<String> wrapAll(SyncEngine engine, RecoveryApi api, String teamId) {
        TeamState s = engine.team(teamId).orElseThrow();
        String policyKey = s.recoveryPolicy().orElseThrow().entry().recoveryPublicKey();
        X25519PublicKey recovery = new X25519PublicKey(Base64Url.decode(policyKey));
        int policyVersion = s.recoveryPolicy().get().entry().policyVersion();
        String me = engine.session().accountId().toString();
        List<String> missing = new ArrayList<>();
        s.vaults()
                .forEach(
                        (vaultId, vault) -> {
                            List<KeyWrapUpload> wraps = new ArrayList<>();
                            List<RecoveryOldWrapsBody.VersionDigest> digests = new ArrayList<>();
                            for (int v = 1; v < vault.keyVersion(); v++) {
                                byte[] wrap = wrap(engine, teamId, vaultId, v, recovery);
                                if (wrap == null) {
                                    missing.add(vaultId + " v" + v);
                                    continue;
                                }
                                wraps.add(new KeyWrapUpload(v, RecoveryKey.RECIPIENT_ID, wrap));
                                digests.add(
                                        new RecoveryOldWrapsBody.VersionDigest(
                                                v, Base64Url.encode(Sha256.hash(wrap))));
                            }
                            if (!wraps.isEmpty()) {
                                RecoveryOldWrapsBody body =
                                        new RecoveryOldWrapsBody(
                                                RecoveryOldWrapsBody.VERSION,
                                                teamId,
                                                policyVersion,
                                                vaultId,
                                                me,
                                                digests,
                                                System.currentTimeMillis());
                                SignedRecoveryMessage signed =
                                        SignedRecoveryMessage.signOldWraps(
                                                body, engine.session().identity());
                                api.putOldWraps(
                                        teamId,
                                        vaultId,
                                        new RecoveryOldWraps.Upload(signed, wraps));
                            }
                        });
        return missing;
    }

    private static byte[] wrap(
            SyncEngine engine, String teamId, String vaultId, int version, X25519PublicKey to) {
        VaultKey key;
        try {
            key = engine.vaultKey(vaultId, version);
        } catch (IllegalStateException e) {
            return null; // granted after that version: this account never held it
        }
        return VaultKeyWrap.seal(
                key,
                new VaultKeyWrap.Binding(teamId, vaultId, version, RecoveryKey.RECIPIENT_ID, to),
                engine.session().identity());
    }
}
