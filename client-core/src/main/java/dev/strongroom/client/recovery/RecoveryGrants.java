package dev.strongroom.client.recovery;

import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.KeyWrapUpload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps vault keys to the team recovery key: one grant_vault entry per vault naming the grantee
 * {@code recovery} (read-only) with the digest of a V1 wrap to the policy's public key. Once a
 * vault holds that grant every rotation re-wraps to it (a rotation must cover exactly the
 * grantees), so future key versions are covered without another step; a new vault gets its grant
 * when it is created; a new policy (re-split) re-grants every vault to the new key.
 */
public final class RecoveryGrants {

    /** The grantee id of the recovery key in grants and rotations (shared-model's rule). */
    public static final String GRANTEE = "recovery";

    private RecoveryGrants() {}

    /**
     * Grants every vault of the team to the current recovery key (re-grants those granted to an
     * older one); returns each vault's new wrap by vault id. Needs an admin who can open each
     * vault's key.
     */
    public static Map<String, byte[]> grantAll(SyncEngine engine, String teamId) {
        Map<String, byte[]> granted = new LinkedHashMap<>();
        engine.pull();
        TeamState s = engine.team(teamId).orElseThrow();
        for (String vaultId : List.copyOf(s.vaults().keySet())) {
            granted.put(vaultId, grant(engine, teamId, vaultId));
        }
        return granted;
    }

    /**
     * The hook for a new vault: grants it to the recovery key if the team has a policy and this
     * account may grant (a no-op otherwise).
     */
    public static void grantIfPolicy(SyncEngine engine, String teamId, String vaultId) {
        TeamState s = engine.team(teamId).orElseThrow();
        if (s.recoveryPolicy().isPresent() && s.vaults().containsKey(vaultId)) {
            grant(engine, teamId, vaultId);
        }
    }

    private static byte[] grant(SyncEngine engine, String teamId, String vaultId) {
        TeamState s = engine.team(teamId).orElseThrow();
        X25519PublicKey recovery =
                new X25519PublicKey(
                        Base64Url.decode(
                                s.recoveryPolicy().orElseThrow().entry().recoveryPublicKey()));
        int version = s.vaults().get(vaultId).keyVersion();
        VaultKey key = engine.vaultKey(vaultId, version);
        byte[] wrap =
                VaultKeyWrap.seal(
                        key,
                        new VaultKeyWrap.Binding(teamId, vaultId, version, GRANTEE, recovery),
                        engine.session().identity());
        LogEntryBody body =
                new LogEntryBody(
                        LogEntryBody.FORMAT,
                        teamId,
                        s.seq() + 1,
                        Base64Url.encode(s.headHash()),
                        engine.session().accountId().toString(),
                        System.currentTimeMillis(),
                        new LogAction.GrantVault(
                                vaultId,
                                GRANTEE,
                                Permission.READ,
                                Base64Url.encode(Sha256.hash(wrap))));
        engine.api()
                .append(
                        teamId,
                        new AppendLogRequest(
                                SignedLogEntry.sign(body, engine.session().identity()),
                                null,
                                List.of(new KeyWrapUpload(version, GRANTEE, wrap)),
                                List.of()));
        engine.pull();
        return wrap;
    }
}
